package dev.msakit.order.saga;

import dev.msakit.contracts.OrderIds;
import dev.msakit.contracts.stock.StockRejected;
import dev.msakit.contracts.stock.StockReserved;
import dev.msakit.contracts.stock.StockTopics;
import dev.msakit.order.domain.OrderRepository;
import dev.msakit.order.domain.PriceSnapshot;
import dev.msakit.order.domain.PurchaseOrder;
import dev.msakit.platform.messaging.DeadLetter;
import dev.msakit.platform.messaging.IncomingMessages;
import dev.msakit.platform.messaging.MessageDispatch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * order-service's side of the stock saga: product-service's reply confirms the order (at the reserved prices) or
 * rejects it with the reason. A reply for an order that has moved on (cancelled, or timed out) changes nothing: its
 * release was commanded when it moved on, after the reservation on the same partition.
 */
@Component
public class StockReplyListener {

    private static final Logger log = LoggerFactory.getLogger(StockReplyListener.class);

    private final IncomingMessages incoming;
    private final OrderRepository orders;
    private final OrderOutcomes outcomes;
    private final StockReleases releases;
    private final MessageDispatch dispatch;

    public StockReplyListener(IncomingMessages incoming, OrderRepository orders, OrderOutcomes outcomes,
                              StockReleases releases) {
        this.incoming = incoming;
        this.orders = orders;
        this.outcomes = outcomes;
        this.releases = releases;
        this.dispatch = MessageDispatch.builder()
                .on(StockReserved.class, (reply, message) -> reserved(reply))
                .on(StockRejected.class, (reply, message) -> rejected(reply.getOrderId(), reply.getReason()))
                .onDeadLetter(this::compensate)
                .build();
    }

    @KafkaListener(topics = StockTopics.REPLIES, autoStartup = "${platform.messaging.consumers.enabled:true}")
    public void onReply(ConsumerRecord<String, String> record) {
        incoming.process(record, dispatch);
    }

    private void reserved(StockReserved reply) {
        order(reply.getOrderId()).ifPresent(order -> {
            Map<Long, PriceSnapshot> prices = new HashMap<>();
            reply.getLines().forEach(l -> prices.put(l.getProductId(),
                    new PriceSnapshot(l.getProductName(), l.getUnitPrice())));
            if (order.confirm(prices)) {
                outcomes.endedInThisTransaction(order.getId());
            } else {
                log.info("Order {} is {}: its reservation arrived late and is being released", order.getId(),
                        order.getStatus());
            }
        });
    }

    private void rejected(String orderId, String reason) {
        order(orderId).ifPresent(order -> {
            if (order.reject(reason)) {
                outcomes.endedInThisTransaction(order.getId());
            }
        });
    }

    /**
     * A reply that can never be handled: the order cannot be confirmed on it, so it is rejected and whatever the
     * reservation took is released.
     */
    private boolean compensate(DeadLetter letter) {
        if (!OrderIds.isValid(letter.getKey())) {
            log.error("Dead-lettered {} without an order id (key {}) needs an operator", letter.getType(),
                    letter.getKey());
            return false;
        }
        return order(letter.getKey()).map(order -> {
            if (!order.reject("The stock reply could not be processed (" + letter.getReason() + ")")) {
                return false;
            }
            releases.release(order);
            outcomes.endedInThisTransaction(order.getId());
            return true;
        }).orElse(false);
    }

    private Optional<PurchaseOrder> order(String orderId) {
        Optional<PurchaseOrder> order = orders.findById(OrderIds.normalize(orderId));
        if (order.isEmpty()) {
            log.warn("Stock reply for unknown order {} ignored", orderId);
        }
        return order;
    }
}
