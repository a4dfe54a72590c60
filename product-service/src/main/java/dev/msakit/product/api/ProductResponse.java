package dev.msakit.product.api;

import dev.msakit.product.domain.Product;

import java.math.BigDecimal;

public class ProductResponse {

    private final long id;
    private final String name;
    private final String description;
    private final BigDecimal price;
    private final int stock;

    private ProductResponse(long id, String name, String description, BigDecimal price, int stock) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.price = price;
        this.stock = stock;
    }

    static ProductResponse of(Product product) {
        return new ProductResponse(product.getId(), product.getName(), product.getDescription(), product.getPrice(),
                product.getStock());
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
