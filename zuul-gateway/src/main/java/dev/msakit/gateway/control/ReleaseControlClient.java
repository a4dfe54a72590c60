package dev.msakit.gateway.control;

import dev.msakit.contracts.release.GatewayReport;
import dev.msakit.contracts.release.ReleaseMeasurements;
import dev.msakit.contracts.release.RoutingTable;
import dev.msakit.contracts.release.ShadowDifference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestTemplate;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * release-control's /internal API as this gateway calls it: the routing table, reports, releases' measurements,
 * shadow differences.
 */
public class ReleaseControlClient {

    private final RestTemplate loadBalanced;
    private final ServiceTokens tokens;
    private final String base;

    public ReleaseControlClient(RestTemplate loadBalanced, ServiceTokens tokens, ControlPlaneProperties properties) {
        this.loadBalanced = loadBalanced;
        this.tokens = tokens;
        this.base = "http://" + properties.getService() + "/internal";
    }

    /**
     * The table, once its revision differs from {@code known} (at once if it does already), or empty when it stayed
     * the same for {@code waitMs}. {@code known} &lt; 0: whatever is current.
     */
    public Optional<RoutingTable> nextTable(long known, long waitMs) {
        ResponseEntity<RoutingTable> answer = authorized(headers -> {
            if (known >= 0) {
                headers.setIfNoneMatch(RoutingTable.etag(known));
            }
            return loadBalanced.exchange(URI.create(base + "/routing-table?waitMs=" + waitMs), HttpMethod.GET,
                    new HttpEntity<>(headers), RoutingTable.class);
        });
        return answer.getStatusCode() == HttpStatus.NOT_MODIFIED ? Optional.empty()
                : Optional.ofNullable(answer.getBody());
    }

    public void report(String instanceId, GatewayReport report) {
        authorized(headers -> loadBalanced.exchange(URI.create(base + "/gateways/" + instanceId), HttpMethod.PUT,
                new HttpEntity<>(report, headers), Void.class));
    }

    public void measurements(long releaseId, ReleaseMeasurements report) {
        authorized(headers -> loadBalanced.exchange(URI.create(base + "/releases/" + releaseId + "/measurements"),
                HttpMethod.POST, new HttpEntity<>(report, headers), Void.class));
    }

    public void difference(String feature, ShadowDifference difference) {
        authorized(headers -> loadBalanced.exchange(URI.create(base + "/features/" + feature + "/diffs"),
                HttpMethod.POST, new HttpEntity<>(difference, headers), Void.class));
    }

    /** With this gateway's token; once more with a fresh one if release-control refuses it. */
    private <T> T authorized(Function<HttpHeaders, T> call) {
        try {
            return call.apply(bearer());
        } catch (HttpClientErrorException.Unauthorized refused) {
            tokens.forget();
            return call.apply(bearer());
        }
    }

    private HttpHeaders bearer() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(tokens.token());
        return headers;
    }
}
