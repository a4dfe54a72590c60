-- Latencies as a histogram (LatencyHistogram's buckets, "bucket:count" comma-separated): the gateways' reports add
-- up exactly, and a busy interval costs a bounded row. Rows of older reports keep their values in latencies.
ALTER TABLE canary_measurement ADD COLUMN latency_histogram TEXT NOT NULL DEFAULT '';
