-- Per-feature switches between the legacy shop and the new services, read by every gateway instance (polled: a
-- change reaches all of them within gateway.migration.poll-interval-ms). version grows with every change, from one
-- sequence, so "anything newer than what I have?" is one indexed max().
CREATE SEQUENCE feature_switch_version;

CREATE TABLE feature_switch (
    name           VARCHAR(64)   PRIMARY KEY,
    -- Ant patterns of the routed path (without the /api prefix), comma-separated.
    path_patterns  VARCHAR(1000) NOT NULL,
    -- Methods the switch covers, comma-separated, or * for all.
    methods        VARCHAR(200)  NOT NULL,
    legacy_service VARCHAR(100)  NOT NULL,
    new_service    VARCHAR(100)  NOT NULL,
    mode           VARCHAR(8)    NOT NULL CHECK (mode IN ('LEGACY', 'NEW', 'PERCENT', 'SHADOW')),
    percent        INTEGER       NOT NULL CHECK (percent BETWEEN 0 AND 100),
    -- JSON field names the shadow comparison ignores (comma-separated).
    ignored_fields VARCHAR(1000) NOT NULL,
    version        BIGINT        NOT NULL,
    changed_by     VARCHAR(200)  NOT NULL,
    changed_at     TIMESTAMPTZ   NOT NULL
);

CREATE TABLE feature_switch_history (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       VARCHAR(64)  NOT NULL REFERENCES feature_switch (name),
    mode       VARCHAR(8)   NOT NULL,
    percent    INTEGER      NOT NULL,
    version    BIGINT       NOT NULL,
    changed_by VARCHAR(200) NOT NULL,
    changed_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ix_feature_switch_history ON feature_switch_history (name, id);

-- Recent SHADOW mismatches (trimmed to the newest per feature by the gateway).
CREATE TABLE shadow_diff (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    feature     VARCHAR(64)   NOT NULL,
    observed_at TIMESTAMPTZ   NOT NULL,
    method      VARCHAR(8)    NOT NULL,
    path        VARCHAR(2000) NOT NULL,
    trace_id    VARCHAR(32),
    paths       TEXT          NOT NULL
);
CREATE INDEX ix_shadow_diff_feature ON shadow_diff (feature, id);

-- The features that move, both served by the new services at first: the API behaves as before the switches.
INSERT INTO feature_switch VALUES
    ('catalog', '/products,/products/**', '*', 'legacy-shop', 'product-service', 'NEW', 0, 'updatedAt',
     nextval('feature_switch_version'), 'installation', now()),
    ('ordering', '/orders,/orders/**', '*', 'legacy-shop', 'order-service', 'NEW', 0, '',
     nextval('feature_switch_version'), 'installation', now());
INSERT INTO feature_switch_history (name, mode, percent, version, changed_by, changed_at)
    SELECT name, mode, percent, version, changed_by, changed_at FROM feature_switch;
