package dev.msakit.order.saga;

import dev.msakit.contracts.stock.StockTopics;
import dev.msakit.order.domain.OrderLine;
import dev.msakit.order.domain.OrderRepository;
import dev.msakit.order.domain.OrderService;
import dev.msakit.order.domain.OrderStatus;
import dev.msakit.order.OrderServiceContext;
import dev.msakit.order.domain.PurchaseOrder;
import dev.msakit.platform.testing.RowUpdates;
import dev.msakit.platform.testing.TestMessages;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * order-service's half of the stock saga on a real PostgreSQL: replies confirm or reject, a redelivered reply
 * changes nothing, cancels and timeouts command a release in the same transaction, and a reply that cannot be
 * handled goes to the dead-letter topic and rejects its order. The broker is replaced by a mock only where a dead
 * letter is published; the system tests run all of it against the real one.
 */
class StockSagaTest extends OrderServiceContext {

    @Autowired
    private OrderService service;
    @Autowired
    private OrderRepository orders;
    @Autowired
    private StockReplyListener replies;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterRegistry meters;

    @Test
    void aReservationConfirmsAtItsPricesAndItsRedeliveryChangesNothing() {
        PurchaseOrder order = place(40);
        ConsumerRecord<String, String> reply = reserved(order.getId());
        double skippedBefore = skipped();

        replies.onReply(reply);
        PurchaseOrder confirmed = reload(order);
        assertThat(confirmed.getStatus()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(confirmed.getTotal()).isEqualByComparingTo("5.50");

        replies.onReply(reply);
        assertThat(skipped()).isEqualTo(skippedBefore + 1);
        assertThat(reload(order).getUpdatedAt()).isEqualTo(confirmed.getUpdatedAt());
    }

    /**
     * Each line is written once when the order is placed (its order's key in the INSERT, no follow-up update of the
     * key) and once more when the reservation fixes its price: the saga's writes are most of PostgreSQL's work per order.
     */
    @Test
    void placingWritesEachLineOnceAndTheReservationUpdatesEachOnce() {
        List<PurchaseOrder> placed = new java.util.ArrayList<>();
        assertThat(RowUpdates.during(jdbc, "order_line", () -> placed.add(place(47)))).isZero();
        assertThat(RowUpdates.during(jdbc, "order_line", () -> replies.onReply(reserved(placed.get(0).getId()))))
                .isEqualTo(2);
        assertThat(reload(placed.get(0)).getTotal()).isEqualByComparingTo("5.50");
    }

    @Test
    void aRejectionEndsTheOrderWithItsReasonAndNeedsNoRelease() {
        PurchaseOrder order = place(41);
        replies.onReply(TestMessages.message(StockTopics.REPLIES, "StockRejected", order.getId(),
                "{\"orderId\":\"" + order.getId() + "\",\"reason\":\"Not enough stock of product 1 for quantity 2\"}"));
        PurchaseOrder rejected = reload(order);
        assertThat(rejected.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.getRejectionReason()).isEqualTo("Not enough stock of product 1 for quantity 2");
        assertThat(commandTypes(order)).containsExactly("ReserveStock");
    }

    @Test
    void cancellingAPendingOrderReleasesAndALateReservationDoesNotReviveIt() {
        PurchaseOrder order = place(42);
        assertThat(service.cancel(42, order.getId()).getStatus()).isEqualTo(OrderStatus.CANCELLED);
        replies.onReply(reserved(order.getId()));
        assertThat(reload(order).getStatus()).isEqualTo(OrderStatus.CANCELLED);
        // The release follows the reservation on the order's partition, so it undoes it in product-service.
        assertThat(commandTypes(order)).containsExactly("ReserveStock", "ReleaseStock");
    }

    @Test
    void cancellingAConfirmedOrderReleasesOnceHoweverOftenItIsAsked() {
        PurchaseOrder order = place(43);
        replies.onReply(reserved(order.getId()));
        service.cancel(43, order.getId());
        service.cancel(43, order.getId());
        assertThat(reload(order).getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(commandTypes(order)).containsExactly("ReserveStock", "ReleaseStock");
    }

    @Test
    void anUnansweredOrderTimesOutRejectedAndReleased() {
        PurchaseOrder order = place(44);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(reload(order).getStatus()).isEqualTo(OrderStatus.REJECTED));
        assertThat(reload(order).getRejectionReason()).contains("No answer");
        assertThat(commandTypes(order)).containsExactly("ReserveStock", "ReleaseStock");
        // The reservation that finally arrives is undone by that release; the order stays rejected.
        replies.onReply(reserved(order.getId()));
        assertThat(reload(order).getStatus()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void anUnreadableReplyIsDeadLetteredAndItsOrderRejectedAndReleasedOnce() {
        PurchaseOrder order = place(45);
        double deadBefore = meters.counter("messaging.dead.letters", "topic", StockTopics.REPLIES,
                "type", "StockReserved").count();
        ConsumerRecord<String, String> poison = TestMessages.message(StockTopics.REPLIES, "StockReserved",
                order.getId(), "{\"orderId\":\"" + order.getId() + "\",\"lines\":\"all of them\"}");

        replies.onReply(poison);
        replies.onReply(poison);

        ArgumentCaptor<ProducerRecord<Object, Object>> published = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka, times(1)).send(published.capture());
        ProducerRecord<Object, Object> deadLetter = published.getValue();
        assertThat(deadLetter.topic()).isEqualTo("stock.replies.DLT");
        assertThat(deadLetter.key()).isEqualTo(order.getId());
        assertThat(deadLetter.value()).isEqualTo(poison.value());
        assertThat(new String(deadLetter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("unreadable StockReserved");
        assertThat(meters.counter("messaging.dead.letters", "topic", StockTopics.REPLIES, "type", "StockReserved")
                .count()).isEqualTo(deadBefore + 1);

        PurchaseOrder rejected = reload(order);
        assertThat(rejected.getStatus()).isEqualTo(OrderStatus.REJECTED);
        assertThat(rejected.getRejectionReason()).contains("could not be processed");
        assertThat(commandTypes(order)).containsExactly("ReserveStock", "ReleaseStock");
    }

    @Test
    void aMessageOfAnUnknownTypeIsDeadLetteredNotDropped() {
        PurchaseOrder order = place(46);
        replies.onReply(TestMessages.message(StockTopics.REPLIES, "StockTeleported", order.getId(), "{}"));
        verify(kafka, times(1)).send(any(ProducerRecord.class));
        assertThat(reload(order).getStatus()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void aReplyForAnOrderNobodyPlacedIsIgnored() {
        replies.onReply(reserved("7d444840-9dc0-11d1-b245-5ffdce74fad2"));
        verify(kafka, never()).send(any(ProducerRecord.class));
    }

    private PurchaseOrder place(long memberId) {
        return service.place(memberId, List.of(new OrderLine(1, 2), new OrderLine(2, 1)), null).getOrder();
    }

    private static ConsumerRecord<String, String> reserved(String orderId) {
        return TestMessages.message(StockTopics.REPLIES, "StockReserved", orderId, "{\"orderId\":\"" + orderId
                + "\",\"lines\":[{\"productId\":1,\"productName\":\"Pen\",\"unitPrice\":1.75,\"quantity\":2},"
                + "{\"productId\":2,\"productName\":\"Ink\",\"unitPrice\":2.00,\"quantity\":1}]}");
    }

    private PurchaseOrder reload(PurchaseOrder order) {
        return orders.findById(order.getId()).orElseThrow();
    }

    private List<String> commandTypes(PurchaseOrder order) {
        return TestMessages.outbox(jdbc, StockTopics.COMMANDS).stream().filter(m -> m.key.equals(order.getId()))
                .map(m -> m.type).collect(Collectors.toList());
    }

    private double skipped() {
        return meters.counter("messaging.duplicates.skipped", "consumer", "order-service").count();
    }
}
