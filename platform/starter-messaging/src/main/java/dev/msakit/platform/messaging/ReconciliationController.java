package dev.msakit.platform.messaging;

import dev.msakit.contracts.Roles;
import dev.msakit.contracts.migration.SyncChecksums;
import dev.msakit.contracts.migration.SyncLag;
import dev.msakit.contracts.migration.SyncRepair;
import dev.msakit.platform.problem.ApiException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * This side's data sets for release-control's reconciliation (SERVICE token): checksums per bucket, then the rows of
 * a bucket that differs. Both are read in one snapshot of the database each (a repeatable-read transaction), so a
 * bucket's checksum and count agree.
 */
@RestController
@PreAuthorize("hasRole('" + Roles.SERVICE + "')")
@RequestMapping("/internal/reconciliation/{dataset}")
public class ReconciliationController {

    private final JdbcTemplate jdbc;
    private final DeadLetterStore deadLetters;
    private final Map<String, ReconciliationDataset> datasets;

    public ReconciliationController(JdbcTemplate jdbc, DeadLetterStore deadLetters,
                                    List<ReconciliationDataset> datasets) {
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.datasets = datasets.stream().collect(Collectors.toMap(ReconciliationDataset::getName,
                Function.identity()));
    }

    @GetMapping
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public SyncChecksums checksums(@PathVariable String dataset) {
        ReconciliationDataset set = dataset(dataset);
        List<SyncChecksums.Bucket> buckets = jdbc.query("SELECT bucket, count(*) AS n, md5(string_agg(id || '='"
                + " || coalesce(row, ''), E'\\n' ORDER BY id)) AS checksum FROM (" + set.getRowsSql() + ") AS r"
                + " GROUP BY bucket ORDER BY bucket", (rs, n) -> new SyncChecksums.Bucket(rs.getString("bucket"),
                rs.getLong("n"), rs.getString("checksum")));
        long rows = buckets.stream().mapToLong(SyncChecksums.Bucket::getCount).sum();
        return new SyncChecksums(set.getName(), rows, outboxLagSeconds(set), buckets);
    }

    /** The lag and the parked dead letters: no rows read. */
    @GetMapping("/lag")
    @Transactional(readOnly = true)
    public SyncLag lag(@PathVariable String dataset) {
        ReconciliationDataset set = dataset(dataset);
        return new SyncLag(set.getName(), outboxLagSeconds(set), deadLetters.parked());
    }

    @GetMapping("/rows")
    @Transactional(readOnly = true)
    public List<SyncChecksums.Row> rows(@PathVariable String dataset, @RequestParam String bucket) {
        return jdbc.query("SELECT id, row FROM (" + dataset(dataset).getRowsSql() + ") AS r WHERE bucket = ?"
                + " ORDER BY id", (rs, n) -> new SyncChecksums.Row(rs.getString("id"), rs.getString("row")), bucket);
    }

    /**
     * Publishes the rows asked for to the other side as this side has them (release-control asks the side that holds
     * the feature, for the rows a reconciliation confirmed as drift), each under its row's lock.
     */
    @PostMapping("/repairs")
    @Transactional
    public SyncRepair.Result repair(@PathVariable String dataset, @Valid @RequestBody SyncRepair repair) {
        ReconciliationDataset set = dataset(dataset);
        if (set.getRepairs() == null) {
            throw ApiException.conflict("The " + set.getName() + " data set is not repaired from here");
        }
        return set.getRepairs().apply(repair);
    }

    private double outboxLagSeconds(ReconciliationDataset set) {
        Double lag = jdbc.queryForObject("SELECT coalesce(EXTRACT(EPOCH FROM now() - min(created_at)), 0)"
                + " FROM outbox_message WHERE published_at IS NULL AND topic = ANY (?)", Double.class,
                (Object) set.getTopics().toArray(new String[0]));
        return lag == null ? 0 : lag;
    }

    private ReconciliationDataset dataset(String name) {
        ReconciliationDataset set = datasets.get(name);
        if (set == null) {
            throw ApiException.notFound("No data set " + name + " here (" + datasets.keySet() + ")");
        }
        return set;
    }
}
