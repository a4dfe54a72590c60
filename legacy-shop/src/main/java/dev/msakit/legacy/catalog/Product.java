package dev.msakit.legacy.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** A catalog row as the shop stores it. */
public final class Product {

    private final long id;
    private final String name;
    private final String description;
    private final BigDecimal price;
    private final int stock;
    private final boolean active;
    private final Instant updatedAt;
    private final long editVersion;

    public Product(long id, String name, String description, BigDecimal price, int stock, boolean active,
                   Instant updatedAt, long editVersion) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.price = price;
        this.stock = stock;
        this.active = active;
        this.updatedAt = updatedAt;
        this.editVersion = editVersion;
    }

    public long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public int getStock() {
        return stock;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** How many edits of the product both sides agree on (see ProductSnapshot). */
    public long getEditVersion() {
        return editVersion;
    }
}
