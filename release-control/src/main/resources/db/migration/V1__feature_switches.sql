-- The routing table's one revision. Every change raises it inside its own transaction, holding this row's lock
-- until it commits: revisions are handed out in commit order, so a reader that sees revision N sees every change up
-- to N (a sequence would not: two changes can commit in the opposite order of their numbers).
CREATE TABLE routing_revision (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision BIGINT  NOT NULL
);
INSERT INTO routing_revision VALUES (1, 1);

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
    -- The revision at which this switch last changed: its ETag.
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
    changed_at TIMESTAMPTZ  NOT NULL,
    -- The version the change was made against (If-Match), or NULL for a change sent without one.
    if_match   BIGINT
);
CREATE INDEX ix_feature_switch_history ON feature_switch_history (name, id);

-- Recent SHADOW mismatches the gateways report (trimmed to the newest per feature).
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

-- The last report of each gateway instance: the revision it routes by and its counters (JSON).
CREATE TABLE gateway_report (
    instance_id      VARCHAR(200) PRIMARY KEY,
    applied_revision BIGINT       NOT NULL,
    counters         TEXT         NOT NULL,
    reported_at      TIMESTAMPTZ  NOT NULL
);

-- The features that move, both served by the new services at first: the API behaves as before the switches.
INSERT INTO feature_switch VALUES
    ('catalog', '/products,/products/**', '*', 'legacy-shop', 'product-service', 'NEW', 0, 'updatedAt', 1,
     'installation', now()),
    ('ordering', '/orders,/orders/**', '*', 'legacy-shop', 'order-service', 'NEW', 0, '', 1,
     'installation', now());
INSERT INTO feature_switch_history (name, mode, percent, version, changed_by, changed_at)
    SELECT name, mode, percent, version, changed_by, changed_at FROM feature_switch;
