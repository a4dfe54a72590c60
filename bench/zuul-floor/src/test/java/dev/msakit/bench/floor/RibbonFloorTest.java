package dev.msakit.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.server.LocalServerPort;
import org.springframework.cloud.netflix.zuul.filters.route.RibbonCommandFactory;
import org.springframework.cloud.netflix.zuul.filters.route.okhttp.OkHttpRibbonCommandFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * bench/server-ab's OkHttp variant really is one: the read goes through Ribbon's OkHttp commands (not Zuul's host
 * routing, not Apache HttpClient) and still arrives as the gateway would send it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ribbon.okhttp.enabled=true", "ribbon.httpclient.enabled=false"})
@ActiveProfiles("ribbon")
class RibbonFloorTest {

    private static final FakeService SERVICE = new FakeService();

    @LocalServerPort
    private int port;

    @Autowired
    private RibbonCommandFactory<?> commands;

    @DynamicPropertySource
    static void target(DynamicPropertyRegistry registry) {
        registry.add("FLOOR_TARGET_SERVER", () -> "127.0.0.1:" + SERVICE.port());
    }

    @AfterAll
    static void stopService() {
        SERVICE.stop();
    }

    @Test
    void routesTheReadThroughRibbonWithOkHttp() throws Exception {
        HttpResponse<String> response = FakeService.get(port, "/products/7", true);

        assertThat(commands).isInstanceOf(OkHttpRibbonCommandFactory.class);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(FakeService.ANSWER);
        assertThat(SERVICE.lastRequest()).isEqualTo("/products/7 Bearer abc");
    }
}
