package dev.msakit.platform.messaging;

import java.util.Optional;

/**
 * A message its consumer gave up on, as its compensation sees it: the key (the aggregate id, so even a message whose
 * payload cannot be read says which saga to compensate), its type, why, and its payload when it could be read.
 */
public final class DeadLetter {

    private final String key;
    private final String type;
    private final String reason;
    private final Object payload;

    DeadLetter(String key, String type, String reason, Object payload) {
        this.key = key;
        this.type = type;
        this.reason = reason;
        this.payload = payload;
    }

    public String getKey() {
        return key;
    }

    public String getType() {
        return type;
    }

    public String getReason() {
        return reason;
    }

    public Optional<Object> getPayload() {
        return Optional.ofNullable(payload);
    }
}
