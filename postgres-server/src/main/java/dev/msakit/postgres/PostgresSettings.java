package dev.msakit.postgres;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Everything the server is started with, read from the environment (12-factor) by {@link #fromEnvironment}. Only
 * the superuser's and the accounts' passwords have no default: they are secrets.
 */
public final class PostgresSettings {

    private final Path dataDirectory;
    private final Path installDirectory;
    private final String bindAddress;
    private final int port;
    private final String superuserPassword;
    private final List<DatabaseAccount> accounts;
    private final int maxConnections;
    private final int accountConnectionLimit;
    private final String sharedBuffers;
    private final boolean durable;

    private PostgresSettings(Builder builder) {
        this.dataDirectory = builder.dataDirectory.toAbsolutePath().normalize();
        this.installDirectory = builder.installDirectory.toAbsolutePath().normalize();
        this.bindAddress = builder.bindAddress;
        this.port = builder.port;
        if (builder.superuserPassword == null || builder.superuserPassword.isEmpty()) {
            throw new IllegalArgumentException("PG_SUPERUSER_PASSWORD is not set: the server has no default password");
        }
        this.superuserPassword = builder.superuserPassword;
        this.accounts = Collections.unmodifiableList(new ArrayList<>(builder.accounts));
        this.maxConnections = builder.maxConnections;
        this.accountConnectionLimit = builder.accountConnectionLimit;
        this.sharedBuffers = builder.sharedBuffers;
        this.durable = builder.durable;
        long superuserSlots = 3; // superuser_reserved_connections' default
        if ((long) accounts.size() * accountConnectionLimit > maxConnections - superuserSlots) {
            throw new IllegalArgumentException(accounts.size() + " accounts x " + accountConnectionLimit
                    + " connections exceed max_connections " + maxConnections + " less " + superuserSlots
                    + " reserved: raise PG_MAX_CONNECTIONS or lower PG_ACCOUNT_CONNECTION_LIMIT");
        }
    }

    /**
     * PG_PORT, PG_BIND_ADDRESS, PG_DATA_DIR (else DATA_DIR/postgres), PG_INSTALL_DIR, PG_SUPERUSER_PASSWORD,
     * PG_MAX_CONNECTIONS, PG_ACCOUNT_CONNECTION_LIMIT, PG_SHARED_BUFFERS, and PG_ACCOUNTS: a comma-separated list of
     * PREFIX:database, each account's name and password read from PREFIX_DB_USER and PREFIX_DB_PASSWORD (the names
     * docker-compose.yml and the Kubernetes secret use too).
     */
    public static PostgresSettings fromEnvironment(Map<String, String> env) {
        Builder builder = builder()
                .port(Integer.parseInt(env.getOrDefault("PG_PORT", "5432")))
                .bindAddress(env.getOrDefault("PG_BIND_ADDRESS", "127.0.0.1"))
                .dataDirectory(Paths.get(env.getOrDefault("PG_DATA_DIR",
                        env.getOrDefault("DATA_DIR", "data") + "/postgres")))
                .superuserPassword(env.get("PG_SUPERUSER_PASSWORD"))
                .maxConnections(Integer.parseInt(env.getOrDefault("PG_MAX_CONNECTIONS", "150")))
                .accountConnectionLimit(Integer.parseInt(env.getOrDefault("PG_ACCOUNT_CONNECTION_LIMIT", "20")))
                .sharedBuffers(env.getOrDefault("PG_SHARED_BUFFERS", "64MB"));
        if (env.containsKey("PG_INSTALL_DIR")) {
            builder.installDirectory(Paths.get(env.get("PG_INSTALL_DIR")));
        }
        for (String entry : env.getOrDefault("PG_ACCOUNTS", "").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("PG_ACCOUNTS entry '" + entry + "' is not PREFIX:database");
            }
            String prefix = parts[0];
            String user = env.get(prefix + "_DB_USER");
            if (user == null) {
                throw new IllegalArgumentException(prefix + "_DB_USER is not set (account for database " + parts[1] + ")");
            }
            builder.account(new DatabaseAccount(parts[1], user, env.get(prefix + "_DB_PASSWORD")));
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Path installDirectory() {
        return installDirectory;
    }

    public String bindAddress() {
        return bindAddress;
    }

    public int port() {
        return port;
    }

    String superuserPassword() {
        return superuserPassword;
    }

    public List<DatabaseAccount> accounts() {
        return accounts;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public int accountConnectionLimit() {
        return accountConnectionLimit;
    }

    public String sharedBuffers() {
        return sharedBuffers;
    }

    /** Off only for throwaway test servers: fsync off there, as every commit is thrown away anyway. */
    public boolean durable() {
        return durable;
    }

    public static final class Builder {
        private Path dataDirectory = Paths.get("data", "postgres");
        private Path installDirectory = PostgresBinaries.defaultInstallDirectory();
        private String bindAddress = "127.0.0.1";
        private int port = 5432;
        private String superuserPassword;
        private final List<DatabaseAccount> accounts = new ArrayList<>();
        private int maxConnections = 150;
        private int accountConnectionLimit = 20;
        private String sharedBuffers = "64MB";
        private boolean durable = true;

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder installDirectory(Path installDirectory) {
            this.installDirectory = installDirectory;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder superuserPassword(String superuserPassword) {
            this.superuserPassword = superuserPassword;
            return this;
        }

        public Builder account(DatabaseAccount account) {
            this.accounts.add(account);
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder accountConnectionLimit(int accountConnectionLimit) {
            this.accountConnectionLimit = accountConnectionLimit;
            return this;
        }

        public Builder sharedBuffers(String sharedBuffers) {
            this.sharedBuffers = sharedBuffers;
            return this;
        }

        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        public PostgresSettings build() {
            return new PostgresSettings(this);
        }
    }
}
