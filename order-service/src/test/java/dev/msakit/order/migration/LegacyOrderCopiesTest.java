package dev.msakit.order.migration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.migration.MigrationTopics;
import dev.msakit.contracts.stock.StockTopics;
import dev.msakit.order.OrderServiceContext;
import dev.msakit.order.domain.OrderLine;
import dev.msakit.order.domain.OrderRepository;
import dev.msakit.order.domain.OrderService;
import dev.msakit.order.domain.PurchaseOrder;
import dev.msakit.order.saga.StockReplyListener;
import dev.msakit.platform.testing.TestMessages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static dev.msakit.platform.testing.jwt.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * While ordering moves: order-service's own orders go to the legacy shop as snapshots, the shop's orders are kept
 * here as read-only copies a member sees, and a cancel goes to whichever side holds the order.
 */
class LegacyOrderCopiesTest extends OrderServiceContext {

    @Autowired
    private OrderService service;
    @Autowired
    private LegacyOrderChanges legacy;
    @Autowired
    private StockReplyListener replies;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private OrderRepository orders;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper json;

    @Test
    void everyChangeOfAnOrderHeldHereGoesToTheLegacyShopWithAGrowingVersion() throws Exception {
        PurchaseOrder order = service.place(60, List.of(new OrderLine(1, 2)), null).getOrder();
        replies.onReply(TestMessages.message(StockTopics.REPLIES, "StockReserved", order.getId(),
                "{\"orderId\":\"" + order.getId() + "\",\"lines\":[{\"productId\":1,\"productName\":\"Pen\","
                        + "\"unitPrice\":1.10,\"quantity\":2}]}"));
        service.cancel(60, order.getId());

        List<TestMessages.Sent> sent = sentFor(order.getId());
        assertThat(sent).extracting(m -> m.type).containsOnly("OrderSnapshot");
        assertThat(sent.stream().map(m -> field(m, "status")).collect(Collectors.toList()))
                .containsExactly("PENDING", "CONFIRMED", "CANCELLED");
        assertThat(sent.stream().map(m -> Long.parseLong(field(m, "version"))).collect(Collectors.toList()))
                .isSorted().doesNotHaveDuplicates();
    }

