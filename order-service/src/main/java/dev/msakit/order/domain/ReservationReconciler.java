package dev.msakit.order.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;

/**
 * Makes "no reserved stock without an order" true in the end, whatever failed in between: releases the stock of
 * failed and cancelled orders until product-service confirms, and fails orders left PENDING by a crash. Every
 * instance may run it; release is idempotent per order id.
 */
@Component
public class ReservationReconciler {

    private static final Logger log = LoggerFactory.getLogger(ReservationReconciler.class);

    private final OrderRepository orders;
    private final OrderService orderService;
    private final TransactionTemplate transactions;
    private final Duration pendingTimeout;

    public ReservationReconciler(OrderRepository orders, OrderService orderService,
                                 PlatformTransactionManager txManager,
                                 @Value("${order.reconcile.pending-timeout:60s}") Duration pendingTimeout) {
        this.orders = orders;
        this.orderService = orderService;
        this.transactions = new TransactionTemplate(txManager);
        this.pendingTimeout = pendingTimeout;
    }

    @Scheduled(fixedDelayString = "${order.reconcile.interval-ms:2000}",
            initialDelayString = "${order.reconcile.interval-ms:2000}")
    public void reconcile() {
        Instant abandonedBefore = Instant.now().minus(pendingTimeout);
        orders.findTop50ByStatusAndCreatedAtBefore(OrderStatus.PENDING, abandonedBefore).forEach(order -> {
            log.warn("Order {} was left pending; failing it and releasing its stock", order.getId());
            transactions.executeWithoutResult(status ->
                    orders.findById(order.getId()).filter(o -> o.getStatus() == OrderStatus.PENDING)
                            .ifPresent(PurchaseOrder::fail));
        });
        orders.findTop50ByReleasePendingTrue().forEach(order -> orderService.releaseNow(order.getId()));
    }
}
