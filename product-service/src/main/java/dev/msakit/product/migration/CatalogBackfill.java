package dev.msakit.product.migration;

import dev.msakit.platform.messaging.InitialCopy;
import dev.msakit.product.domain.Product;
import dev.msakit.product.domain.ProductRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/** The initial copy of the catalog to the legacy shop, once; afterwards {@link CatalogFeed} sends each change. */
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
        initialCopy.once("catalog-to-legacy", () -> {
            List<Product> all = products.findAll();
            all.forEach(feed::product);
            return all.size();
        });
    }
}
