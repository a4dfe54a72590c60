package dev.msakit.legacy.sync;

import dev.msakit.legacy.catalog.Product;
import dev.msakit.legacy.catalog.ProductStore;
import dev.msakit.legacy.ordering.OrderStore;
import dev.msakit.platform.messaging.InitialCopy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The initial copy to the new side: at the first start, every product (with its stock) and every order the shop
 * holds; afterwards only changes. The relay publishes them whenever the broker is reachable. Products are read
 * share-locked, so no sale falls between a product's copy and the deltas after it (the new side drops a delta for a
 * product it does not know yet: the copy still to come holds it).
 */
@Component
@ConditionalOnProperty(name = "legacy.sync.backfill", havingValue = "true", matchIfMissing = true)
public class Backfill {

    private final InitialCopy initialCopy;
    private final ProductStore products;
    private final OrderStore orders;
    private final ChangeFeed feed;

    public Backfill(InitialCopy initialCopy, ProductStore products, OrderStore orders, ChangeFeed feed) {
        this.initialCopy = initialCopy;
        this.products = products;
        this.orders = orders;
        this.feed = feed;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void once() {
        initialCopy.once("legacy-to-new", () -> {
            List<Product> all = products.lockAllForCopy();
            all.forEach(feed::product);
            List<OrderStore.HeldOrder> held = orders.lockHeldHereForCopy();
            held.forEach(o -> feed.order(o.order()));
            return all.size() + held.size();
        });
    }
}
