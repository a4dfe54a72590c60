package dev.msakit.order.migration;

import dev.msakit.contracts.OrderIds;
import dev.msakit.contracts.migration.CancelOrder;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.migration.OrderRepair;
import dev.msakit.contracts.migration.OrderSnapshot;
import dev.msakit.order.domain.OrderRepository;
import dev.msakit.order.domain.OrderService;
import dev.msakit.order.domain.PurchaseOrder;
import dev.msakit.platform.messaging.IncomingMessages;
import dev.msakit.platform.messaging.MessageDispatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Applies the legacy shop's order changes, each once (inbox): copies of its orders, and cancels it asks for orders
 * held here (a member the shop serves now cancelling an order placed here).
 */
@Component
public class LegacyOrderChanges {

    private static final Logger log = LoggerFactory.getLogger(LegacyOrderChanges.class);

    private final IncomingMessages incoming;
    private final OrderRepository orders;
    private final OrderService orderService;
    private final MessageDispatch dispatch;

    public LegacyOrderChanges(IncomingMessages incoming, OrderRepository orders, OrderService orderService) {
        this.incoming = incoming;
        this.orders = orders;
        this.orderService = orderService;
        this.dispatch = MessageDispatch.builder()
                .on(OrderSnapshot.class, (snapshot, message) -> copy(snapshot))
                .on(OrderRepair.class, (repair, message) -> repair(repair))
                .on(CancelOrder.class, (cancel, message) -> cancel(cancel))
                .build();
    }

    @KafkaListener(topics = MigrationTopics.ORDERS_FROM_LEGACY,
            autoStartup = "${platform.messaging.consumers.enabled:true}")
    public void onChange(ConsumerRecord<String, String> record) {
        incoming.process(record, dispatch);
    }

    private void copy(OrderSnapshot snapshot) {
        snapshot.setOrderId(OrderIds.normalize(snapshot.getOrderId()));
        Optional<PurchaseOrder> existing = orders.findById(snapshot.getOrderId());
        if (existing.isEmpty()) {
            PurchaseOrder copy = PurchaseOrder.copyOf(snapshot);
            String key = copy.getIdempotencyKey();
            if (key != null && orders.findByMemberIdAndIdempotencyKey(copy.getMemberId(), key).isPresent()) {
                // Placed before order ids followed from the key: two orders for one key. Both stay; logged.
                log.warn("Idempotency-Key {} of member {} names two orders, {} (legacy shop) and one placed here",
                        key, copy.getMemberId(), copy.getId());
                copy.forgetIdempotencyKey();
            }
            orders.save(copy);
        } else {
            existing.get().updateCopy(snapshot);
        }
    }

    /** The shop's order whatever the copy's version; an order held here stays as it is (both sides claim it). */
    private void repair(OrderRepair repair) {
        repair.setOrderId(OrderIds.normalize(repair.getOrderId()));
        Optional<PurchaseOrder> existing = orders.findById(repair.getOrderId());
        if (existing.isEmpty()) {
            copy(repair);
        } else if (!existing.get().repairCopy(repair)) {
            log.warn("Order {} is held here and by the legacy shop: the shop's repair is not taken",
                    repair.getOrderId());
        }
    }

    private void cancel(CancelOrder cancel) {
        String orderId = OrderIds.normalize(cancel.getOrderId());
        if (!orderService.cancelForLegacy(cancel.getMemberId(), orderId)) {
            log.info("Cancel of order {} asked by the legacy shop not done: not held here for member {}, or rejected"
                    + " (the shop's copy shows why)", orderId, cancel.getMemberId());
        }
    }
}
