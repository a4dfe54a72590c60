package dev.msakit.order.domain;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ReservationReconcilerTest {

    private final OrderRepository orders = mock(OrderRepository.class);
    private final OrderService orderService = mock(OrderService.class);
    private final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
    private final ReservationReconciler reconciler =
            new ReservationReconciler(orders, orderService, transactions, Duration.ofSeconds(60));

    ReservationReconcilerTest() {
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
    }

    @Test
    void failsOrdersLeftPendingPastTheTimeoutSoTheirStockIsReleased() {
        PurchaseOrder abandoned = PurchaseOrder.pending(1, List.of(new OrderLine(5, 1)));
        when(orders.findTop50ByStatusAndCreatedAtBefore(eq(OrderStatus.PENDING), any()))
                .thenReturn(List.of(abandoned));
        when(orders.findById(abandoned.getId())).thenReturn(Optional.of(abandoned));

        Instant before = Instant.now();
        reconciler.reconcile();

        ArgumentCaptor<Instant> cutoff = ArgumentCaptor.forClass(Instant.class);
        verify(orders).findTop50ByStatusAndCreatedAtBefore(eq(OrderStatus.PENDING), cutoff.capture());
        assertThat(cutoff.getValue()).isBetween(before.minusSeconds(61), Instant.now().minusSeconds(59));
        assertThat(abandoned.getStatus()).isEqualTo(OrderStatus.FAILED);
        assertThat(abandoned.isReleasePending()).isTrue();
        verify(transactions).commit(any());
    }

    @Test
    void leavesAnOrderAloneThatWasConfirmedMeanwhile() {
        PurchaseOrder seenPending = PurchaseOrder.pending(1, List.of(new OrderLine(5, 1)));
        PurchaseOrder nowConfirmed = PurchaseOrder.pending(1, List.of(new OrderLine(5, 1)));
        nowConfirmed.confirm(java.util.Map.of(5L, new PriceSnapshot("P", java.math.BigDecimal.ONE)));
        when(orders.findTop50ByStatusAndCreatedAtBefore(eq(OrderStatus.PENDING), any()))
                .thenReturn(List.of(seenPending));
        when(orders.findById(seenPending.getId())).thenReturn(Optional.of(nowConfirmed));

        reconciler.reconcile();

        assertThat(nowConfirmed.getStatus()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void retriesTheReleaseOfEveryOrderThatStillOwesStock() {
        PurchaseOrder cancelled = PurchaseOrder.pending(1, List.of(new OrderLine(5, 1)));
        when(orders.findTop50ByReleasePendingTrue()).thenReturn(List.of(cancelled));

        reconciler.reconcile();

        verify(orderService).releaseNow(cancelled.getId());
        verify(orders, never()).findById(any());
    }
}
