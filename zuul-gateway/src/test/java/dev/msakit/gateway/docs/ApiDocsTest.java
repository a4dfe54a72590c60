package dev.msakit.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.netflix.zuul.filters.Route;
import org.springframework.cloud.netflix.zuul.filters.RouteLocator;
import org.springframework.util.AntPathMatcher;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsTest {

    /** As the gateway routes: /api/products/** to product-service, internal paths ignored. */
    private final RouteLocator routes = new RouteLocator() {
        @Override
        public Collection<String> getIgnoredPaths() {
            return List.of("/**/internal/**");
        }

        @Override
        public List<Route> getRoutes() {
            return List.of();
        }

        @Override
        public Route getMatchingRoute(String path) {
            AntPathMatcher matcher = new AntPathMatcher();
            if (matcher.match("/**/internal/**", path) || !matcher.match("/api/products/**", path)
                    && !matcher.match("/api/products", path)) {
                return null;
            }
            return new Route("products", path.substring(4), "product-service", "/api", false, null);
        }
    };

    private final ApiDocs docs = new ApiDocs(List.of("product-service"), "/api", null, null, routes,
            Clock.systemUTC());

    @Test
    void theDocumentNamesTheGatewayAndKeepsOnlyWhatItRoutesToTheService() throws Exception {
        JsonNode original = new ObjectMapper().readTree("{\"openapi\":\"3.0.1\",\"servers\":[{\"url\":"
                + "\"http://localhost:8082\"}],\"paths\":{\"/products\":{},\"/products/{id}\":{},"
                + "\"/internal/catalog\":{},\"/orders\":{}}}");

        JsonNode forGateway = docs.forGateway("product-service", original);

        assertThat(forGateway.path("servers")).hasSize(1);
        assertThat(forGateway.path("servers").get(0).path("url").asText()).isEqualTo("/api");
        assertThat(forGateway.path("paths").fieldNames()).toIterable()
                .containsExactly("/products", "/products/{id}");
        assertThat(original.path("paths").size()).as("the kept original is untouched").isEqualTo(4);
    }

    @Test
    void onlyTheDocumentedServicesAreAnswered() {
        assertThat(docs.document("member-service")).isEmpty();
    }
}
