package dev.msakit.platform.client;

import com.netflix.hystrix.contrib.metrics.eventstream.HystrixMetricsStreamServlet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An open hystrix.stream (Turbine's, for ever) ends when the application closes, not when graceful shutdown gives up. */
class HystrixStreamShutdownTest {

    @Test
    void anOpenStreamEndsWhenTheApplicationStartsToClose() throws Exception {
        HystrixMetricsStreamServlet servlet = new HystrixMetricsStreamServlet();
        servlet.init();
        MockHttpServletResponse response = new MockHttpServletResponse();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HystrixStreamShutdownAutoConfiguration.class))
                .run(context -> {
                    CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                        try {
                            servlet.service(new MockHttpServletRequest("GET", "/actuator/hystrix.stream"), response);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    Thread.sleep(1500);
                    assertThat(stream).as("streaming while the application runs").isNotDone();

                    context.close();

                    stream.get(5, TimeUnit.SECONDS);
                    assertThat(response.getContentType()).startsWith("text/event-stream");
                });
        servlet.init(); // the flag is static: leave it as the next test in this JVM expects
    }
}
