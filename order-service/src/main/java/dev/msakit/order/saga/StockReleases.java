package dev.msakit.order.saga;

import dev.msakit.contracts.stock.ReleaseStock;
import dev.msakit.contracts.stock.StockTopics;
import dev.msakit.order.domain.PurchaseOrder;
import dev.msakit.platform.messaging.Outbox;
import org.springframework.stereotype.Component;

/** The saga's compensation: a release command for the order, in the transaction that decided it. */
@Component
public class StockReleases {

    private final Outbox outbox;

    public StockReleases(Outbox outbox) {
        this.outbox = outbox;
    }

    public void release(PurchaseOrder order) {
        outbox.send(StockTopics.COMMANDS, order.getId(), new ReleaseStock(order.getId()));
    }
}
