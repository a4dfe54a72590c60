package dev.msakit.order.domain;

import dev.msakit.contracts.migration.OrderSnapshot;
import dev.msakit.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The order's saga states: PENDING -> CONFIRMED -> CANCELLED, PENDING -> REJECTED, PENDING -> CANCELLED. A reply
 * that arrives after the order moved on changes nothing.
 */
class PurchaseOrderTest {

    private final PurchaseOrder order = PurchaseOrder.pending(7, List.of(new OrderLine(1, 2), new OrderLine(2, 1)),
            null, null);
    private final Map<Long, PriceSnapshot> prices = Map.of(1L, new PriceSnapshot("Keyboard", new BigDecimal("12.50")),
            2L, new PriceSnapshot("Mouse", new BigDecimal("3.00")));

    @Test
    void aNewOrderIsPendingWithoutATotal() {
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.getStatus().isFinal()).isFalse();
        assertThat(order.getMemberId()).isEqualTo(7);
        assertThat(order.getTotal()).isNull();
    }

    @Test
    void confirmingFixesEachLinesPriceAndTheTotal() {
        assertThat(order.confirm(prices)).isTrue();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.getTotal()).isEqualByComparingTo("28.00");
        assertThat(order.getLines()).extracting(OrderLine::getProductName).containsExactly("Keyboard", "Mouse");
    }

    @Test
    void aReservationMissingALineIsNotConfirmed() {
        assertThatThrownBy(() -> order.confirm(Map.of(1L, new PriceSnapshot("Keyboard", BigDecimal.ONE))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("product 2");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void aRejectedOrderKeepsItsReasonAndIgnoresALateConfirmation() {
        assertThat(order.reject("Not enough stock of product 2 for quantity 1")).isTrue();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getRejectionReason()).contains("product 2");
        assertThat(order.confirm(prices)).isFalse();
        assertThat(order.reject("again")).isFalse();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.getRejectionReason()).contains("product 2");
    }

    @Test
    void aVeryLongReasonIsCutToWhatTheColumnHolds() {
        order.reject("x".repeat(2_000));
        assertThat(order.getRejectionReason()).hasSize(500).endsWith("...");
    }

    @Test
    void cancellingAsksForTheReleaseOnceAndRepeatsHarmlessly() {
        order.confirm(prices);
        assertThat(order.cancel()).as("release needed").isTrue();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.cancel()).as("a repeated cancel asks for nothing again").isFalse();
    }

    @Test
    void aPendingOrderCanBeCancelledAndALateReservationDoesNotRevive() {
        assertThat(order.cancel()).isTrue();
        assertThat(order.confirm(prices)).isFalse();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void aRejectedOrderCannotBeCancelled() {
        order.reject("Product 2 does not exist");
        assertThatThrownBy(order::cancel).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.getKind()).isEqualTo(DomainException.Kind.CONFLICT));
    }

    @Test
    void anIdempotentRetryIsRecognisedByItsItemsInAnyOrder() {
        String fingerprint = OrderService.fingerprint(List.of(new OrderLine(1, 2), new OrderLine(2, 1)));
        PurchaseOrder keyed = PurchaseOrder.pending(7, List.of(new OrderLine(1, 2), new OrderLine(2, 1)), "key-1",
                fingerprint);
        assertThat(keyed.wasPlacedBy(OrderService.fingerprint(List.of(new OrderLine(2, 1), new OrderLine(1, 2)))))
                .isTrue();
        assertThat(keyed.wasPlacedBy(OrderService.fingerprint(List.of(new OrderLine(1, 3), new OrderLine(2, 1)))))
                .isFalse();
    }

    @Test
    void everyChangeOfAnOrderHeldHereIsRecordedForTheLegacyShopsCopy() {
        assertThat(order.recordedEvents()).as("placed").hasOnlyElementsOfType(OrderChanged.class).hasSize(1);
        order.confirm(prices);
        order.cancel();
        order.cancel();
        order.confirm(prices);
        assertThat(order.recordedEvents()).as("placed, confirmed, cancelled; no change, no event")
                .hasOnlyElementsOfType(OrderChanged.class).hasSize(3);
    }

    @Test
    void aCancelAskedByTheLegacyShopIsAlwaysAnsweredWithTheOrderAsItIs() {
        order.reject("Not enough stock");
        int before = order.recordedEvents().size();
        assertThat(order.cancelAskedByCopyHolder()).as("a rejected order is not cancelled").isFalse();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(order.recordedEvents()).hasSize(before + 1).last().isInstanceOf(OrderChanged.class);

        PurchaseOrder confirmed = PurchaseOrder.pending(7, List.of(new OrderLine(1, 1)), null, null);
        confirmed.confirm(prices);
        assertThat(confirmed.cancelAskedByCopyHolder()).as("its stock is released").isTrue();
        assertThat(confirmed.recordedEvents()).as("placed, confirmed, cancelled: one event for the cancel")
                .hasSize(3);
    }

    @Test
    void aCopyRecordsNothingOfTheShopsChangesAndACancelOfItIsAskedOfTheShop() {
        PurchaseOrder copy = PurchaseOrder.copyOf(new OrderSnapshot("o-legacy-1", 7, "CONFIRMED",
                new BigDecimal("3.00"), null, java.time.Instant.now(), 4, List.of()));
        copy.updateCopy(new OrderSnapshot("o-legacy-1", 7, "CONFIRMED", new BigDecimal("3.00"), null,
                java.time.Instant.now(), 5, List.of()));
        assertThat(copy.recordedEvents()).as("copies are never sent back").isEmpty();

        assertThat(copy.cancel()).as("nothing is released here").isFalse();
        assertThat(copy.getStatus()).as("the shop decides").isEqualTo(OrderStatus.CONFIRMED);
        assertThat(copy.recordedEvents()).hasSize(1).first().isInstanceOfSatisfying(CancelAskedOfHolder.class, asked -> {
            assertThat(asked.getOrderId()).isEqualTo("o-legacy-1");
            assertThat(asked.getMemberId()).isEqualTo(7);
        });
    }
}
