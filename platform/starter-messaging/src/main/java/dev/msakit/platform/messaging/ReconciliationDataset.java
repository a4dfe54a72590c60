package dev.msakit.platform.messaging;

import dev.msakit.contracts.migration.SyncRepair;

import java.util.List;
import java.util.function.Function;

/**
 * A data set this service holds on one side of a migration, declared as a bean so reconciliation can compare it
 * with the other side's copy: its name (the same on both sides, e.g. "catalog"), a query giving every row as
 * {@code bucket}, {@code id} and {@code row} (text columns; the row in a canonical form both sides write alike),
 * and the topics this side publishes the data set's changes on (their outbox backlog is its sync lag). A data set
 * this side can repair the other side's copy of also says how ({@link #withRepairs}).
 */
public final class ReconciliationDataset {

    private final String name;
    private final String rowsSql;
    private final List<String> topics;
    private final Function<SyncRepair, SyncRepair.Result> repairs;

    public ReconciliationDataset(String name, String rowsSql, List<String> topics) {
        this(name, rowsSql, topics, null);
    }

    private ReconciliationDataset(String name, String rowsSql, List<String> topics,
                                  Function<SyncRepair, SyncRepair.Result> repairs) {
        this.name = name;
        this.rowsSql = rowsSql;
        this.topics = List.copyOf(topics);
        this.repairs = repairs;
    }

    /**
     * The same data set, repairable from this side: {@code repairs} publishes the rows asked for to the other side, as
     * they are here, in the transaction the controller opens.
     */
    public ReconciliationDataset withRepairs(Function<SyncRepair, SyncRepair.Result> repairs) {
        return new ReconciliationDataset(name, rowsSql, topics, repairs);
    }

    public String getName() {
        return name;
    }

    String getRowsSql() {
        return rowsSql;
    }

    List<String> getTopics() {
        return topics;
    }

    /** How to repair the other side's copy from here, or null when this data set is not repaired that way. */
    Function<SyncRepair, SyncRepair.Result> getRepairs() {
        return repairs;
    }
}
