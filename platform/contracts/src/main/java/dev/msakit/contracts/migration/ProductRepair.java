package dev.msakit.contracts.migration;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as the side that holds the catalog has it, sent to the other side to end a drift reconciliation found
 * (release-control asks for it). Unlike a {@link ProductSnapshot} it is taken whatever the receiver's edit count:
 * name, description, price, whether on sale and the edit count itself. Stock is not set absolutely where the receiver
 * has the product (a sale on either side may be on its way as a delta, and would then count twice or not at all):
 * the receiver adds {@link #getStockCorrection()}, the difference reconciliation saw between the two sides, which
 * adds up with any delta in flight. A receiver without the product creates it with {@link #getStock()}, the holder's
 * stock when it wrote this (every earlier delta of the product was dropped there for want of the product).
 */
public class ProductRepair extends ProductSnapshot {

    private int stockCorrection;

    public ProductRepair() {
    }

    public ProductRepair(long productId, String name, String description, BigDecimal price, int stock,
                         boolean active, Instant updatedAt, long editVersion, int stockCorrection) {
        super(productId, name, description, price, stock, active, updatedAt, editVersion);
        this.stockCorrection = stockCorrection;
    }

    public int getStockCorrection() {
        return stockCorrection;
    }

    public void setStockCorrection(int stockCorrection) {
        this.stockCorrection = stockCorrection;
    }
}
