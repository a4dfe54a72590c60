package dev.msakit.order.saga;

import dev.msakit.order.domain.OrderRepository;
import dev.msakit.order.domain.OrderStatus;
import dev.msakit.order.domain.PurchaseOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;

/**
 * Ends sagas that got no answer: a PENDING order older than the timeout is rejected and its release commanded (if
 * the reservation was made after all, the release undoes it; if it comes later, product-service refuses it). Also
 * sends the releases the synchronous version still owed. Every instance may run it: each order changes in its own
 * transaction, under optimistic locking.
 */
@Component
public class SagaTimeouts {

    private static final Logger log = LoggerFactory.getLogger(SagaTimeouts.class);

    private final OrderRepository orders;
    private final StockReleases releases;
    private final OrderOutcomes outcomes;
    private final TransactionTemplate transactions;
    private final Duration timeout;

    public SagaTimeouts(OrderRepository orders, StockReleases releases, OrderOutcomes outcomes,
                        PlatformTransactionManager txManager,
                        @Value("${order.saga.timeout:120s}") Duration timeout) {
        this.orders = orders;
        this.releases = releases;
        this.outcomes = outcomes;
        this.transactions = new TransactionTemplate(txManager);
        this.timeout = timeout;
    }

    @Scheduled(fixedDelayString = "${order.saga.check-interval-ms:5000}",
            initialDelayString = "${order.saga.check-interval-ms:5000}")
    public void expire() {
        Instant before = Instant.now().minus(timeout);
        for (PurchaseOrder stale : orders.findTop50ByStatusAndCreatedAtBefore(OrderStatus.PENDING, before)) {
            change(stale.getId(), order -> {
                if (order.reject("No answer about its stock within " + timeout.toSeconds() + " s")) {
                    log.warn("Order {} timed out waiting for its stock; rejected and released", order.getId());
                    releases.release(order);
                    outcomes.endedInThisTransaction(order.getId());
                }
            });
        }
        for (PurchaseOrder owed : orders.findTop50ByReleasePendingTrue()) {
            change(owed.getId(), order -> {
                releases.release(order);
                order.releaseSent();
            });
        }
    }

    private void change(String orderId, java.util.function.Consumer<PurchaseOrder> change) {
        try {
            transactions.executeWithoutResult(status -> orders.findById(orderId).ifPresent(change));
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            // A reply or a cancel got there first; the next pass sees what it left.
        }
    }
}
