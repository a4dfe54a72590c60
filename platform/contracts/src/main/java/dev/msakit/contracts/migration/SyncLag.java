package dev.msakit.contracts.migration;

/**
 * How far behind one side's publication of a data set's changes is ({@code GET /internal/reconciliation/{dataset}/lag},
 * SERVICE token): the age of its oldest unpublished outbox message on the data set's topics, 0 when none waits. Cheap
 * (one indexed query), for the flip gate and the console; the checksums carry the same figure.
 */
public class SyncLag {

    private String dataset;
    private double outboxLagSeconds;

    public SyncLag() {
    }

    public SyncLag(String dataset, double outboxLagSeconds) {
        this.dataset = dataset;
        this.outboxLagSeconds = outboxLagSeconds;
    }

    public String getDataset() {
        return dataset;
    }

    public void setDataset(String dataset) {
        this.dataset = dataset;
    }

    public double getOutboxLagSeconds() {
        return outboxLagSeconds;
    }

    public void setOutboxLagSeconds(double outboxLagSeconds) {
        this.outboxLagSeconds = outboxLagSeconds;
    }
}