    /** The snapshot is written in the change's transaction: a change rolled back is never sent. */
    @Test
    void aChangeRolledBackSendsNothing() {
        PurchaseOrder order = service.place(66, List.of(new OrderLine(1, 1)), null).getOrder();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            orders.findById(order.getId()).orElseThrow().cancel();
            orders.flush();
            status.setRollbackOnly();
        });

        assertThat(sentFor(order.getId()).stream().map(m -> field(m, "status")).collect(Collectors.toList()))
                .containsExactly("PENDING");
    }

    @Test
    void theLegacyShopsOrdersAreVisibleHereAndCancelledThere() throws Exception {
        String id = UUID.randomUUID().toString();
        legacy.onChange(snapshot(id, 61, "CONFIRMED", 3));
        // A late, older snapshot does not take the copy back.
        legacy.onChange(snapshot(id, 61, "PENDING", 1));

        mvc.perform(get("/orders/" + id).header("Authorization", "Bearer " + TOKENS.member(61)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.items[0].productName").value("Pen"));
        mvc.perform(get("/orders/" + id).header("Authorization", "Bearer " + TOKENS.member(62)))
                .andExpect(status().isNotFound());

        mvc.perform(post("/orders/" + id + "/cancel").header("Authorization", "Bearer " + TOKENS.member(61)))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("CONFIRMED"));
        assertThat(sentFor(id)).extracting(m -> m.type).containsExactly("CancelOrder");
        // Nothing about a copy is released here: the shop holds its stock.
        assertThat(TestMessages.outbox(jdbc, StockTopics.COMMANDS)).noneMatch(m -> m.key.equals(id));

        legacy.onChange(snapshot(id, 61, "CANCELLED", 4));
        mvc.perform(get("/orders/" + id).header("Authorization", "Bearer " + TOKENS.member(61)))
                .andExpect(jsonPath("$.status").value("CANCELLED"));
    }

    @Test
    void theLegacyShopCancelsAnOrderHeldHereForTheMemberItServes() {
        PurchaseOrder order = service.place(63, List.of(new OrderLine(2, 1)), null).getOrder();

        legacy.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_LEGACY, "CancelOrder", order.getId(),
                "{\"orderId\":\"" + order.getId() + "\",\"memberId\":63}"));

        assertThat(service.get(63, order.getId()).getStatus().name()).isEqualTo("CANCELLED");
        assertThat(TestMessages.outbox(jdbc, StockTopics.COMMANDS)).filteredOn(m -> m.key.equals(order.getId()))
                .extracting(m -> m.type).containsExactly("ReserveStock", "ReleaseStock");
    }

    /**
     * Rejected is final on both sides: cancelling a rejected copy is refused at once (409, nothing sent that the shop
     * would refuse), and the shop's cancel of a rejected order held here is answered with the order as it is.
     */
    @Test
    void cancellingARejectedOrderIsRefusedAtOnceAndNeverBecomesAPoisonMessage() throws Exception {
        String copy = UUID.randomUUID().toString();
        legacy.onChange(snapshot(copy, 64, "REJECTED", 1));
        mvc.perform(post("/orders/" + copy + "/cancel").header("Authorization", "Bearer " + TOKENS.member(64)))
                .andExpect(status().isConflict());
        assertThat(sentFor(copy)).isEmpty();

        PurchaseOrder ours = service.place(64, List.of(new OrderLine(1, 500)), null).getOrder();
        replies.onReply(TestMessages.message(StockTopics.REPLIES, "StockRejected", ours.getId(),
                "{\"orderId\":\"" + ours.getId() + "\",\"reason\":\"Not enough stock\"}"));
        // Handled, not thrown (a throw would be retried and end in the dead-letter topic).
        legacy.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_LEGACY, "CancelOrder", ours.getId(),
                "{\"orderId\":\"" + ours.getId() + "\",\"memberId\":64}"));

        List<TestMessages.Sent> sent = sentFor(ours.getId());
        assertThat(field(sent.get(sent.size() - 1), "status")).isEqualTo("REJECTED");
        assertThat(TestMessages.outbox(jdbc, StockTopics.COMMANDS)).filteredOn(m -> m.key.equals(ours.getId()))
                .extracting(m -> m.type).containsExactly("ReserveStock");
    }

    /**
     * A client placed an order at the legacy shop with a key, ordering flipped here, and the client retries: the copy
     * carries the key, so the retry gets that order and no second one is placed.
     */
    @Test
    void aRetryAfterAFlipFindsTheOrderTheLegacyShopPlaced() {
        String id = UUID.randomUUID().toString();
        String fingerprint = dev.msakit.contracts.OrderRequests.fingerprint(java.util.Map.of(1L, 2));
        legacy.onChange(TestMessages.message(MigrationTopics.ORDERS_FROM_LEGACY, "OrderSnapshot", id,
                "{\"orderId\":\"" + id + "\",\"memberId\":65,\"status\":\"CONFIRMED\",\"total\":2.20,"
                        + "\"createdAt\":\"2026-01-01T10:00:00Z\",\"version\":1,\"lines\":[{\"productId\":1,"
                        + "\"productName\":\"Pen\",\"unitPrice\":1.10,\"quantity\":2}],"
                        + "\"idempotencyKey\":\"flip-1\",\"requestFingerprint\":\"" + fingerprint + "\"}"));

        OrderService.Placement retried = service.place(65, List.of(new OrderLine(1, 2)), "flip-1");

        assertThat(retried.isReplayed()).isTrue();
        assertThat(retried.getOrder().getId()).isEqualTo(id);
        assertThat(TestMessages.outbox(jdbc, StockTopics.COMMANDS)).noneMatch(m -> m.key.equals(id));
        // Placed here with a key, the order's copy carries it to the shop.
        PurchaseOrder keyed = service.place(65, List.of(new OrderLine(2, 1)), "flip-2").getOrder();
        assertThat(field(sentFor(keyed.getId()).get(0), "idempotencyKey")).isEqualTo("flip-2");
    }

    /**
     * The same request placed on both sides at once has one id (member and key): the shop's order of it never
     * replaces the one held here (the shop gives its own up when this one's copy arrives there).
     */
    @Test
    void theShopsOrderOfARequestAlsoPlacedHereNeverReplacesTheOneHeldHere() {
        PurchaseOrder ours = service.place(67, List.of(new OrderLine(1, 2)), "split-2").getOrder();
        assertThat(ours.getId()).isEqualTo(dev.msakit.contracts.OrderRequests.orderId(67, "split-2"));

        legacy.onChange(snapshot(ours.getId(), 67, "CONFIRMED", 5));

        PurchaseOrder after = service.get(67, ours.getId());
        assertThat(after.isHeldHere()).isTrue();
        assertThat(after.getStatus().name()).isEqualTo("PENDING");
    }

    /** Orders as reconciliation reads them: the same canonical row as the legacy shop's (LegacyShopTest). */
    @Test
    void reconciliationReadsOrdersInTheCanonicalRowsTheShopWritesToo() throws Exception {
        String id = UUID.randomUUID().toString();
        legacy.onChange(snapshot(id, 66, "CONFIRMED", 1));

        mvc.perform(get("/internal/reconciliation/ordering/rows?bucket=" + id.substring(0, 2))
                        .header("Authorization", "Bearer " + TOKENS.service("release-control")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + id + "')].row").value("CONFIRMED|1x2"));
    }

    /**
     * A repair: asked over the reconciliation endpoint, this side publishes the drifted orders it holds (not copies);
     * the shop's repair of a copy is taken even at the copy's own version, never over an order held here.
     */
    @Test
    void repairsArePublishedForOrdersHeldHereAndTakenIntoCopiesWhateverTheirVersion() throws Exception {
        PurchaseOrder ours = service.place(68, List.of(new OrderLine(1, 1)), null).getOrder();
        String copy = UUID.randomUUID().toString();
        legacy.onChange(snapshot(copy, 68, "CONFIRMED", 2));
        mvc.perform(post("/internal/reconciliation/ordering/repairs")
                        .header("Authorization", "Bearer " + TOKENS.service("release-control"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"rows\":[{\"id\":\"" + ours.getId() + "\"},{\"id\":\"" + copy + "\"}]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.published[0]").value(ours.getId()))
                .andExpect(jsonPath("$.notPublished['" + copy + "']")
                        .value(org.hamcrest.Matchers.containsString("a copy here")));
        List<TestMessages.Sent> sent = sentFor(ours.getId());
        assertThat(sent.get(sent.size() - 1).type).isEqualTo("OrderRepair");
        assertThat(field(sent.get(sent.size() - 1), "status")).isEqualTo("PENDING");

        // The copy drifted at the same version (CONFIRMED here, CANCELLED at the shop): a snapshot would not mend it.
        legacy.onChange(message("OrderSnapshot", copy, 68, "CANCELLED", 2));
        assertThat(service.get(68, copy).getStatus().name()).isEqualTo("CONFIRMED");
        legacy.onChange(message("OrderRepair", copy, 68, "CANCELLED", 2));
        assertThat(service.get(68, copy).getStatus().name()).isEqualTo("CANCELLED");
        // Never over an order held here.
        legacy.onChange(message("OrderRepair", ours.getId(), 68, "CANCELLED", 9));
        assertThat(service.get(68, ours.getId()).getStatus().name()).isEqualTo("PENDING");
    }

    private org.apache.kafka.clients.consumer.ConsumerRecord<String, String> snapshot(String id, long member,
                                                                                      String status, long version) {
        return message("OrderSnapshot", id, member, status, version);
    }

    private org.apache.kafka.clients.consumer.ConsumerRecord<String, String> message(String type, String id,
                                                                                     long member, String status,
                                                                                     long version) {
        return TestMessages.message(MigrationTopics.ORDERS_FROM_LEGACY, type, id,
                "{\"orderId\":\"" + id + "\",\"memberId\":" + member + ",\"status\":\"" + status + "\",\"total\":2.20,"
                        + "\"createdAt\":\"2026-01-01T10:00:00Z\",\"version\":" + version + ",\"lines\":[{"
                        + "\"productId\":1,\"productName\":\"Pen\",\"unitPrice\":1.10,\"quantity\":2}]}");
    }

    private List<TestMessages.Sent> sentFor(String orderId) {
        return TestMessages.outbox(jdbc, MigrationTopics.ORDERS_FROM_NEW).stream()
                .filter(m -> m.key.equals(orderId)).collect(Collectors.toList());
    }

    private String field(TestMessages.Sent message, String name) {
        try {
            return json.readTree(message.payload).path(name).asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
