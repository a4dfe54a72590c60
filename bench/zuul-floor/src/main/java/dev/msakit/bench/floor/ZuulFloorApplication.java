package dev.msakit.bench.floor;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.cloud.netflix.zuul.EnableZuulProxy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zuul 1 with nothing of ours: the routes in application.yml go straight to a fixed address through Zuul's own
 * host routing (Apache HttpClient). bench/run loads it beside the gateway to show how much of the gateway's cost per
 * request is Zuul on Tomcat itself. bench/server-ab runs its variants side by side: on Undertow (built with
 * -Pundertow), and routing through Ribbon and Hystrix like the gateway (Spring profile "ribbon"), with Apache
 * HttpClient or OkHttp.
 */
@SpringBootApplication
@EnableZuulProxy
public class ZuulFloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZuulFloorApplication.class, args);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatConnections {

        /**
         * Requests per connection, from the same setting as the gateway and services (MAX_KEEP_ALIVE_REQUESTS,
         * default 1,000), so a bench run that changes it changes both sides of the comparison. Not
         * platform-starter-web's bean: the starter would bring its request guard and error handling, which the floor
         * must leave out. (Undertow has no such limit.)
         */
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> keepAliveRequests(
                @Value("${MAX_KEEP_ALIVE_REQUESTS:1000}") int maxKeepAliveRequests) {
            return factory -> factory.addConnectorCustomizers(connector -> {
                if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol) {
                    ((AbstractHttp11Protocol<?>) connector.getProtocolHandler())
                            .setMaxKeepAliveRequests(maxKeepAliveRequests);
                }
            });
        }
    }
}
