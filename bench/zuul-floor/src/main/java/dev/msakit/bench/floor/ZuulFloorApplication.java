package dev.msakit.bench.floor;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.cloud.netflix.zuul.EnableZuulProxy;
import org.springframework.context.annotation.Bean;

/**
 * Zuul 1 with nothing of ours: the routes in application.yml go straight to a fixed address through Zuul's own
 * host routing (Apache HttpClient). bench/run loads it beside the gateway to show how much of the gateway's cost per
 * request is Zuul on Tomcat itself.
 */
@SpringBootApplication
@EnableZuulProxy
public class ZuulFloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZuulFloorApplication.class, args);
    }

    /** The suite's services and gateway allow 1,000 requests per connection (platform-starter-web); so does this. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> keepAliveRequests() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol) {
                ((AbstractHttp11Protocol<?>) connector.getProtocolHandler()).setMaxKeepAliveRequests(1000);
            }
        });
    }
}
