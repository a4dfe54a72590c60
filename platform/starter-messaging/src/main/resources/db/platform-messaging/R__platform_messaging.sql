-- platform-starter-messaging's tables, in each service's own database. A repeatable migration run after the
-- service's own versioned ones; every statement is idempotent, so a change here is a new statement, never an edit.

-- The outbox: a message is written here in the same transaction as the business change that caused it, and the
-- relay publishes it after commit. message_key is the aggregate id (the Kafka key): one aggregate's messages keep
-- their order. Published rows are purged after platform.messaging.outbox.retention.
CREATE TABLE IF NOT EXISTS outbox_message (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id    UUID         NOT NULL UNIQUE,
    topic         VARCHAR(200) NOT NULL,
    message_key   VARCHAR(200) NOT NULL,
    message_type  VARCHAR(100) NOT NULL,
    payload       TEXT         NOT NULL,
    -- The trace context of the transaction that wrote it (b3 headers, one "name=value" per line).
    trace_headers TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    published_at  TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS ix_outbox_unpublished ON outbox_message (id) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS ix_outbox_published ON outbox_message (published_at) WHERE published_at IS NOT NULL;

-- The inbox: one row per message a consumer has handled, inserted in the handler's own transaction, so a message
-- delivered again changes nothing. Kept longer than the broker keeps messages (platform.messaging.inbox.retention).
CREATE TABLE IF NOT EXISTS processed_message (
    consumer     VARCHAR(100) NOT NULL,
    message_id   UUID         NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX IF NOT EXISTS ix_processed_message_at ON processed_message (processed_at);

-- Initial copies (InitialCopy): one row per copy this database has queued in full, written in the same transaction.
CREATE TABLE IF NOT EXISTS initial_copy (
    name      VARCHAR(100) PRIMARY KEY,
    queued_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Dead letters an operator can act on: every message a consumer gave up on, with why and where it came from, kept
-- until someone redrives it (published again to its topic as a new message, in the transaction that marks it) or
-- discards it with a reason. compensated: the consumer's compensation ran when it was dead-lettered, so a redrive
-- would apply the message after its own compensation and is refused.
CREATE TABLE IF NOT EXISTS dead_letter (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    consumer       VARCHAR(100) NOT NULL,
    message_id     UUID         NOT NULL,
    topic          VARCHAR(200) NOT NULL,
    partition_no   INTEGER      NOT NULL,
    record_offset  BIGINT       NOT NULL,
    message_key    VARCHAR(200),
    message_type   VARCHAR(100),
    payload        TEXT,
    trace_headers  TEXT,
    trace_id       VARCHAR(32),
    reason         TEXT         NOT NULL,
    compensated    BOOLEAN      NOT NULL,
    status         VARCHAR(16)  NOT NULL DEFAULT 'PARKED',
    failed_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    resolved_at    TIMESTAMPTZ,
    resolved_by    VARCHAR(200),
    resolution     TEXT,
    redriven_as    UUID,
    UNIQUE (consumer, message_id)
);
CREATE INDEX IF NOT EXISTS ix_dead_letter_parked ON dead_letter (topic, id) WHERE status = 'PARKED';
