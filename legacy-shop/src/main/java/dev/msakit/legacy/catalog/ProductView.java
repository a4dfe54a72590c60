package dev.msakit.legacy.catalog;

import java.math.BigDecimal;

/** A product in the public API: the same fields as product-service's, so a client cannot tell the sides apart. */
public final class ProductView {

    private final long id;
    private final String name;
    private final String description;
    private final BigDecimal price;
    private final int stock;

    private ProductView(long id, String name, String description, BigDecimal price, int stock) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.price = price;
        this.stock = stock;
    }

    static ProductView of(Product p) {
        return new ProductView(p.getId(), p.getName(), p.getDescription(), p.getPrice(), p.getStock());
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
}
