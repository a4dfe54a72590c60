package dev.msakit.platform.messaging;

/**
 * The Kafka record headers every platform message carries, besides the trace context: its id (what consumers
 * de-duplicate by) and its type (which handler takes it). The key is the aggregate id; the value is the JSON payload.
 */
public final class MessageHeaders {

    public static final String MESSAGE_ID = "message-id";
    public static final String MESSAGE_TYPE = "message-type";
    /** On a dead letter: why it could not be handled, and where it came from. */
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";
    public static final String DEAD_LETTER_ORIGIN = "dead-letter-origin";
    /** The topic a topic's dead letters go to. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private MessageHeaders() {
    }

    public static String deadLetterTopic(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
