package dev.msakit.platform.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a consumer does with each message type it takes (by the payload class's simple name, as {@link Outbox}
 * names them), and what it does when a message of its topic is dead-lettered: the compensation, which runs in a
 * transaction like any handler.
 */
public final class MessageDispatch {

    private final Map<String, Route<?>> routes;
    private final DeadLetterHandler deadLetters;

    private MessageDispatch(Map<String, Route<?>> routes, DeadLetterHandler deadLetters) {
        this.routes = routes;
        this.deadLetters = deadLetters;
    }

    public static Builder builder() {
        return new Builder();
    }

    Route<?> route(String type) {
        return type == null ? null : routes.get(type);
    }

    Set<String> types() {
        return routes.keySet();
    }

    DeadLetterHandler deadLetters() {
        return deadLetters;
    }

    /** Handles one message inside the consumer's transaction; throwing rolls back the effect and the inbox row. */
    @FunctionalInterface
    public interface MessageHandler<T> {
        void handle(T payload, IncomingMessage message);
    }

    /**
     * Compensates for a message that will never be handled; runs in a transaction, at most once per message. Returns
     * whether it undid anything: a compensated dead letter is never redriven (it would apply after its own undoing).
     */
    @FunctionalInterface
    public interface DeadLetterHandler {
        boolean deadLettered(DeadLetter letter);
    }

    static final class Route<T> {
        final Class<T> type;
        final MessageHandler<T> handler;

        Route(Class<T> type, MessageHandler<T> handler) {
            this.type = type;
            this.handler = handler;
        }

        void handle(Object payload, IncomingMessage message) {
            handler.handle(type.cast(payload), message);
        }
    }

    public static final class Builder {
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();
        private DeadLetterHandler deadLetters = letter -> false;

        public <T> Builder on(Class<T> type, MessageHandler<T> handler) {
            if (routes.putIfAbsent(type.getSimpleName(), new Route<>(type, handler)) != null) {
                throw new IllegalArgumentException("Two handlers for message type " + type.getSimpleName());
            }
            return this;
        }

        public Builder onDeadLetter(DeadLetterHandler handler) {
            this.deadLetters = handler;
            return this;
        }

        public MessageDispatch build() {
            return new MessageDispatch(Map.copyOf(routes), deadLetters);
        }
    }
}
