package dev.msakit.contracts.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * One side's view of a data set both sides of a migration hold ({@code GET /internal/reconciliation/{dataset}},
 * SERVICE token): rows grouped into buckets by id range, each with its row count and a checksum over its rows in
 * their canonical form (the same text on both sides for the same data), and how far behind this side's publication
 * of changes is. Reconciliation compares two of these, then fetches only the buckets that differ row by row.
 */
public class SyncChecksums {

    private String dataset;
    private long rows;
    /** Age of the oldest change of this data set waiting in this side's outbox; 0 when none waits. */
    private double outboxLagSeconds;
    private List<Bucket> buckets = new ArrayList<>();

    public SyncChecksums() {
    }

    public SyncChecksums(String dataset, long rows, double outboxLagSeconds, List<Bucket> buckets) {
        this.dataset = dataset;
        this.rows = rows;
        this.outboxLagSeconds = outboxLagSeconds;
        this.buckets = buckets;
    }

    public String getDataset() {
        return dataset;
    }

    public void setDataset(String dataset) {
        this.dataset = dataset;
    }

    public long getRows() {
        return rows;
    }

    public void setRows(long rows) {
        this.rows = rows;
    }

    public double getOutboxLagSeconds() {
        return outboxLagSeconds;
    }

    public void setOutboxLagSeconds(double outboxLagSeconds) {
        this.outboxLagSeconds = outboxLagSeconds;
    }

    public List<Bucket> getBuckets() {
        return buckets;
    }

    public void setBuckets(List<Bucket> buckets) {
        this.buckets = buckets;
    }

    /** A range of ids: how many rows, and the MD5 of their canonical rows in id order. */
    public static class Bucket {
        private String bucket;
        private long count;
        private String checksum;

        public Bucket() {
        }

        public Bucket(String bucket, long count, String checksum) {
            this.bucket = bucket;
            this.count = count;
            this.checksum = checksum;
        }

        public String getBucket() {
            return bucket;
        }

        public void setBucket(String bucket) {
            this.bucket = bucket;
        }

        public long getCount() {
            return count;
        }

        public void setCount(long count) {
            this.count = count;
        }

        public String getChecksum() {
            return checksum;
        }

        public void setChecksum(String checksum) {
            this.checksum = checksum;
        }
    }

    /** One row of a bucket in canonical form, e.g. a product as "name|price|stock|active". */
    public static class Row {
        private String id;
        private String row;

        public Row() {
        }

        public Row(String id, String row) {
            this.id = id;
            this.row = row;
        }

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getRow() {
            return row;
        }

        public void setRow(String row) {
            this.row = row;
        }
    }
}
