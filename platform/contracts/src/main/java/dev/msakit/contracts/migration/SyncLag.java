package dev.msakit.contracts.migration;

/**
 * One side's sync health for a data set ({@code GET /internal/reconciliation/{dataset}/lag}, SERVICE token): how far
 * behind its publication of the data set's changes is (the age of its oldest unpublished outbox message on the data
 * set's topics, 0 when none waits; the checksums carry the same figure), and how many dead letters it has parked (any
 * topic: one it could not apply is a change the other side's copy misses here). Cheap, for the flip gate and the
 * console.
 */
public class SyncLag {

    private String dataset;
    private double outboxLagSeconds;
    private long parkedDeadLetters;

    public SyncLag() {
    }

    public SyncLag(String dataset, double outboxLagSeconds, long parkedDeadLetters) {
        this.dataset = dataset;
        this.outboxLagSeconds = outboxLagSeconds;
        this.parkedDeadLetters = parkedDeadLetters;
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

    public long getParkedDeadLetters() {
        return parkedDeadLetters;
    }

    public void setParkedDeadLetters(long parkedDeadLetters) {
        this.parkedDeadLetters = parkedDeadLetters;
    }
}
