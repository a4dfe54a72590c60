package dev.msakit.member;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.msakit.member.token.SigningKeys;
import dev.msakit.platform.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tokens must survive a restart, and a copy of the database must not be enough to sign them: the generated key is
 * stored sealed with JWT_KEY_ENCRYPTION_KEY and reused.
 */
class SigningKeyPersistenceTest {

    private static final String SECRET = "persistence-test-encryption-secret";

    @Test
    void reusesTheStoredKeyAfterARestartAndStoresItSealed() throws Exception {
        String database = TestDatabase.create();
        String first = startAndReadKeyId(database, SECRET);
        String second = startAndReadKeyId(database, SECRET);
        assertThat(second).isEqualTo(first);

        List<String> stored = query(database, "SELECT kid || ' ' || private_key_sealed FROM token_signing_key");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0)).startsWith(first + " v1.").doesNotContain("PRIVATE KEY");
    }

    @Test
    void refusesToStartWithAnotherEncryptionKeyOrNone() {
        String database = TestDatabase.create();
        startAndReadKeyId(database, SECRET);
        assertThatThrownBy(() -> startAndReadKeyId(database, "another-encryption-secret-entirely"))
                .hasStackTraceContaining("Cannot decrypt the stored signing key")
                .hasStackTraceContaining("JWT_KEY_ENCRYPTION_KEY");
        assertThatThrownBy(() -> startAndReadKeyId(database, ""))
                .hasStackTraceContaining("JWT_KEY_ENCRYPTION_KEY (member.token.key-encryption-key) must be set");
    }

    @Test
    void aPlainTextKeyOfAnEarlierVersionIsSealedAndKeepsSigning() throws Exception {
        String database = TestDatabase.create();
        String[] datasource = TestDatabase.datasourceArguments(database);
        Flyway.configure().dataSource(value(datasource[0]), value(datasource[1]), value(datasource[2]))
                .target("1").load().migrate();
        RSAKey earlier = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(earlier.toPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        try (Connection connection = connect(database);
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO signing_key (id, private_key_pem, created_at) VALUES ('current', ?, ?)")) {
            insert.setString(1, pem);
            insert.setTimestamp(2, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }

        assertThat(startAndReadKeyId(database, SECRET)).isEqualTo(earlier.getKeyID());
        assertThat(query(database, "SELECT id FROM signing_key")).isEmpty();
        List<String> sealed = query(database, "SELECT private_key_sealed FROM token_signing_key");
        assertThat(sealed).hasSize(1);
        assertThat(sealed.get(0)).startsWith("v1.").doesNotContain("PRIVATE KEY");
    }

    private String startAndReadKeyId(String database, String encryptionSecret) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--eureka.client.enabled=false",
                "--JWT_KEY_ENCRYPTION_KEY=" + encryptionSecret));
        Arrays.stream(TestDatabase.datasourceArguments(database)).map(setting -> "--" + setting).forEach(arguments::add);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MemberServiceApplication.class)
                .run(arguments.toArray(new String[0]))) {
            return context.getBean(SigningKeys.class).signer().getKeyID();
        }
    }

    private static List<String> query(String database, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }

    private static Connection connect(String database) throws Exception {
        String[] datasource = TestDatabase.datasourceArguments(database);
        return DriverManager.getConnection(value(datasource[0]), value(datasource[1]), value(datasource[2]));
    }

    private static String value(String setting) {
        return setting.substring(setting.indexOf('=') + 1);
    }
}
