package dev.msakit.legacy.catalog;

import dev.msakit.legacy.sync.ChangeFeed;
import dev.msakit.platform.domain.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Catalog edits; each one also goes to the change feed in its own transaction. */
@Service
public class Catalog {

    private final ProductStore products;
    private final ChangeFeed feed;

    public Catalog(ProductStore products, ChangeFeed feed) {
        this.products = products;
        this.feed = feed;
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
        Product created = products.insert(form.getName().trim(), form.getDescription(), form.getPrice(),
                form.getStock(), now());
        feed.product(created);
        return created;
    }

    @Transactional
    public Product replace(long id, ProductForm form) {
        Product before = products.lockOnSale(id).orElseThrow(() -> notFound(id));
        products.update(id, form.getName().trim(), form.getDescription(), form.getPrice(), form.getStock(), now());
        Product after = products.onSale(id).orElseThrow();
        feed.product(after);
        feed.stock(id, after.getStock() - before.getStock());
        return after;
    }

    @Transactional
    public void delete(long id) {
        products.lockOnSale(id).orElseThrow(() -> notFound(id));
        products.deactivate(id, now());
        feed.product(products.byId(id).orElseThrow());
    }

    /** PostgreSQL keeps microseconds: the time sent to the other side is exactly the time stored here. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("No product with id " + id);
    }
}
