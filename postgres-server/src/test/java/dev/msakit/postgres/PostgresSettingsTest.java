package dev.msakit.postgres;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresSettingsTest {

    @Test
    void readsEachAccountFromItsPrefixedVariables() {
        Map<String, String> env = base();
        PostgresSettings settings = PostgresSettings.fromEnvironment(env);
        assertThat(settings.accounts()).extracting(DatabaseAccount::user, DatabaseAccount::database)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("member_service", "members"),
                        org.assertj.core.groups.Tuple.tuple("order_service", "orders"));
        assertThat(settings.port()).isEqualTo(5432);
        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.dataDirectory().toString()).endsWith("/srv/data/postgres");
        assertThat(settings.accounts().toString()).doesNotContain("secret");
    }

    @Test
    void refusesToStartWithoutPasswords() {
        Map<String, String> env = base();
        env.remove("PG_SUPERUSER_PASSWORD");
        assertThatThrownBy(() -> PostgresSettings.fromEnvironment(env)).hasMessageContaining("PG_SUPERUSER_PASSWORD");
        Map<String, String> noAccountPassword = base();
        noAccountPassword.remove("ORDER_DB_PASSWORD");
        assertThatThrownBy(() -> PostgresSettings.fromEnvironment(noAccountPassword))
                .hasMessageContaining("order_service");
    }

    @Test
    void refusesNamesThatWouldNeedQuotingAndBudgetsThatDoNotFit() {
        assertThatThrownBy(() -> new DatabaseAccount("members; DROP", "x", "pw")).hasMessageContaining("identifier");
        Map<String, String> env = base();
        env.put("PG_MAX_CONNECTIONS", "40");
        assertThatThrownBy(() -> PostgresSettings.fromEnvironment(env)).hasMessageContaining("max_connections");
    }

    @Test
    void quotesPasswordsAsSqlLiterals() {
        assertThat(AccountProvisioner.literal("it's")).isEqualTo("'it''s'");
        assertThat(AccountProvisioner.literal("back\\slash")).isEqualTo("'back\\slash'");
    }

    private static Map<String, String> base() {
        Map<String, String> env = new HashMap<>();
        env.put("DATA_DIR", "/srv/data");
        env.put("PG_SUPERUSER_PASSWORD", "su-secret");
        env.put("PG_ACCOUNTS", "MEMBER:members, ORDER:orders");
        env.put("MEMBER_DB_USER", "member_service");
        env.put("MEMBER_DB_PASSWORD", "member-secret");
        env.put("ORDER_DB_USER", "order_service");
        env.put("ORDER_DB_PASSWORD", "order-secret");
        return env;
    }
}
