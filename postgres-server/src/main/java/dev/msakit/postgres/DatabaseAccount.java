package dev.msakit.postgres;

import java.util.regex.Pattern;

/** A service's own database and the one account that may log in to it. */
public final class DatabaseAccount {

    /** Plain lower-case SQL identifiers only: they are written into SQL and pg_hba.conf, never quoted. */
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String database;
    private final String user;
    private final String password;

    public DatabaseAccount(String database, String user, String password) {
        this.database = identifier("database", database);
        this.user = identifier("account", user);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("no password for account " + user + " (database " + database + ")");
        }
        this.password = password;
    }

    static String identifier(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name '" + name
                    + "' must be a lower-case SQL identifier ([a-z_][a-z0-9_]*, at most 63 characters)");
        }
        return name;
    }

    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }


    /** Never the password: this ends up in logs. */
    @Override
    public String toString() {
        return user + "@" + database;
    }
}
