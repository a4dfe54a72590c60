package dev.msakit.order.saga;

import dev.msakit.order.domain.OrderRepository;
import dev.msakit.order.domain.PurchaseOrder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lets a request wait for its order's saga to end (Prefer: wait). A reply handled in this instance wakes the waiter
 * the moment it commits; a reply handled by another instance is seen by re-reading the order twice a second.
 */
@Component
public class OrderOutcomes {

    private static final long RECHECK_MILLIS = 500;

    private final OrderRepository orders;
    private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    public OrderOutcomes(OrderRepository orders) {
        this.orders = orders;
    }

    /** The order once its saga has ended, or as it is when the time is up. */
    public PurchaseOrder await(PurchaseOrder order, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        CompletableFuture<Void> ended = waiting.computeIfAbsent(order.getId(), id -> new CompletableFuture<>());
        try {
            PurchaseOrder current = order;
            while (!current.getStatus().isFinal()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return current;
                }
                try {
                    ended.get(Math.min(left, RECHECK_MILLIS), TimeUnit.MILLISECONDS);
                } catch (TimeoutException recheck) {
                    // fall through to re-read
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                }
                current = orders.findById(order.getId()).orElse(current);
            }
            return current;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return order;
        } finally {
            waiting.remove(order.getId(), ended);
        }
    }

    /** Called in the transaction that ended the order's saga: wakes its waiters once that commits. */
    void endedInThisTransaction(String orderId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                CompletableFuture<Void> ended = waiting.get(orderId);
                if (ended != null) {
                    ended.complete(null);
                }
            }
        });
    }
}
