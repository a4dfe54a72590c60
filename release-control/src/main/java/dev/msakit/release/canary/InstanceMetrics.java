package dev.msakit.release.canary;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The instances' own view of an interval, for the report only (never judged): what their actuator counts in
 * {@code http.server.requests}, as the difference since the last reading. It misses what the gateway sees and they
 * cannot (refused connections, timeouts), and sees what the gateway does not route (direct calls from other
 * services), which is why the judge works on the gateway's numbers.
 */
@Component
public class InstanceMetrics {

    private static final String METRIC = "/actuator/metrics/http.server.requests";

    private final RestTemplate http;
    private final Map<String, double[]> previous = new ConcurrentHashMap<>();

    /** With the actuator account every process of the suite shares (as Spring Boot Admin reads them). */
    public InstanceMetrics(RestTemplateBuilder builder, @Value("${platform.actuator.user}") String user,
                           @Value("${platform.actuator.password}") String password) {
        this.http = builder.setConnectTimeout(Duration.ofSeconds(1)).setReadTimeout(Duration.ofSeconds(2))
                .basicAuthentication(user, password).build();
    }

    /** Requests, 5xx and mean latency at this instance since the previous call for it (the first: since start). */
    public Map<String, Object> since(String baseUrl) {
        Map<String, Object> view = new LinkedHashMap<>();
        try {
            JsonNode all = http.getForObject(baseUrl + METRIC, JsonNode.class);
            double count = statistic(all, "COUNT");
            double total = statistic(all, "TOTAL_TIME");
            double errors = serverErrors(baseUrl);
            double[] now = {count, total, errors};
            double[] before = previous.put(baseUrl, now);
            double[] base = before == null ? new double[3] : before;
            double requests = count - base[0];
            view.put("requests", (long) requests);
            view.put("serverErrors", (long) (errors - base[2]));
            view.put("meanMs", requests > 0 ? (total - base[1]) * 1000 / requests : null);
            view.put("sinceStart", before == null);
        } catch (RestClientException | IllegalStateException e) {
            view.put("unavailable", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return view;
    }

    private double serverErrors(String baseUrl) {
        try {
            return statistic(http.getForObject(baseUrl + METRIC + "?tag=outcome:SERVER_ERROR", JsonNode.class),
                    "COUNT");
        } catch (RestClientException e) {
            return 0; // no 5xx yet: Micrometer knows no such tag value, the actuator answers 404
        }
    }

    private static double statistic(JsonNode metric, String name) {
        if (metric == null) {
            throw new IllegalStateException("no " + METRIC);
        }
        for (JsonNode measurement : metric.path("measurements")) {
            if (name.equals(measurement.path("statistic").asText())) {
                return measurement.path("value").asDouble();
            }
        }
        throw new IllegalStateException("no " + name + " in " + METRIC);
    }
}
