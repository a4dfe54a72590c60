package dev.msakit.order.domain;

import java.math.BigDecimal;

/** A product's name and unit price as product-service reserved it. */
public final class PriceSnapshot {

    private final String productName;
    private final BigDecimal unitPrice;

    public PriceSnapshot(String productName, BigDecimal unitPrice) {
        this.productName = productName;
        this.unitPrice = unitPrice;
    }

    public String getProductName() {
        return productName;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }
}
