package dev.msakit.release.reconcile;

import dev.msakit.contracts.migration.SyncChecksums;
import dev.msakit.contracts.migration.SyncLag;
import dev.msakit.contracts.migration.SyncRepair;
import dev.msakit.platform.client.RenewingServiceToken;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * The two sides of a migration as reconciliation reads them: each service's {@code /internal/reconciliation}
 * (found in Eureka, through Ribbon) with release-control's SERVICE token, logged in again once after a 401.
 */
public class SyncSides {

    private final RestTemplate loadBalanced;
    private final RenewingServiceToken token;

    public SyncSides(RestTemplate loadBalanced, RenewingServiceToken token) {
        this.loadBalanced = loadBalanced;
        this.token = token;
    }

    public SyncChecksums checksums(String service, String dataset) {
        return get(UriComponentsBuilder.fromUriString("http://" + service + "/internal/reconciliation/{dataset}")
                .buildAndExpand(dataset).toUri(), SyncChecksums.class);
    }

    /**
     * The side's publication lag and parked dead letters; a side of a version without the lag endpoint (404) gives
     * its lag from its checksums, and -1 dead letters (not known).
     */
    public SyncLag lag(String service, String dataset) {
        try {
            return get(UriComponentsBuilder.fromUriString("http://" + service
                    + "/internal/reconciliation/{dataset}/lag").buildAndExpand(dataset).toUri(), SyncLag.class);
        } catch (HttpClientErrorException.NotFound olderSide) {
            return new SyncLag(dataset, checksums(service, dataset).getOutboxLagSeconds(), -1);
        }
    }

    public List<SyncChecksums.Row> rows(String service, String dataset, String bucket) {
        SyncChecksums.Row[] rows = get(UriComponentsBuilder.fromUriString("http://" + service
                + "/internal/reconciliation/{dataset}/rows").queryParam("bucket", bucket).buildAndExpand(dataset)
                .encode().toUri(), SyncChecksums.Row[].class);
        return rows == null ? List.of() : Arrays.asList(rows);
    }

    /** Asks the side to publish these rows to the other side as it has them (see SyncRepair). */
    public SyncRepair.Result repair(String service, String dataset, SyncRepair rows) {
        return exchange(UriComponentsBuilder.fromUriString("http://" + service
                + "/internal/reconciliation/{dataset}/repairs").buildAndExpand(dataset).toUri(), HttpMethod.POST,
                rows, SyncRepair.Result.class);
    }

    private <T> T get(URI uri, Class<T> type) {
        return exchange(uri, HttpMethod.GET, null, type);
    }

    /** With the SERVICE token; a token the side refuses (expired, keys rotated) is renewed once. */
    private <T> T exchange(URI uri, HttpMethod method, Object body, Class<T> type) {
        try {
            return call(uri, method, body, type);
        } catch (HttpClientErrorException.Unauthorized refused) {
            token.forget();
            return call(uri, method, body, type);
        }
    }

    private <T> T call(URI uri, HttpMethod method, Object body, Class<T> type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token.token());
        return loadBalanced.exchange(uri, method, new HttpEntity<>(body, headers), type).getBody();
    }
}
