package dev.msakit.contracts.catalog;

import java.math.BigDecimal;

/**
 * One product as product-service's {@code GET /internal/catalog?ids=...} (SERVICE token) answers it: only products
 * that exist and are on sale, with their current name and price. order-service asks before it accepts an order.
 */
public class CatalogEntry {

    /** At most this many ids per lookup (an order has at most 50 items). */
    public static final int MAX_IDS = 50;

    private long id;
    private String name;
    private BigDecimal price;

    public CatalogEntry() {
    }

    public CatalogEntry(long id, String name, BigDecimal price) {
        this.id = id;
        this.name = name;
        this.price = price;
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }
}
