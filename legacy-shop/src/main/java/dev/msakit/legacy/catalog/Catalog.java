package dev.msakit.legacy.catalog;

import dev.msakit.platform.domain.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Catalog edits, each in its own transaction (the store publishes what each one did). */
@Service
public class Catalog {

    private final ProductStore products;

    public Catalog(ProductStore products) {
        this.products = products;
    }

    @Transactional(readOnly = true)
    public List<Product> page(int page, int size) {
        return products.onSale(page * size, size);
    }

    @Transactional(readOnly = true)
    public long count() {
        return products.countOnSale();
    }

    @Transactional(readOnly = true)
    public Product get(long id) {
        return products.onSale(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public Product create(ProductForm form) {
        return products.insert(form.getName().trim(), form.getDescription(), form.getPrice(), form.getStock(), now());
    }

    @Transactional
    public Product replace(long id, ProductForm form) {
        products.lockOnSale(id).orElseThrow(() -> notFound(id));
        return products.update(id, form.getName().trim(), form.getDescription(), form.getPrice(), form.getStock(),
                now());
    }

    @Transactional
    public void delete(long id) {
        products.lockOnSale(id).orElseThrow(() -> notFound(id));
        products.deactivate(id, now());
    }

    /** PostgreSQL keeps microseconds: the time sent to the other side is exactly the time stored here. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("No product with id " + id);
    }
}
