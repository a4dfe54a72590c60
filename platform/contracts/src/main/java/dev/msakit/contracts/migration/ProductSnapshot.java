package dev.msakit.contracts.migration;

import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as its writer has it after a change (create, edit, delete). Which of two edits wins is decided by
 * {@link #getEditVersion()}, never by the two machines' clocks: each side counts a product's edits (its own edit
 * raises the count by one, an applied edit of the other side takes the other side's count), the higher count wins,
 * and of two edits with the same count (made on both sides at once) the new side's wins on both sides. Both sides
 * therefore end with the same fields whatever the delays. {@link #getStock()} is used only to create a product the
 * receiver does not have yet: later stock changes travel as {@link StockAdjusted} deltas, which add up the same in
 * any interleaving of sales on the two sides.
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
    /** When it was edited, by its writer's clock: shown, never compared. */
    @NotNull
    private Instant updatedAt;
    @Min(0)
    private long editVersion;

    public ProductSnapshot() {
    }

    public ProductSnapshot(long productId, String name, String description, BigDecimal price, int stock,
                           boolean active, Instant updatedAt, long editVersion) {
        this.productId = productId;
        this.name = name;
        this.description = description;
        this.price = price;
        this.stock = stock;
        this.active = active;
        this.updatedAt = updatedAt;
        this.editVersion = editVersion;
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

    public long getEditVersion() {
        return editVersion;
    }

    public void setEditVersion(long editVersion) {
        this.editVersion = editVersion;
    }
}
