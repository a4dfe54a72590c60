package dev.msakit.product;

import dev.msakit.product.domain.CatalogService;
import dev.msakit.product.domain.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import dev.msakit.platform.testing.TestJwtConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.msakit.platform.testing.TestJwtConfiguration.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

/** Real HTTP, real database: many orders race for the last units and none is sold twice. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestJwtConfiguration.class)
class StockReservationConcurrencyTest {

    private static final int STOCK = 5;
    private static final int BUYERS = 24;

    @Autowired
    private TestRestTemplate rest;
    @Autowired
    private CatalogService catalog;

    @Test
    void concurrentOrdersForTheLastUnitsNeverOversell() throws Exception {
        Product scarce = catalog.create("Last units", null, new BigDecimal("9.90"), STOCK);
        Product plenty = catalog.create("Plenty", null, new BigDecimal("1.00"), 1000);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> results = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            // Each order also takes a plentiful product: a refused order must give that unit back too.
            String body = "{\"orderId\":\"" + UUID.randomUUID() + "\",\"items\":[{\"productId\":" + plenty.getId()
                    + ",\"quantity\":1},{\"productId\":" + scarce.getId() + ",\"quantity\":1}]}";
            Callable<ResponseEntity<String>> call = () -> {
                start.await();
                return post("/internal/reservations", body);
            };
            results.add(pool.submit(call));
        }
        start.countDown();
        int ok = 0;
        int conflict = 0;
        for (Future<ResponseEntity<String>> result : results) {
            HttpStatus status = result.get().getStatusCode();
            if (status == HttpStatus.OK) {
                ok++;
            } else if (status == HttpStatus.CONFLICT) {
                conflict++;
            }
        }
        pool.shutdown();

        assertThat(ok).isEqualTo(STOCK);
        assertThat(conflict).isEqualTo(BUYERS - STOCK);
        assertThat(catalog.get(scarce.getId()).getStock()).isZero();
        assertThat(catalog.get(plenty.getId()).getStock()).isEqualTo(1000 - STOCK);
    }

    @Test
    void reservingTwiceForOneOrderTakesStockOnceAndReleaseGivesItBackOnce() {
        Product product = catalog.create("Idempotent", null, new BigDecimal("2.50"), 10);
        String orderId = UUID.randomUUID().toString();
        String body = "{\"orderId\":\"" + orderId + "\",\"items\":[{\"productId\":" + product.getId()
                + ",\"quantity\":3}]}";

        assertThat(post("/internal/reservations", body).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> again = post("/internal/reservations", body);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).contains("\"unitPrice\":2.50").contains("\"status\":\"RESERVED\"");
        assertThat(catalog.get(product.getId()).getStock()).isEqualTo(7);

        assertThat(post("/internal/reservations/" + orderId + "/release", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(post("/internal/reservations/" + orderId + "/release", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(catalog.get(product.getId()).getStock()).isEqualTo(10);

        // A reservation arriving after its order was released (a slow retry) is refused.
        assertThat(post("/internal/reservations", body).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(catalog.get(product.getId()).getStock()).isEqualTo(10);
    }

    @Test
    void unknownProductFailsTheWholeReservation() {
        Product product = catalog.create("Partial", null, new BigDecimal("1.00"), 10);
        String body = "{\"orderId\":\"" + UUID.randomUUID() + "\",\"items\":[{\"productId\":" + product.getId()
                + ",\"quantity\":2},{\"productId\":999999,\"quantity\":1}]}";
        ResponseEntity<String> response = post("/internal/reservations", body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(response.getBody()).contains("Product 999999 does not exist");
        assertThat(catalog.get(product.getId()).getStock()).isEqualTo(10);
    }

    @Test
    void reservationNeedsAServiceToken() {
        ResponseEntity<String> anonymous = rest.postForEntity("/internal/reservations", null, String.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        Product product = catalog.create("Guarded", null, new BigDecimal("1.00"), 10);
        String body = "{\"orderId\":\"" + UUID.randomUUID() + "\",\"items\":[{\"productId\":" + product.getId()
                + ",\"quantity\":2}]}";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TOKENS.admin(1));
        ResponseEntity<String> asMember = rest.exchange("/internal/reservations", HttpMethod.POST,
                new HttpEntity<>(body, headers), String.class);
        assertThat(asMember.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(catalog.get(product.getId()).getStock()).isEqualTo(10);
    }

    private ResponseEntity<String> post(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TOKENS.service("order-service"));
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }
}
