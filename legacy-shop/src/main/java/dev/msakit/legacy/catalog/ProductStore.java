package dev.msakit.legacy.catalog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The product table, in plain SQL as the shop has always done it. Every write the shop makes itself publishes what
 * it did ({@link ProductChanged}, {@link StockMoved}) in the caller's transaction, so no edit or sale can leave the
 * new side's copy behind; writes that apply the new side's changes publish nothing (never sent back).
 */
@Repository
public class ProductStore {

    private static final String COLUMNS = "id, name, description, price, stock, active, updated_at, edit_version";
    private static final RowMapper<Product> ROW = (rs, n) -> new Product(rs.getLong("id"), rs.getString("name"),
            rs.getString("description"), rs.getBigDecimal("price"), rs.getInt("stock"), rs.getBoolean("active"),
            rs.getTimestamp("updated_at").toInstant(), rs.getLong("edit_version"));

    /** An edit made here: one more than the count both sides agree on. */
    private static final String EDITED_HERE = "edit_version = edit_version + 1, edited_by = 'legacy'";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    public ProductStore(JdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public List<Product> onSale(int offset, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM product WHERE active ORDER BY id OFFSET ? LIMIT ?", ROW,
                offset, limit);
    }

    public long countOnSale() {
        return jdbc.queryForObject("SELECT count(*) FROM product WHERE active", Long.class);
    }

    public Optional<Product> onSale(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM product WHERE id = ? AND active", ROW, id).stream().findFirst();
    }

    /** The row locked until the end of the transaction, so stock checks and updates cannot interleave. */
    public Optional<Product> lockOnSale(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM product WHERE id = ? AND active FOR UPDATE", ROW, id).stream()
                .findFirst();
    }

    /** On sale or not, locked until the end of the transaction (a repair of the other side's copy). */
    public Optional<Product> lockAny(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM product WHERE id = ? FOR UPDATE", ROW, id).stream().findFirst();
    }

    /** On sale or not. */
    public Optional<Product> byId(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM product WHERE id = ?", ROW, id).stream().findFirst();
    }

    /**
     * Every product, each share-locked until the end of the transaction: a sale in progress is waited for and seen,
     * a later one waits, so an initial copy holds every sale whose delta was written before it.
     */
    public List<Product> lockAllForCopy() {
        return jdbc.query("SELECT " + COLUMNS + " FROM product ORDER BY id FOR SHARE", ROW);
    }

    public Product insert(String name, String description, BigDecimal price, int stock, Instant now) {
        long id = jdbc.queryForObject("INSERT INTO product (name, description, price, stock, active, updated_at,"
                + " edit_version, edited_by) VALUES (?, ?, ?, ?, true, ?, 1, 'legacy') RETURNING id", Long.class, name,
                description, price, stock, Timestamp.from(now));
        Product created = new Product(id, name, description, price, stock, true, now, 1);
        events.publishEvent(new ProductChanged(created));
        return created;
    }

    /** The product as edited; its stock edit is published as the difference (a delta, as sales are). */
    public Product update(long id, String name, String description, BigDecimal price, int stock, Instant now) {
        int before = jdbc.queryForObject("SELECT stock FROM product WHERE id = ? FOR UPDATE", Integer.class, id);
        Product after = jdbc.queryForObject("UPDATE product SET name = ?, description = ?, price = ?, stock = ?,"
                + " updated_at = ?, " + EDITED_HERE + " WHERE id = ? RETURNING " + COLUMNS, ROW, name, description,
                price, stock, Timestamp.from(now), id);
        events.publishEvent(new ProductChanged(after));
        stockMoved(id, after.getStock() - before);
        return after;
    }

    public void deactivate(long id, Instant now) {
        events.publishEvent(new ProductChanged(jdbc.queryForObject("UPDATE product SET active = false,"
                + " updated_at = ?, " + EDITED_HERE + " WHERE id = ? RETURNING " + COLUMNS, ROW, Timestamp.from(now),
                id)));
    }

    /** The shop's own sale (negative) or return. */
    public void addStock(long id, int delta) {
        jdbc.update("UPDATE product SET stock = stock + ? WHERE id = ?", delta, id);
        stockMoved(id, delta);
    }

    private void stockMoved(long id, int delta) {
        if (delta != 0) {
            events.publishEvent(new StockMoved(id, delta));
        }
    }

    /**
     * The other side's product: created with its stock if unknown here; otherwise its fields replace ours when the
     * new side counted more edits, or as many and the row holds an edit of ours (edits made at once on both sides:
     * the new side's wins, there as here). Stock is left alone: it follows deltas.
     */
    public void upsertFromNewSide(long id, String name, String description, BigDecimal price, int stock,
                                  boolean active, Instant updatedAt, long editVersion) {
        jdbc.update("INSERT INTO product (id, name, description, price, stock, active, updated_at, edit_version,"
                + " edited_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new') ON CONFLICT (id) DO UPDATE SET"
                + " name = EXCLUDED.name, description = EXCLUDED.description, price = EXCLUDED.price,"
                + " active = EXCLUDED.active, updated_at = EXCLUDED.updated_at, edit_version = EXCLUDED.edit_version,"
                + " edited_by = 'new' WHERE product.edit_version < EXCLUDED.edit_version"
                + " OR (product.edit_version = EXCLUDED.edit_version AND product.edited_by = 'legacy')",
                id, name, description, price, stock, active, Timestamp.from(updatedAt), editVersion);
    }

    /**
     * The new side's product whatever the edit counts (a repair: see ProductRepair): created with its stock if
     * unknown here, otherwise every field taken and the stock corrected by what reconciliation saw.
     */
    public void repairFromNewSide(long id, String name, String description, BigDecimal price, int stock,
                                  int stockCorrection, boolean active, Instant updatedAt, long editVersion) {
        jdbc.update("INSERT INTO product (id, name, description, price, stock, active, updated_at, edit_version,"
                + " edited_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new') ON CONFLICT (id) DO UPDATE SET"
                + " name = EXCLUDED.name, description = EXCLUDED.description, price = EXCLUDED.price,"
                + " stock = greatest(0, product.stock + ?), active = EXCLUDED.active,"
                + " updated_at = EXCLUDED.updated_at, edit_version = EXCLUDED.edit_version, edited_by = 'new'",
                id, name, description, price, stock, active, Timestamp.from(updatedAt), editVersion,
                stockCorrection);
    }

    /**
     * The other side's sale or return. Stock never goes below zero here: if both sides sold the last items within
     * the sync delay, the difference is returned so it can be counted.
     */
    public int applyDelta(long id, int delta) {
        Integer before = jdbc.query("SELECT stock FROM product WHERE id = ? FOR UPDATE",
                (rs, n) -> rs.getInt(1), id).stream().findFirst().orElse(null);
        if (before == null) {
            return 0;
        }
        int after = Math.max(0, before + delta);
        jdbc.update("UPDATE product SET stock = ? WHERE id = ?", after, id);
        return after - (before + delta);
    }
}
