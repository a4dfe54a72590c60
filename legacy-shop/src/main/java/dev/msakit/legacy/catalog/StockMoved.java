package dev.msakit.legacy.catalog;

/** The shop's own sale (negative), return or stock edit of a product: stock travels as deltas. */
public final class StockMoved {

    private final long productId;
    private final int delta;

    StockMoved(long productId, int delta) {
        this.productId = productId;
        this.delta = delta;
    }

    public long getProductId() {
        return productId;
    }

    public int getDelta() {
        return delta;
    }
}
