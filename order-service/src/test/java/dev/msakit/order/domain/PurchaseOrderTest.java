package dev.msakit.order.domain;

import dev.msakit.platform.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order's life cycle: PENDING -> CONFIRMED -> CANCELLED, or PENDING -> FAILED; stock is owed back after both. */
class PurchaseOrderTest {

    private final PurchaseOrder order = PurchaseOrder.pending(7, List.of(new OrderLine(1, 2), new OrderLine(2, 1)));

    @Test
    void aNewOrderIsPendingAndOwesNothing() {
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.getMemberId()).isEqualTo(7);
        assertThat(order.isReleasePending()).isFalse();
        assertThat(order.getTotal()).isNull();
    }

    @Test
    void confirmingFixesEachLinesPriceAndTheTotal() {
        order.confirm(Map.of(1L, new PriceSnapshot("Keyboard", new BigDecimal("12.50")),
                2L, new PriceSnapshot("Mouse", new BigDecimal("3.00"))));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(order.getTotal()).isEqualByComparingTo("28.00");
        assertThat(order.getLines()).extracting(OrderLine::getProductName).containsExactly("Keyboard", "Mouse");
        assertThat(order.isReleasePending()).isFalse();
    }

    @Test
    void aReservationMissingALineIsNotConfirmed() {
        assertThatThrownBy(() -> order.confirm(Map.of(1L, new PriceSnapshot("Keyboard", BigDecimal.ONE))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("product 2");
    }

    @Test
    void onlyAPendingOrderIsConfirmedOrFailed() {
        order.fail();
        assertThatThrownBy(() -> order.confirm(Map.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(order::fail).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedOrderOwesBackWhatAReservationMightHaveTaken() {
        order.fail();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.FAILED);
        assertThat(order.isReleasePending()).isTrue();
        order.released();
        assertThat(order.isReleasePending()).isFalse();
    }

    @Test
    void cancellingAConfirmedOrderOwesItsStockBackOnceAndRepeatsHarmlessly() {
        order.confirm(Map.of(1L, new PriceSnapshot("Keyboard", BigDecimal.ONE), 2L,
                new PriceSnapshot("Mouse", BigDecimal.ONE)));
        order.cancel();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.isReleasePending()).isTrue();
        order.released();
        order.cancel();
        assertThat(order.isReleasePending()).as("a repeated cancel owes nothing again").isFalse();
    }

    @Test
    void onlyAConfirmedOrderCanBeCancelled() {
        assertThatThrownBy(order::cancel).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getStatus()).isEqualTo(HttpStatus.CONFLICT));
        order.fail();
        assertThatThrownBy(order::cancel).isInstanceOf(ApiException.class).hasMessageContaining("FAILED");
    }
}
