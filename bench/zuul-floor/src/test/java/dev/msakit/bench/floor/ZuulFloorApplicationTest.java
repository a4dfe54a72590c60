package dev.msakit.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The floor proxies a catalog read as the gateway does: same path, token passed on, answer and length back. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ZuulFloorApplicationTest {

    private static final FakeService SERVICE = new FakeService();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void target(DynamicPropertyRegistry registry) {
        registry.add("FLOOR_TARGET", () -> "http://127.0.0.1:" + SERVICE.port());
    }

    @AfterAll
    static void stopService() {
        SERVICE.stop();
    }

    @Test
    void forwardsTheReadWithItsTokenAndReturnsTheAnswer() throws Exception {
        HttpResponse<String> response = FakeService.get(port, "/products/7", true);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(FakeService.ANSWER);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("8");
        assertThat(SERVICE.lastRequest()).isEqualTo("/products/7 Bearer abc");
    }

    @Test
    void routesNothingElse() throws Exception {
        HttpResponse<String> response = FakeService.get(port, "/members/1", false);

        assertThat(response.statusCode()).isEqualTo(404);
    }
}
