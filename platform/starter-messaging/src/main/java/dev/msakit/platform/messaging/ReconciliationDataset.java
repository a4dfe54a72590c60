package dev.msakit.platform.messaging;

import java.util.List;

/**
 * A data set this service holds on one side of a migration, declared as a bean so reconciliation can compare it
 * with the other side's copy: its name (the same on both sides, e.g. "catalog"), a query giving every row as
 * {@code bucket}, {@code id} and {@code row} (text columns; the row in a canonical form both sides write alike),
 * and the topics this side publishes the data set's changes on (their outbox backlog is its sync lag).
 */
public final class ReconciliationDataset {

    private final String name;
    private final String rowsSql;
    private final List<String> topics;

    public ReconciliationDataset(String name, String rowsSql, List<String> topics) {
        this.name = name;
        this.rowsSql = rowsSql;
        this.topics = List.copyOf(topics);
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
}
