package dev.msakit.platform.messaging;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.UUID;

/**
 * A dead letter as the admin API shows it: the message, why it was given up, and what became of it. The payload
 * comes last in the JSON, so a terminal line ({@code ./msa dlq}) can show everything before it.
 */
@JsonPropertyOrder({"id", "topic", "type", "key", "status", "compensated", "failedAt", "reason", "traceId",
        "consumer", "messageId", "partition", "offset", "resolvedAt", "resolvedBy", "resolution", "redrivenAs",
        "payload"})
public final class StoredDeadLetter {

    /** PARKED until an operator redrives or discards it. */
    public enum Status { PARKED, REDRIVEN, DISCARDED }

    private final long id;
    private final String consumer;
    private final UUID messageId;
    private final String topic;
    private final int partition;
    private final long offset;
    private final String key;
    private final String type;
    private final String payload;
    private final String traceId;
    private final String reason;
    private final boolean compensated;
    private final Status status;
    private final Instant failedAt;
    private final Instant resolvedAt;
    private final String resolvedBy;
    private final String resolution;
    private final UUID redrivenAs;

    @SuppressWarnings("checkstyle:ParameterNumber")
    StoredDeadLetter(long id, String consumer, UUID messageId, String topic, int partition, long offset, String key,
                     String type, String payload, String traceId, String reason, boolean compensated, Status status,
                     Instant failedAt, Instant resolvedAt, String resolvedBy, String resolution, UUID redrivenAs) {
        this.id = id;
        this.consumer = consumer;
        this.messageId = messageId;
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.key = key;
        this.type = type;
        this.payload = payload;
        this.traceId = traceId;
        this.reason = reason;
        this.compensated = compensated;
        this.status = status;
        this.failedAt = failedAt;
        this.resolvedAt = resolvedAt;
        this.resolvedBy = resolvedBy;
        this.resolution = resolution;
        this.redrivenAs = redrivenAs;
    }

    public long getId() {
        return id;
    }

    public String getConsumer() {
        return consumer;
    }

    public UUID getMessageId() {
        return messageId;
    }

    public String getTopic() {
        return topic;
    }

    public int getPartition() {
        return partition;
    }

    public long getOffset() {
        return offset;
    }

    public String getKey() {
        return key;
    }

    public String getType() {
        return type;
    }

    public String getPayload() {
        return payload;
    }

    public String getTraceId() {
        return traceId;
    }

    public String getReason() {
        return reason;
    }

    /** Its consumer's compensation ran when it was given up: it can be discarded, not redriven. */
    public boolean isCompensated() {
        return compensated;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getFailedAt() {
        return failedAt;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    /** Why it was discarded. */
    public String getResolution() {
        return resolution;
    }

    /** The id it was published again under. */
    public UUID getRedrivenAs() {
        return redrivenAs;
    }
}
