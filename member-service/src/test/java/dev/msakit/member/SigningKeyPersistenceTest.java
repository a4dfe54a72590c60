package dev.msakit.member;

import dev.msakit.member.token.SigningKeys;
import dev.msakit.platform.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens must survive a restart: the generated key is stored in the service's database and reused. */
class SigningKeyPersistenceTest {

    @Test
    void reusesGeneratedKeyAfterRestart() {
        String database = TestDatabase.create();
        String first = startAndReadKeyId(database);
        String second = startAndReadKeyId(database);
        assertThat(second).isEqualTo(first);
    }

    private String startAndReadKeyId(String database) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--eureka.client.enabled=false"));
        Arrays.stream(TestDatabase.datasourceArguments(database)).map(setting -> "--" + setting).forEach(arguments::add);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MemberServiceApplication.class)
                .run(arguments.toArray(new String[0]))) {
            return context.getBean(SigningKeys.class).current().getKeyID();
        }
    }
}
