package dev.msakit.product.domain;

/**
 * A product's stock moved here by this much: sold (negative), returned, or edited. Stock travels as deltas, so a
 * sale on the other side within the sync delay is added, not overwritten.
 */
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
