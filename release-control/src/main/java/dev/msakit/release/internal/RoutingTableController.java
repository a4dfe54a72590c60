package dev.msakit.release.internal;

import dev.msakit.contracts.Roles;
import dev.msakit.contracts.release.RoutingTable;
import dev.msakit.release.api.EntityTags;
import dev.msakit.release.config.ReleaseControlProperties;
import dev.msakit.release.routing.RoutingTables;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

import javax.validation.constraints.Min;
import java.util.OptionalLong;

/**
 * The table every gateway routes by, for SERVICE tokens, under /internal (never routed by the gateway). A long poll:
 * with {@code If-None-Match} naming the revision the gateway has and {@code waitMs}, the answer comes as soon as
 * another revision is committed, or as 304 Not Modified after the wait.
 */
@RestController
@Validated
@PreAuthorize("hasRole('" + Roles.SERVICE + "')")
public class RoutingTableController {

    private final RoutingTables tables;
    private final RoutingTableWatch watch;
    private final long maxWaitMs;

    public RoutingTableController(RoutingTables tables, RoutingTableWatch watch,
                                  ReleaseControlProperties properties) {
        this.tables = tables;
        this.watch = watch;
        this.maxWaitMs = properties.getMaxWait().toMillis();
    }

    @GetMapping("/internal/routing-table")
    public DeferredResult<ResponseEntity<RoutingTable>> table(
            @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
            @RequestParam(defaultValue = "0") @Min(0) long waitMs) {
        long wait = Math.min(waitMs, maxWaitMs);
        OptionalLong known = EntityTags.revisionOf(ifNoneMatch);
        DeferredResult<ResponseEntity<RoutingTable>> result = new DeferredResult<>(wait + 1000L,
                () -> notModified(known.orElse(-1)));
        RoutingTable now = tables.current();
        if (known.isEmpty() || known.getAsLong() != now.getRevision()) {
            result.setResult(ok(now));
        } else if (wait == 0) {
            result.setResult(notModified(now.getRevision()));
        } else {
            Runnable cancel = watch.await(now.getRevision(), table -> result.setResult(ok(table)),
                    () -> result.setResult(notModified(now.getRevision())));
            result.onCompletion(cancel);
            result.onTimeout(cancel);
            result.onError(error -> cancel.run());
        }
        return result;
    }

    private static ResponseEntity<RoutingTable> ok(RoutingTable table) {
        return ResponseEntity.ok().eTag(RoutingTable.etag(table.getRevision())).body(table);
    }

    private static ResponseEntity<RoutingTable> notModified(long revision) {
        return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(RoutingTable.etag(revision)).build();
    }
}
