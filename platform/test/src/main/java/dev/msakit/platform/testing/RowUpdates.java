package dev.msakit.platform.testing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many row UPDATEs reach a table while an action runs, counted by PostgreSQL itself (a row trigger that bumps a
 * sequence; sequences ignore rollbacks, so every statement that reached a row counts). For tests that hold a write
 * path to the statements it needs: an ORM can issue updates that change nothing a reader sees.
 */
public final class RowUpdates {

    private static final String COUNT_FUNCTION = "test_count_row_update";

    private RowUpdates() {
    }

    /** The row updates of {@code table} (a plain name from the test's own schema) while {@code action} ran. */
    public static long during(JdbcTemplate jdbc, String table, Runnable action) {
        if (!table.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("a plain table name, not " + table);
        }
        String counter = "test_row_updates_" + table;
        String trigger = counter + "_trigger";
        jdbc.execute("CREATE OR REPLACE FUNCTION " + COUNT_FUNCTION + "() RETURNS trigger LANGUAGE plpgsql AS "
                + "'BEGIN PERFORM nextval(TG_ARGV[0]); RETURN NEW; END'");
        jdbc.execute("DROP SEQUENCE IF EXISTS " + counter + " CASCADE");
        jdbc.execute("CREATE SEQUENCE " + counter + " MINVALUE 0 START 0");
        jdbc.execute("CREATE TRIGGER " + trigger + " BEFORE UPDATE ON " + table + " FOR EACH ROW EXECUTE FUNCTION "
                + COUNT_FUNCTION + "('" + counter + "')");
        try {
            action.run();
            Long counted = jdbc.queryForObject(
                    "SELECT CASE WHEN is_called THEN last_value + 1 ELSE 0 END FROM " + counter, Long.class);
            return counted == null ? 0 : counted;
        } finally {
            jdbc.execute("DROP TRIGGER IF EXISTS " + trigger + " ON " + table);
            jdbc.execute("DROP SEQUENCE IF EXISTS " + counter);
        }
    }
}
