package dev.msakit.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real server on a temporary data directory: what ./msa up and the system tests rely on. */
class PostgresServerTest {

    @TempDir
    Path work;

    @Test
    void eachAccountLogsInToItsOwnDatabaseOnly() throws Exception {
        PostgresSettings settings = settings(freePort(), "shop-superuser", "members-pw", "products-pw");
        try (PostgresServer server = PostgresServer.start(settings)) {
            try (Connection members = login(server, "members", "member_service", "members-pw");
                 Statement sql = members.createStatement()) {
                sql.execute("CREATE TABLE member (id int)");
            }
            assertSqlState(() -> login(server, "products", "member_service", "members-pw"), "28000");
            assertSqlState(() -> login(server, "postgres", "member_service", "members-pw"), "28000");
            assertSqlState(() -> login(server, "members", "member_service", "wrong"), "28P01");
            // Inside its own database an account is no superuser and cannot make more accounts or databases.
            try (Connection products = login(server, "products", "product_service", "products-pw");
                 Statement sql = products.createStatement()) {
                assertThatThrownBy(() -> sql.execute("CREATE ROLE intruder LOGIN PASSWORD 'x'"))
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> sql.execute("CREATE DATABASE other")).isInstanceOf(SQLException.class);
            }
        }
    }

    @Test
    void aRestartKeepsTheDataAndAppliesTheDeclaredPasswords() throws Exception {
        int port = freePort();
        try (PostgresServer server = PostgresServer.start(settings(port, "su", "first", "products-pw"));
             Connection members = login(server, "members", "member_service", "first");
             Statement sql = members.createStatement()) {
            sql.execute("CREATE TABLE member (id int)");
            sql.execute("INSERT INTO member VALUES (42)");
        }
        // Started again on the same directory, with member_service's password rotated.
        try (PostgresServer server = PostgresServer.start(settings(port, "su", "second", "products-pw"))) {
            assertSqlState(() -> login(server, "members", "member_service", "first"), "28P01");
            try (Connection members = login(server, "members", "member_service", "second");
                 Statement sql = members.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT id FROM member")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
        }
    }

    @Test
    void aWrongSuperuserPasswordForAnExistingClusterIsNamed() throws Exception {
        int port = freePort();
        PostgresServer.start(settings(port, "original", "m", "p")).close();
        assertThatThrownBy(() -> PostgresServer.start(settings(port, "another", "m", "p")))
                .hasMessageContaining("PG_SUPERUSER_PASSWORD is not the password");
    }

    @Test
    void aKilledServerIsNoticedAndStartsAgainOnItsData() throws Exception {
        int port = freePort();
        PostgresServer first = PostgresServer.start(settings(port, "su", "m", "p"));
        try (Connection members = login(first, "members", "member_service", "m");
             Statement sql = members.createStatement()) {
            sql.execute("CREATE TABLE member (id int)");
            sql.execute("INSERT INTO member VALUES (7)"); // committed: must survive the kill
        }
        ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
        assertThat(first.awaitExit()).isNotZero();
        try (PostgresServer again = PostgresServer.start(settings(port, "su", "m", "p"));
             Connection members = login(again, "members", "member_service", "m");
             Statement sql = members.createStatement();
             ResultSet rows = sql.executeQuery("SELECT id FROM member")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(7);
        }
    }

    private PostgresSettings settings(int port, String superuser, String membersPassword, String productsPassword) {
        return PostgresSettings.builder()
                .dataDirectory(work.resolve("data"))
                .port(port)
                .superuserPassword(superuser)
                .account(new DatabaseAccount("members", "member_service", membersPassword))
                .account(new DatabaseAccount("products", "product_service", productsPassword))
                .build();
    }

    private static Connection login(PostgresServer server, String database, String user, String password)
            throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(database), user, password);
    }

    private static void assertSqlState(ThrowingLogin login, String state) {
        assertThatThrownBy(() -> login.open().close()).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo(state));
    }

    private interface ThrowingLogin {
        Connection open() throws SQLException;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
