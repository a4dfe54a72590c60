package dev.msakit.gateway.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.release.ShadowDifference;
import dev.msakit.gateway.control.ReleaseControlClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Replays a shadowed read off the request path, on a small bounded pool and at most {@code shadow-rate} replays a
 * second per feature: to the new service once and to legacy once more (the noise pass), each as the client asked it
 * (method, query, Authorization, Accept, Accept-Language), then compares status, the feature's compared headers and
 * the JSON body. A new side that answers 500 or 404 where legacy answered, or not at all, differs in "status". The
 * counts go to {@link ShadowStatsTable}; a read that differs in fields the rates do not call noise is reported to
 * release-control with both statuses. When the pool is busy or the feature's rate is used up the replay is skipped
 * and counted: shadowing never queues without bound or slows the client down.
 */
public class ShadowReplayer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShadowReplayer.class);
    /** The client's headers a replay carries: who it is and what it asked for. */
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT,
            HttpHeaders.ACCEPT_LANGUAGE);

    private final RestTemplate loadBalanced;
    private final ObjectMapper json;
    private final SwitchTable switches;
    private final ReleaseControlClient releaseControl;
    private final MigrationCounters counters;
    private final ShadowStatsTable stats;
    private final ShadowRate rate;
    private final ThreadPoolExecutor pool;

    public ShadowReplayer(RestTemplate loadBalanced, ObjectMapper json, SwitchTable switches,
                          ReleaseControlClient releaseControl, MigrationCounters counters, ShadowStatsTable stats,
                          MigrationProperties properties) {
        this.loadBalanced = loadBalanced;
        this.json = json;
        this.switches = switches;
        this.releaseControl = releaseControl;
        this.counters = counters;
        this.stats = stats;
        this.rate = new ShadowRate(properties.getShadowRate());
        this.pool = new ThreadPoolExecutor(properties.getShadowConcurrency(), properties.getShadowConcurrency(),
                30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.getShadowQueue()), runnable -> {
                    Thread thread = new Thread(runnable, "shadow-replay");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** One read legacy answered; path with query, as routed (no gateway prefix). */
    public void replay(Replay replay) {
        if (!rate.tryAcquire(replay.feature)) {
            counters.shadow(replay.feature, "skipped");
            return;
        }
        try {
            pool.execute(() -> compare(replay));
        } catch (RejectedExecutionException busy) {
            counters.shadow(replay.feature, "skipped");
        }
    }

    private void compare(Replay replay) {
        try {
            Optional<FeatureSwitch> feature = switches.named(replay.feature);
            Set<String> ignored = feature.map(FeatureSwitch::getIgnoredFields).orElse(Set.of());
            List<String> headers = feature.map(FeatureSwitch::getComparedHeaders).orElse(List.of());
            ShadowAnswer legacy = ShadowAnswer.of(replay.legacyStatus, replay.legacyHeaders,
                    readJson(replay.legacyBody));
            ShadowAnswer candidate = fetch(replay.newService, replay);
            ShadowAnswer legacyAgain = fetch(replay.legacyService, replay);
            Set<String> differing = ShadowComparison.differingFields(legacy, candidate, ignored, headers);
            Set<String> noise = ShadowComparison.differingFields(legacy, legacyAgain, ignored, headers);
            String endpoint = ShadowStatsTable.endpoint(replay.method, replay.path);
            stats.record(replay.feature, endpoint, differing, noise);
            counters.shadow(replay.feature, "compared");
            List<String> real = differing.stream().filter(f -> !stats.isNoise(replay.feature, endpoint, f))
                    .collect(Collectors.toList());
            if (!real.isEmpty()) {
                counters.shadow(replay.feature, "mismatched");
                log.info("Shadow mismatch on {} {} (trace {}): {} (status {} vs {})", replay.method, replay.path,
                        replay.traceId, real, replay.legacyStatus, candidate.status == null ? candidate.error
                                : candidate.status);
                report(replay, endpoint, legacy, candidate, real);
            }
        } catch (RuntimeException e) {
            counters.shadow(replay.feature, "failed");
            log.debug("Shadow replay of {} {} failed: {}", replay.method, replay.path, e.toString());
        }
    }

    /** From this replay thread, off the client's request like the replay itself; a lost report is only logged. */
    private void report(Replay replay, String endpoint, ShadowAnswer legacy, ShadowAnswer candidate,
                        List<String> differences) {
        ShadowDifference difference = new ShadowDifference(replay.method, replay.path, replay.traceId, differences);
        difference.setEndpoint(endpoint);
        difference.setLegacyStatus(replay.legacyStatus);
        difference.setNewStatus(candidate.status);
        difference.setNewError(candidate.error == null ? null
                : candidate.error.substring(0, Math.min(500, candidate.error.length())));
        difference.setLegacyBody(ShadowDifference.excerpt(legacy.body == null ? null : legacy.body.toString()));
        difference.setNewBody(ShadowDifference.excerpt(candidate.body == null ? null : candidate.body.toString()));
        try {
            releaseControl.difference(replay.feature, difference);
        } catch (RuntimeException e) {
            log.warn("Shadow mismatch on {} {} not reported to release-control: {}", replay.method, replay.path,
                    e.toString());
        }
    }

    private ShadowAnswer fetch(String service, Replay replay) {
        HttpHeaders headers = new HttpHeaders();
        replay.clientHeaders.forEach(headers::set);
        HttpMethod method = "HEAD".equals(replay.method) ? HttpMethod.HEAD : HttpMethod.GET;
        try {
            ResponseEntity<String> answer = loadBalanced.exchange(URI.create("http://" + service + replay.path),
                    method, new HttpEntity<>(headers), String.class);
            return ShadowAnswer.of(answer.getStatusCodeValue(), answer.getHeaders().toSingleValueMap(),
                    readJson(answer.getBody()));
        } catch (HttpStatusCodeException answered) {
            return ShadowAnswer.of(answered.getRawStatusCode(), answered.getResponseHeaders() == null ? Map.of()
                    : answered.getResponseHeaders().toSingleValueMap(), readJson(answered.getResponseBodyAsString()));
        } catch (RestClientException | IllegalStateException noAnswer) {
            // A timeout, a refused connection, or no instance of the service to ask (Ribbon).
            return ShadowAnswer.none(noAnswer.getClass().getSimpleName() + ": " + noAnswer.getMessage());
        }
    }

    /** The body as JSON, or null when there is none or it is not JSON (then only status and headers count). */
    private JsonNode readJson(String body) {
        return body == null || body.isEmpty() ? null : readJson(body.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode readJson(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** What a replay needs from the request it shadows and from legacy's answer to it. */
    public static final class Replay {
        final String feature;
        final String legacyService;
        final String newService;
        final String method;
        final String path;
        final Map<String, String> clientHeaders;
        final String traceId;
        final int legacyStatus;
        final Map<String, String> legacyHeaders;
        final byte[] legacyBody;

        @SuppressWarnings("checkstyle:ParameterNumber")
        public Replay(String feature, String legacyService, String newService, String method, String path,
                      Map<String, String> clientHeaders, String traceId, int legacyStatus,
                      Map<String, String> legacyHeaders, byte[] legacyBody) {
            this.feature = feature;
            this.legacyService = legacyService;
            this.newService = newService;
            this.method = method;
            this.path = path;
            this.clientHeaders = Map.copyOf(clientHeaders);
            this.traceId = traceId;
            this.legacyStatus = legacyStatus;
            this.legacyHeaders = Map.copyOf(legacyHeaders);
            this.legacyBody = legacyBody;
        }

        /** The client's headers a replay carries, from the request as received. */
        public static Map<String, String> clientHeaders(Function<String, String> header) {
            Map<String, String> carried = new LinkedHashMap<>();
            for (String name : REPLAYED_HEADERS) {
                String value = header.apply(name);
                if (value != null) {
                    carried.put(name, value);
                }
            }
            return carried;
        }
    }
}
