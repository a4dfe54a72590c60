package dev.msakit.contracts.migration;

import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.ObjIntConsumer;

/**
 * The data sets reconciliation compares, named like the features that move them, and the query each side runs
 * over its own tables (PostgreSQL; both sides have these columns) to give every row as {@code bucket}, {@code id}
 * and a canonical {@code row}: the same text on both sides for the same data, so checksums can be compared.
 */
public final class ReconciledDatasets {

    public static final String CATALOG = "catalog";
    public static final String ORDERING = "ordering";

    /** Products: buckets of 1,000 ids; id, name, price, stock and whether it is on sale. */
    public static final String CATALOG_ROWS = "SELECT (id / 1000)::text AS bucket, id::text AS id,"
            + " concat_ws('|', name, price::text, stock::text, active::text) AS row FROM product";

    /**
     * The stock in a catalog row ({@link #CATALOG_ROWS}: name|price|stock|active, read from the right since a name
     * may hold '|'); 0 for no row.
     */
    public static int catalogStock(String row) {
        if (row == null) {
            return 0;
        }
        String[] columns = row.split("\\|", -1);
        if (columns.length < 4) {
            throw new IllegalArgumentException("not a catalog row: " + row);
        }
        return Integer.parseInt(columns[columns.length - 2]);
    }

    /**
     * Whether each row of the data set belongs to one side whatever the switch says (an order stays with the side that
     * took it), so both sides repair the rows they hold; otherwise the side that holds the feature repairs them all.
     */
    public static boolean heldPerRow(String dataset) {
        return ORDERING.equals(dataset);
    }

    /**
     * Repairs the other side's copy of the catalog rows asked for, from the side that holds the catalog (either
     * side, the same rule): each product is locked and published as it is there, after every change of it already
     * in the outbox, with the stock difference reconciliation saw (see ProductRepair). In the caller's transaction.
     *
     * @param lock    the product by id, locked until the transaction ends, on sale or not
     * @param publish writes the product's repair, with the stock correction, to the outbox
     */
    public static <P> SyncRepair.Result repairCatalog(SyncRepair repair, LongFunction<Optional<P>> lock,
                                                      ObjIntConsumer<P> publish) {
        return repair.each(row -> {
            long id = productId(row);
            Optional<P> product = id < 0 ? Optional.empty() : lock.apply(id);
            if (product.isEmpty()) {
                return "not here (not a product id, or only the other side has it)";
            }
            publish.accept(product.get(), catalogStock(row.getHolderRow()) - catalogStock(row.getOtherRow()));
            return null;
        });
    }

    /** A catalog row's product id, or -1 when the id is not one. */
    private static long productId(SyncRepair.Row row) {
        try {
            return Long.parseLong(row.getId());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Orders: buckets by the first two hex digits of the id; status, and the lines as product x quantity. */
    public static final String ORDERING_ROWS = "SELECT substr(o.id, 1, 2) AS bucket, o.id AS id,"
            + " concat_ws('|', o.status, (SELECT string_agg(l.product_id || 'x' || l.quantity, ','"
            + " ORDER BY l.product_id) FROM order_line l WHERE l.order_id = o.id)) AS row FROM orders o";

    private ReconciledDatasets() {
    }
}
