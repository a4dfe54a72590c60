-- Shadow comparisons, Diffy-grade: the response headers each feature compares, every gateway's comparisons per
-- endpoint and field (JSON, cumulative since it started), and each reported difference's two statuses.
ALTER TABLE feature_switch ADD COLUMN compared_headers VARCHAR(1000) NOT NULL DEFAULT 'Content-Type';
ALTER TABLE gateway_report ADD COLUMN shadow TEXT NOT NULL DEFAULT '{}';
ALTER TABLE shadow_diff ADD COLUMN endpoint VARCHAR(2000);
ALTER TABLE shadow_diff ADD COLUMN legacy_status INTEGER;
ALTER TABLE shadow_diff ADD COLUMN new_status INTEGER;
ALTER TABLE shadow_diff ADD COLUMN new_error VARCHAR(500);
