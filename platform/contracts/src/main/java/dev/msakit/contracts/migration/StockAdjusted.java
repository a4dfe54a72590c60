package dev.msakit.contracts.migration;

import javax.validation.constraints.Min;

/** A product's stock went up or down by {@link #getDelta()} on the writer's side (sale, cancel, edit). */
public class StockAdjusted {

    @Min(1)
    private long productId;
    private int delta;

    public StockAdjusted() {
    }

    public StockAdjusted(long productId, int delta) {
        this.productId = productId;
        this.delta = delta;
    }

    public long getProductId() {
        return productId;
    }

    public void setProductId(long productId) {
        this.productId = productId;
    }

    public int getDelta() {
        return delta;
    }

    public void setDelta(int delta) {
        this.delta = delta;
    }
}
