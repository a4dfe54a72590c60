-- Each reconciliation of a feature's data set between the legacy shop and the new service: what was compared,
-- what differed twice in a row (drift, not a change still in flight), and how far behind each side's publication was.
CREATE TABLE reconciliation (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feature             VARCHAR(64)  NOT NULL,
    started_at          TIMESTAMPTZ  NOT NULL,
    finished_at         TIMESTAMPTZ  NOT NULL,
    requested_by        VARCHAR(200) NOT NULL,
    legacy_rows         BIGINT,
    new_rows            BIGINT,
    buckets             INTEGER      NOT NULL,
    differing_buckets   INTEGER      NOT NULL,
    drift               INTEGER      NOT NULL,
    in_flight           INTEGER      NOT NULL,
    legacy_lag_seconds  DOUBLE PRECISION,
    new_lag_seconds     DOUBLE PRECISION,
    -- JSON: the first rows that drifted, each with both sides' canonical row (null where a side lacks it).
    drifted             TEXT         NOT NULL,
    -- Why it could not be done (a side unreachable); then nothing else is meaningful.
    error               TEXT
);
CREATE INDEX ix_reconciliation_feature ON reconciliation (feature, id);

-- A switch change the flip gate objected to and an admin forced anyway: the objection, kept with the change.
ALTER TABLE feature_switch_history ADD COLUMN forced_past TEXT;
