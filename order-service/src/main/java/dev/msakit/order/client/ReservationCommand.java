package dev.msakit.order.client;

import java.util.List;

/** Body of product-service's POST /internal/reservations. */
public class ReservationCommand {

    private final String orderId;
    private final List<Item> items;

    public ReservationCommand(String orderId, List<Item> items) {
        this.orderId = orderId;
        this.items = items;
    }

    public String getOrderId() {
        return orderId;
    }

    public List<Item> getItems() {
        return items;
    }

    public static class Item {
        private final long productId;
        private final int quantity;

        public Item(long productId, int quantity) {
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
}
