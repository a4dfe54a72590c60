package dev.msakit.legacy.catalog;

/** A product was created or edited by the shop itself (not copied from the new side), as it now is. */
public final class ProductChanged {

    private final Product product;

    ProductChanged(Product product) {
        this.product = product;
    }

    public Product getProduct() {
        return product;
    }
}
