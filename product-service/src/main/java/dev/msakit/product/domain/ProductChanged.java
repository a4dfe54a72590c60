package dev.msakit.product.domain;

/**
 * A product was created or edited here (its edit count grew): the legacy shop's copy takes it while the catalog
 * moves. Read when published, after the flush that wrote it, so a new product carries its id.
 */
public final class ProductChanged {

    private final Product product;

    ProductChanged(Product product) {
        this.product = product;
    }

    public Product getProduct() {
        return product;
    }
}
