package dev.msakit.gateway.migration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.msakit.contracts.release.FeatureRoute;
import dev.msakit.contracts.release.FeatureRoute.Mode;
import dev.msakit.contracts.release.RoutingTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * release-control as the gateway meets it, on WireMock: a routing table that long-polls like the real one (304
 * after a short wait while the gateway has the current revision), and 204 for reports and differences.
 */
final class ReleaseControlStub {

    final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, FeatureRoute> features = new LinkedHashMap<>();
    private final List<StubMapping> tableStubs = new ArrayList<>();
    private long revision;

    ReleaseControlStub() {
        server.start();
        features.put("catalog", route("catalog", List.of("/products", "/products/**"), "product-service",
                Mode.NEW, 0, List.of("updatedAt")));
        features.put("ordering", route("ordering", List.of("/orders", "/orders/**"), "order-service",
                Mode.NEW, 0, List.of()));
        server.stubFor(any(urlMatching("/internal/(gateways|features)/.*")).willReturn(aResponse().withStatus(204)));
        publish();
    }

    /** A new revision with this switch changed; returns the revision. */
    synchronized long change(String feature, Mode mode, int percent) {
        FeatureRoute now = features.get(feature);
        features.put(feature, route(feature, now.getPathPatterns(), now.getNewService(), mode, percent,
                now.getIgnoredFields()));
        return publish();
    }

    synchronized long revision() {
        return revision;
    }

    private long publish() {
        revision++;
        String etag = RoutingTable.etag(revision);
        String body;
        try {
            body = json.writeValueAsString(new RoutingTable(revision, new ArrayList<>(features.values()), List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The previous revision's answers go: a gateway that has it must now get the new table.
        tableStubs.forEach(server::removeStubMapping);
        tableStubs.clear();
        tableStubs.add(server.stubFor(get(urlPathEqualTo("/internal/routing-table")).atPriority(5)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("ETag", etag).withBody(body))));
        tableStubs.add(server.stubFor(get(urlPathEqualTo("/internal/routing-table")).atPriority(1)
                .withHeader("If-None-Match", equalTo(etag))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag).withFixedDelay(200))));
        return revision;
    }

    private FeatureRoute route(String name, List<String> paths, String newService, Mode mode, int percent,
                               List<String> ignored) {
        return new FeatureRoute(name, paths, List.of("*"), "legacy-shop", newService, mode, percent, ignored,
                revision + 1);
    }

    void stop() {
        server.stop();
    }
}
