package dev.msakit.contracts.migration;

/**
 * While a feature moves from the legacy shop to the new services, each side publishes its own changes on its own
 * topic and applies the other side's, so either side can serve the feature after a flip without losing a write. A
 * side never republishes what it applied (no echo). Keys: the product id, or the order id, so one record's changes
 * stay in order.
 */
public final class MigrationTopics {

    /** {@link ProductSnapshot} and {@link StockAdjusted} written by product-service. */
    public static final String CATALOG_FROM_NEW = "catalog.changes.new";
    /** {@link ProductSnapshot} and {@link StockAdjusted} written by the legacy shop. */
    public static final String CATALOG_FROM_LEGACY = "catalog.changes.legacy";
    /** {@link OrderSnapshot} of order-service's orders, and {@link CancelOrder} for orders the legacy shop holds. */
    public static final String ORDERS_FROM_NEW = "orders.changes.new";
    /** {@link OrderSnapshot} of the legacy shop's orders, and {@link CancelOrder} for orders order-service holds. */
    public static final String ORDERS_FROM_LEGACY = "orders.changes.legacy";

    private MigrationTopics() {
    }
}
