package dev.msakit.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders as a saga over the real broker, through the gateway: the happy path and its trace across the broker,
 * the last units under 200 concurrent orders, Idempotency-Key retries, every message delivered twice, a poison
 * command, the broker killed for 30 s under a stream of orders, and the relay killed between commit and publish.
 * (product-service killed mid-saga is CoreSuiteIT's kill test.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SuiteExtension.class)
class SagaIT {

    private static final List<String> TOPICS = List.of("stock.commands", "stock.replies");

    private Suite suite;
    private Scenario scenario;
    private String api;
    private String member;
    private String admin;

    @BeforeAll
    void prepare(Suite suite) {
        this.suite = suite;
        scenario = new Scenario(suite);
        api = suite.gatewayUrl() + "/api";
        member = scenario.newMemberToken();
        admin = scenario.adminToken();
    }

    @Test
    @Order(1)
    void anOrderIsConfirmedOverTheBrokerAndOneTraceCoversEveryHop() {
        long product = scenario.newProduct(admin, 10);
        Http.Response placed = Http.placeOrderTraced(api + "/orders", member, Scenario.orderOf(product, 2));
        assertThat(placed.status).as(placed.body).isEqualTo(201);
        assertThat(placed.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(placed.location).isEqualTo("/api/orders/" + placed.json().path("id").asText());
        assertThat(scenario.stock(product)).isEqualTo(8);

        // gateway -> order-service -> kafka -> product-service -> kafka -> order-service, in one trace.
        JsonNode trace = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Http.get(suite.zipkin.url() + "/api/v2/trace/" + placed.traceId, null),
                        r -> r.status == 200 && hasSpan(r.json(), "order-service", "CONSUMER", "handle stockreserved"))
                .json();
        assertThat(hasSpan(trace, "zuul-gateway", "SERVER", null)).isTrue();
        assertThat(hasSpan(trace, "order-service", "PRODUCER", "publish reservestock")).isTrue();
        assertThat(hasSpan(trace, "product-service", "CONSUMER", "handle reservestock")).isTrue();
        assertThat(hasSpan(trace, "product-service", "PRODUCER", "publish stockreserved")).isTrue();

        // A cancel commands the release over the broker; the stock comes back.
        Http.Response cancelled = Http.post(api + "/orders/" + placed.json().path("id").asText() + "/cancel",
                member, null);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(20)).until(() -> scenario.stock(product) == 10);

        // What an operator watches in Admin: the outbox backlog and the consumers' lag.
        for (String meter : List.of("messaging.outbox.backlog", "kafka.consumer.fetch.manager.records.lag.max")) {
            Http.Response metric = Http.getBasic(suite.order.url() + "/actuator/metrics/" + meter,
                    Suite.ACTUATOR_USER, Suite.ACTUATOR_PASSWORD);
            assertThat(metric.status).as(meter + ": " + metric.body).isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void twoHundredConcurrentOrdersForTheLastUnitsConfirmExactlyThatMany() throws Exception {
        int units = 20;
        long product = scenario.newProduct(admin, units);
        ExecutorService clients = Executors.newFixedThreadPool(40);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(clients.submit(() -> {
                start.await();
                return Http.post(api + "/orders", member, Scenario.orderOf(product, 1));
            }));
        }
        start.countDown();
        List<String> ids = new ArrayList<>();
        for (Future<Http.Response> answer : answers) {
            Http.Response r = answer.get(60, TimeUnit.SECONDS);
            assertThat(r.status).as(r.body).isEqualTo(202);
            ids.add(r.json().path("id").asText());
        }
        clients.shutdown();

        Map<String, List<String>> byStatus = awaitFinal(ids, Duration.ofSeconds(60));
        assertThat(byStatus.getOrDefault("CONFIRMED", List.of())).hasSize(units);
        assertThat(byStatus.getOrDefault("REJECTED", List.of())).hasSize(200 - units);
        String rejected = byStatus.get("REJECTED").get(0);
        assertThat(Http.get(api + "/orders/" + rejected, member).json().path("rejectionReason").asText())
                .isEqualTo("Not enough stock of product " + product + " for quantity 1");
        assertThat(scenario.stock(product)).isZero();
    }

    @Test
    @Order(3)
    void anIdempotencyKeyRetriedTenTimesAtOnceMakesOneOrder() throws Exception {
        long product = scenario.newProduct(admin, 100);
        String key = UUID.randomUUID().toString();
        ExecutorService clients = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(clients.submit(() -> {
                start.await();
                return Http.post(api + "/orders", member, Scenario.orderOf(product, 3), Map.of("Idempotency-Key", key));
            }));
        }
        start.countDown();
        Set<String> ids = new java.util.HashSet<>();
        for (Future<Http.Response> answer : answers) {
            Http.Response r = answer.get(60, TimeUnit.SECONDS);
            assertThat(r.status).as(r.body).isIn(201, 202);
            ids.add(r.json().path("id").asText());
        }
        clients.shutdown();
        assertThat(ids).hasSize(1);
        awaitFinal(new ArrayList<>(ids), Duration.ofSeconds(30));
        assertThat(scenario.stock(product)).isEqualTo(97);
    }

    @Test
    @Order(4)
    void everyMessageDeliveredTwiceChangesNothing() throws Exception {
        Map<String, JsonNode> ordersBefore = memberOrders();
        assertThat(ordersBefore).isNotEmpty();
        Map<Long, Integer> stockBefore = stockOfOrderedProducts(ordersBefore.values());
        double skippedBefore = metric(suite.product1, "messaging.duplicates.skipped")
                + metric(suite.product2, "messaging.duplicates.skipped") + metric(suite.order, "messaging.duplicates.skipped");

        int replayed = replayEveryMessage();
        awaitNoLag("product-service", "stock.commands");
        awaitNoLag("order-service", "stock.replies");

        double skipped = metric(suite.product1, "messaging.duplicates.skipped")
                + metric(suite.product2, "messaging.duplicates.skipped") + metric(suite.order, "messaging.duplicates.skipped");
        System.out.printf("SagaIT: %d messages delivered a second time, %.0f skipped as duplicates%n", replayed,
                skipped - skippedBefore);
        assertThat(replayed).isGreaterThan(250);
        assertThat(skipped - skippedBefore).as("duplicates recognised").isEqualTo(replayed);
        assertThat(memberOrders()).isEqualTo(ordersBefore);
        assertThat(stockOfOrderedProducts(ordersBefore.values())).isEqualTo(stockBefore);
    }

    @Test
    @Order(5)
    void aPoisonCommandGoesToTheDeadLetterTopicAndItsOrderIsRejected() throws Exception {
        long product = scenario.newProduct(admin, 10);
        long memberId = Http.get(api + "/members/me", member).json().path("id").asLong();
        String orderId = UUID.randomUUID().toString();
        // A buggy order-service writes an order and a command product-service can never read; simulated by writing
        // both straight into order-service's tables, in one transaction, as its own code would.
        try (Connection orders = suite.database.connect("order-service", "order-service")) {
            orders.setAutoCommit(false);
            try (PreparedStatement order = orders.prepareStatement("INSERT INTO orders (id, member_id, status,"
                    + " release_pending, created_at, updated_at) VALUES (?, ?, 'PENDING', false, now(), now())");
                 PreparedStatement line = orders.prepareStatement(
                         "INSERT INTO order_line (order_id, product_id, quantity) VALUES (?, ?, 1)");
                 PreparedStatement command = orders.prepareStatement("INSERT INTO outbox_message (message_id, topic,"
                         + " message_key, message_type, payload) VALUES (?, 'stock.commands', ?, 'ReserveStock', ?)");
                 // ... and its copy for the legacy shop, as order-service writes with every order (no drift left).
                 PreparedStatement copy = orders.prepareStatement("INSERT INTO outbox_message (message_id, topic,"
                         + " message_key, message_type, payload) VALUES (?, 'orders.changes.new', ?, 'OrderSnapshot',"
                         + " ?)")) {
                order.setString(1, orderId);
                order.setLong(2, memberId);
                order.executeUpdate();
                line.setString(1, orderId);
                line.setLong(2, product);
                line.executeUpdate();
                command.setObject(1, UUID.randomUUID());
                command.setString(2, orderId);
                command.setString(3, "{\"orderId\":\"" + orderId + "\",\"items\":\"one of each\"}");
                command.executeUpdate();
                copy.setObject(1, UUID.randomUUID());
                copy.setString(2, orderId);
                copy.setString(3, "{\"orderId\":\"" + orderId + "\",\"memberId\":" + memberId + ",\"status\":"
                        + "\"PENDING\",\"createdAt\":\"" + java.time.Instant.now() + "\",\"version\":0,\"lines\":"
                        + "[{\"productId\":" + product + ",\"quantity\":1}]}");
                copy.executeUpdate();
            }
            orders.commit();
        }

        JsonNode order = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> Http.get(api + "/orders/" + orderId, member).json(),
                        o -> "REJECTED".equals(o.path("status").asText()));
        assertThat(order.path("rejectionReason").asText()).contains("could not be processed")
                .contains("unreadable ReserveStock");
        ConsumerRecord<String, String> deadLetter = await().atMost(Duration.ofSeconds(20))
                .until(() -> recordsOf("stock.commands.DLT").stream().filter(r -> orderId.equals(r.key()))
                        .findFirst().orElse(null), r -> r != null);
        assertThat(new String(deadLetter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("unreadable ReserveStock");
        assertThat(metric(suite.product1, "messaging.dead.letters") + metric(suite.product2, "messaging.dead.letters"))
                .isGreaterThanOrEqualTo(1);
        assertThat(scenario.stock(product)).isEqualTo(10);
    }

    /**
     * A release of stock that was given up (parked as a dead letter in product-service's database, as after a
     * failure that outlasted its retries) leaves the stock reserved for a cancelled order: an operator sees it
     * through the gateway and redrives it once; the stock comes back exactly once, and a second redrive is refused.
     */
    @Test
    @Order(5)
    void aStuckReservationParkedAsADeadLetterIsReleasedByOneRedrive() throws Exception {
        long product = scenario.newProduct(admin, 10);
        Http.Response placed = Http.placeOrder(api + "/orders", member, Scenario.orderOf(product, 3));
        assertThat(placed.json().path("status").asText()).as(placed.body).isEqualTo("CONFIRMED");
        String orderId = placed.json().path("id").asText();
        assertThat(scenario.stock(product)).isEqualTo(7);
        // Cancelled as order-service's code does (with the copy for the legacy shop), minus the ReleaseStock command:
        // that is the one product-service gave up.
        try (Connection orders = suite.database.connect("order-service", "order-service")) {
            orders.setAutoCommit(false);
            try (PreparedStatement cancel = orders.prepareStatement("UPDATE orders SET status = 'CANCELLED',"
                    + " version = version + 1 WHERE id = ? RETURNING version");
                 PreparedStatement copy = orders.prepareStatement("INSERT INTO outbox_message (message_id, topic,"
                         + " message_key, message_type, payload) VALUES (?, 'orders.changes.new', ?, 'OrderSnapshot',"
                         + " ?)")) {
                cancel.setString(1, orderId);
                long version;
                try (java.sql.ResultSet row = cancel.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    version = row.getLong(1);
                }
                JsonNode item = placed.json().path("items").get(0);
                copy.setObject(1, UUID.randomUUID());
                copy.setString(2, orderId);
                copy.setString(3, "{\"orderId\":\"" + orderId + "\",\"memberId\":" + Http.get(api + "/members/me",
                        member).json().path("id").asLong() + ",\"status\":\"CANCELLED\",\"total\":"
                        + placed.json().path("total").decimalValue() + ",\"createdAt\":\""
                        + placed.json().path("createdAt").asText() + "\",\"version\":" + version + ",\"lines\":[{"
                        + "\"productId\":" + product + ",\"productName\":" + item.path("productName") + ",\"unitPrice\":"
                        + item.path("unitPrice").decimalValue() + ",\"quantity\":3}]}");
                copy.executeUpdate();
            }
            orders.commit();
        }
        long parked;
        try (Connection products = suite.database.connect("product-service", "product-service");
             PreparedStatement park = products.prepareStatement("INSERT INTO dead_letter (consumer, message_id,"
                     + " topic, partition_no, record_offset, message_key, message_type, payload, reason, compensated)"
                     + " VALUES ('product-service', ?, 'stock.commands', 0, 0, ?, 'ReleaseStock', ?, ?, false)"
                     + " RETURNING id")) {
            park.setObject(1, UUID.randomUUID());
            park.setString(2, orderId);
            park.setString(3, "{\"orderId\":\"" + orderId + "\"}");
            park.setString(4, "failed 3 times: QueryTimeoutException (simulated)");
            try (java.sql.ResultSet id = park.executeQuery()) {
                id.next();
                parked = id.getLong(1);
            }
        }
        String letters = api + "/admin/dead-letters/product-service";

        JsonNode listed = Http.get(letters + "?status=PARKED", admin).json();
        assertThat(listed.path("parked").path("stock.commands").asLong()).isPositive();
        assertThat(listed.path("deadLetters").findValuesAsText("key")).contains(orderId);
        assertThat(Http.get(letters, member).status).as("members are refused").isEqualTo(403);
        Http.Response redriven = Http.post(letters + "/" + parked + "/redrive", admin, null);
        assertThat(redriven.status).as(redriven.body).isEqualTo(200);
        assertThat(redriven.json().path("status").asText()).isEqualTo("REDRIVEN");
        assertThat(Http.post(letters + "/" + parked + "/redrive", admin, null).status).isEqualTo(409);

        await().atMost(Duration.ofSeconds(20)).until(() -> scenario.stock(product) == 10);
        sleep(2000);
        assertThat(scenario.stock(product)).as("released exactly once").isEqualTo(10);
    }

    @Test
    @Order(6)
    void withTheBrokerKilledFor30sEveryOrderIsAcceptedAndEndsOnceItIsBack() throws Exception {
        long product = scenario.newProduct(admin, 100_000);
        int stockBefore = scenario.stock(product);
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> accepted = new CopyOnWriteArrayList<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService client = Executors.newSingleThreadExecutor();
        Future<?> stream = client.submit(() -> {
            while (running.get()) {
                Http.Response r = Http.post(api + "/orders", member, Scenario.orderOf(product, 1));
                if (r.status == 202) {
                    accepted.add(r.json().path("id").asText());
                } else {
                    failures.add(r.toString());
                }
                sleep(100);
            }
        });
        sleep(2_000);
        suite.kafka.kill();
        long killedAt = System.nanoTime();
        sleep(10_000);
        Http.Response backlog = Http.getBasic(suite.order.url() + "/actuator/metrics/messaging.outbox.backlog",
                Suite.ACTUATOR_USER, Suite.ACTUATOR_PASSWORD);
        sleep(Math.max(0, 30_000 - (System.nanoTime() - killedAt) / 1_000_000));
        suite.kafka = suite.restart(suite.kafka, "kafka-broker");
        sleep(3_000);
        running.set(false);
        stream.get(30, TimeUnit.SECONDS);
        client.shutdown();

        assertThat(failures).as("orders refused while the broker was away").isEmpty();
        assertThat(backlog.json().path("measurements").get(0).path("value").asDouble())
                .as("messages waiting in order-service's outbox during the outage").isPositive();
        assertThat(accepted).hasSizeGreaterThan(100).doesNotHaveDuplicates();
        Map<String, List<String>> byStatus = awaitFinal(accepted, Duration.ofSeconds(120));
        assertThat(byStatus.keySet()).containsOnly("CONFIRMED");
        assertThat(scenario.stock(product)).isEqualTo(stockBefore - accepted.size());
    }

    @Test
    @Order(7)
    void aRelayKilledBetweenCommitAndPublishPublishesAfterItsRestart() throws Exception {
        long product = scenario.newProduct(admin, 100);
        // With the broker away, committed orders wait in the outbox; then order-service dies without a goodbye.
        suite.kafka.kill();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Http.Response r = Http.post(api + "/orders", member, Scenario.orderOf(product, 2));
            assertThat(r.status).as(r.body).isEqualTo(202);
            accepted.add(r.json().path("id").asText());
        }
        suite.order.kill();
        suite.kafka = suite.restart(suite.kafka, "kafka-broker");
        suite.order = suite.restart(suite.order, "order-service");

        Map<String, List<String>> byStatus = awaitFinal(accepted, Duration.ofSeconds(90));
        assertThat(byStatus.keySet()).containsOnly("CONFIRMED");
        assertThat(scenario.stock(product)).isEqualTo(90);
    }

    private Map<String, List<String>> awaitFinal(List<String> ids, Duration within) {
        return scenario.finalStatuses(member, ids, within);
    }

    private Map<String, JsonNode> memberOrders() {
        Map<String, JsonNode> orders = new java.util.TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode content = Http.get(api + "/orders?size=100&page=" + page, member).json().path("content");
            content.forEach(o -> orders.put(o.path("id").asText(), o));
            if (content.size() < 100) {
                return orders;
            }
        }
    }

    private Map<Long, Integer> stockOfOrderedProducts(java.util.Collection<JsonNode> orders) {
        Map<Long, Integer> stock = new java.util.TreeMap<>();
        orders.forEach(o -> o.path("items").forEach(i -> stock.put(i.path("productId").asLong(), null)));
        stock.replaceAll((product, ignored) -> scenario.stock(product));
        return stock;
    }

    /** Copies every record of the saga's topics back onto its topic: same key, value and headers (message id). */
    private int replayEveryMessage() {
        int count = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig())) {
            for (String topic : TOPICS) {
                for (ConsumerRecord<String, String> record : recordsOf(topic)) {
                    producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), record.headers()));
                    count++;
                }
            }
            producer.flush();
        }
        return count;
    }

    /** Everything on a topic so far, read by a throwaway consumer of the test's own. */
    private List<ConsumerRecord<String, String>> recordsOf(String topic) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("reading " + topic).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** Until the group has committed every record of the topic: all delivered and handled. */
    private void awaitNoLag(String group, String topic) {
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (Admin admin = Admin.create(config)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().stream().filter(p -> p.topic().equals(topic))
                        .forEach(p -> latest.put(p, OffsetSpec.latest()));
                assertThat(latest).isNotEmpty();
                var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
                ends.forEach((partition, end) -> assertThat(committed.get(partition).offset())
                        .as(group + " on " + partition).isEqualTo(end.offset()));
            });
        } 
    }

    private Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    private String bootstrap() {
        return "localhost:" + suite.kafkaPort;
    }

    private static double metric(SuiteProcess process, String name) {
        Http.Response metric = Http.getBasic(process.url() + "/actuator/metrics/" + name, Suite.ACTUATOR_USER,
                Suite.ACTUATOR_PASSWORD);
        // A counter that has not counted yet does not exist.
        return metric.status == 404 ? 0 : metric.json().path("measurements").get(0).path("value").asDouble();
    }

    private static boolean hasSpan(JsonNode trace, String service, String kind, String name) {
        for (JsonNode span : trace) {
            if (service.equals(span.path("localEndpoint").path("serviceName").asText())
                    && kind.equals(span.path("kind").asText())
                    && (name == null || name.equals(span.path("name").asText()))) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
