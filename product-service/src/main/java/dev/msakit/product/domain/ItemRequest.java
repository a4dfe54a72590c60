package dev.msakit.product.domain;

/** One product and how many of it an order wants. */
public final class ItemRequest {

    private final long productId;
    private final int quantity;

    public ItemRequest(long productId, int quantity) {
        this.productId = productId;
        this.quantity = quantity;
    }

    public long getProductId() {
        return productId;
    }

    public int getQuantity() {
        return quantity;
    }
}
