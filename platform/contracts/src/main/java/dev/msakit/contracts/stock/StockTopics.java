package dev.msakit.contracts.stock;

/**
 * The stock saga's topics. Every message is keyed by the order id, so one order's messages stay in order; its type
 * is the payload class's simple name (header message-type).
 */
public final class StockTopics {

    /** {@link ReserveStock} and {@link ReleaseStock}, consumed by product-service. */
    public static final String COMMANDS = "stock.commands";
    /** {@link StockReserved} and {@link StockRejected}, consumed by order-service. */
    public static final String REPLIES = "stock.replies";

    private StockTopics() {
    }
}
