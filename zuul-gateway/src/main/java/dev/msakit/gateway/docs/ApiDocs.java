package dev.msakit.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.netflix.zuul.filters.Route;
import org.springframework.cloud.netflix.zuul.filters.RouteLocator;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestOperations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A public service's OpenAPI document as a client of the gateway needs it: fetched from an instance of the service
 * (springdoc's /v3/api-docs), its server set to the gateway's route prefix, and only the paths the gateway routes to
 * that service (what it does not route, a client cannot call). Kept for a short while: documents change with
 * deployments, not with requests.
 */
public class ApiDocs {

    static final Duration KEEP = Duration.ofSeconds(30);

    private final List<String> services;
    private final String prefix;
    private final LoadBalancerClient loadBalancer;
    private final RestOperations http;
    private final RouteLocator routes;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    public ApiDocs(List<String> services, String prefix, LoadBalancerClient loadBalancer, RestOperations http,
                   RouteLocator routes, Clock clock) {
        this.services = List.copyOf(services);
        this.prefix = prefix;
        this.loadBalancer = loadBalancer;
        this.http = http;
        this.routes = routes;
        this.clock = clock;
    }

    public List<String> services() {
        return services;
    }

    /** Empty when the service is not one of the documented ones; an exception when no instance answers. */
    public Optional<JsonNode> document(String service) {
        if (!services.contains(service)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Kept document = kept.get(service);
        if (document == null || document.at.plus(KEEP).isBefore(now)) {
            document = new Kept(forGateway(service, fetch(service)), now);
            kept.put(service, document);
        }
        return Optional.of(document.document);
    }

    private JsonNode fetch(String service) {
        ServiceInstance instance = loadBalancer.choose(service);
        if (instance == null) {
            throw new RestClientException("No instance of " + service + " is available");
        }
        JsonNode document = http.getForObject(instance.getUri().resolve("/v3/api-docs"), JsonNode.class);
        if (document == null || !document.has("openapi")) {
            throw new RestClientException(service + " answered something other than an OpenAPI document");
        }
        return document;
    }

    JsonNode forGateway(String service, JsonNode original) {
        ObjectNode document = original.deepCopy();
        document.putArray("servers").addObject().put("url", prefix)
                .put("description", "The msa-kit API gateway");
        JsonNode paths = document.path("paths");
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            if (!routedTo(service, names.next())) {
                names.remove();
            }
        }
        return document;
    }

    private boolean routedTo(String service, String path) {
        // A template segment stands for any value: one will do to ask the route table.
        Route route = routes.getMatchingRoute(prefix + path.replaceAll("\\{[^/]+}", "1"));
        return route != null && service.equals(route.getLocation());
    }

    private static final class Kept {
        final JsonNode document;
        final Instant at;

        Kept(JsonNode document, Instant at) {
            this.document = document;
            this.at = at;
        }
    }
}
