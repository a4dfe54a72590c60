-- Canary releases: each one's state as its state machine keeps it (JSON: plan, share, streaks, who and when), the
-- rows of its judged intervals, and what the gateways measured of each role (merged at each judgement).
CREATE TABLE canary_release (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service    VARCHAR(64) NOT NULL,
    -- Routing until its driver finishes it (after the verdict, once the losing instances are gone).
    finished   BOOLEAN     NOT NULL DEFAULT FALSE,
    state      TEXT        NOT NULL
);
-- At most one release per service routes at a time.
CREATE UNIQUE INDEX ux_canary_release_routing ON canary_release (service) WHERE NOT finished;

CREATE TABLE canary_interval (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    release_id BIGINT NOT NULL REFERENCES canary_release (id),
    row_json   TEXT   NOT NULL
);
CREATE INDEX ix_canary_interval ON canary_interval (release_id, id);

CREATE TABLE canary_measurement (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    release_id     BIGINT       NOT NULL REFERENCES canary_release (id),
    gateway        VARCHAR(200) NOT NULL,
    role           VARCHAR(8)   NOT NULL CHECK (role IN ('PROD', 'BASELINE', 'CANARY')),
    -- When release-control received it (epoch ms): it counts for the interval it arrived in.
    received_at    BIGINT       NOT NULL,
    answers        BIGINT       NOT NULL,
    server_errors  BIGINT       NOT NULL,
    failed_attempts BIGINT      NOT NULL,
    -- Milliseconds of successful answers, comma-separated.
    latencies      TEXT         NOT NULL
);
CREATE INDEX ix_canary_measurement ON canary_measurement (release_id, role, received_at);
