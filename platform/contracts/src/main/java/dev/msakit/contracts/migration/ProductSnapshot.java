package dev.msakit.contracts.migration;

import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as its writer has it after a change (create, edit, delete). The receiver keeps the newer of the two by
 * {@link #getUpdatedAt()}. {@link #getStock()} is used only to create a product the receiver does not have yet:
 * later stock changes travel as {@link StockAdjusted} deltas, which add up the same in any interleaving of sales on
 * the two sides.
 */
public class ProductSnapshot {

    @Min(1)
    private long productId;
    @NotBlank
    private String name;
    private String description;
    @NotNull
    private BigDecimal price;
    @Min(0)
    private int stock;
    private boolean active;
    @NotNull
    private Instant updatedAt;

    public ProductSnapshot() {
    }

    public ProductSnapshot(long productId, String name, String description, BigDecimal price, int stock,
                           boolean active, Instant updatedAt) {
        this.productId = productId;
        this.name = name;
        this.description = description;
        this.price = price;
        this.stock = stock;
        this.active = active;
        this.updatedAt = updatedAt;
    }

    public long getProductId() {
        return productId;
    }

    public void setProductId(long productId) {
        this.productId = productId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public int getStock() {
        return stock;
    }

    public void setStock(int stock) {
        this.stock = stock;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
