package dev.msakit.product.migration;

import dev.msakit.platform.messaging.InitialCopy;
import dev.msakit.product.domain.Product;
import dev.msakit.product.domain.ProductRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The initial copy of the catalog to the legacy shop, once; afterwards {@link CatalogFeed} sends each change. The
 * products are read share-locked ({@link ProductRepository#lockAllForCopy()}): each copy holds every sale committed
 * before it, and every later sale's delta is written to the outbox after it. The shop drops a delta for a product it
 * does not know yet, which is right only because of that: the copy that follows already holds the sale.
 */
@Component
@ConditionalOnProperty(name = "product.sync.backfill", havingValue = "true", matchIfMissing = true)
public class CatalogBackfill {

    private final InitialCopy initialCopy;
    private final ProductRepository products;
    private final CatalogFeed feed;

    public CatalogBackfill(InitialCopy initialCopy, ProductRepository products, CatalogFeed feed) {
        this.initialCopy = initialCopy;
        this.products = products;
        this.feed = feed;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void once() {
        initialCopy.once("catalog-to-legacy", this::copyAll);
    }

    /** Queues a copy of every product; in the caller's transaction. Returns how many. */
    int copyAll() {
        List<Product> all = products.lockAllForCopy();
        all.forEach(feed::product);
        return all.size();
    }
}
