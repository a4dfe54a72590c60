package dev.msakit.member;

import dev.msakit.member.token.SigningKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens must survive a restart: the generated key is stored in the service's file database and reused. */
class SigningKeyPersistenceTest {

    @TempDir
    Path dataDir;

    @Test
    void reusesGeneratedKeyAfterRestart() {
        String first = startAndReadKeyId();
        String second = startAndReadKeyId();
        assertThat(second).isEqualTo(first);
    }

    private String startAndReadKeyId() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MemberServiceApplication.class)
                .run("--server.port=0", "--eureka.client.enabled=false",
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("members"))) {
            return context.getBean(SigningKeys.class).current().getKeyID();
        }
    }
}
