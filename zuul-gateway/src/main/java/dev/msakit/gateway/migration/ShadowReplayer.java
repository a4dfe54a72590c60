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
import org.springframework.web.client.RestTemplate;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Replays a shadowed read off the request path, on a small bounded pool: to the new service once and to legacy once
 * more (the noise pass), then compares. When the pool is busy the replay is skipped and counted: shadowing never
 * queues without bound or slows the client down.
 */
public class ShadowReplayer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ShadowReplayer.class);

    private final RestTemplate loadBalanced;
    private final ObjectMapper json;
    private final SwitchTable switches;
    private final ReleaseControlClient releaseControl;
    private final MigrationCounters counters;
    private final MigrationProperties properties;
    private final ThreadPoolExecutor pool;

    public ShadowReplayer(RestTemplate loadBalanced, ObjectMapper json, SwitchTable switches,
                          ReleaseControlClient releaseControl, MigrationCounters counters,
                          MigrationProperties properties) {
        this.loadBalanced = loadBalanced;
        this.json = json;
        this.switches = switches;
        this.releaseControl = releaseControl;
        this.counters = counters;
        this.properties = properties;
        this.pool = new ThreadPoolExecutor(properties.getShadowConcurrency(), properties.getShadowConcurrency(),
                30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(properties.getShadowQueue()), runnable -> {
                    Thread thread = new Thread(runnable, "shadow-replay");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** One read legacy answered with {@code legacyBody}; path with query, as routed (no gateway prefix). */
    public void replay(Replay replay) {
        try {
            pool.execute(() -> compare(replay));
        } catch (RejectedExecutionException busy) {
            counters.shadow(replay.feature, "skipped");
        }
    }

    private void compare(Replay replay) {
        try {
            JsonNode legacy = json.readTree(replay.legacyBody);
            JsonNode candidate = fetch(replay.newService, replay);
            JsonNode legacyAgain = fetch(replay.legacyService, replay);
            List<String> differences = ShadowComparison.differences(legacy, legacyAgain, candidate,
                    switches.named(replay.feature).map(FeatureSwitch::getIgnoredFields).orElse(Set.of()));
            counters.shadow(replay.feature, "compared");
            if (!differences.isEmpty()) {
                counters.shadow(replay.feature, "mismatched");
                log.info("Shadow mismatch on {} {} (trace {}): {}", replay.method, replay.path, replay.traceId,
                        differences);
                report(replay, differences);
            }
        } catch (IOException | RuntimeException e) {
            counters.shadow(replay.feature, "failed");
            log.debug("Shadow replay of {} {} failed: {}", replay.method, replay.path, e.toString());
        }
    }

    /** From this replay thread, off the client's request like the replay itself; a lost report is only logged. */
    private void report(Replay replay, List<String> differences) {
        try {
            releaseControl.difference(replay.feature, new ShadowDifference(replay.method, replay.path,
                    replay.traceId, differences));
        } catch (RuntimeException e) {
            log.warn("Shadow mismatch on {} {} not reported to release-control: {}", replay.method, replay.path,
                    e.toString());
        }
    }

    private JsonNode fetch(String service, Replay replay) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        if (replay.authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, replay.authorization);
        }
        // Always GET: a HEAD has no body to compare.
        ResponseEntity<String> answer = loadBalanced.exchange(URI.create("http://" + service + replay.path),
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        return json.readTree(answer.getBody() == null ? "null" : answer.getBody());
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** What a replay needs from the request it shadows. */
    public static final class Replay {
        final String feature;
        final String legacyService;
        final String newService;
        final String method;
        final String path;
        final String authorization;
        final String traceId;
        final byte[] legacyBody;

        public Replay(String feature, String legacyService, String newService, String method, String path,
                      String authorization, String traceId, byte[] legacyBody) {
            this.feature = feature;
            this.legacyService = legacyService;
            this.newService = newService;
            this.method = method;
            this.path = path;
            this.authorization = authorization;
            this.traceId = traceId;
            this.legacyBody = legacyBody;
        }
    }
}
