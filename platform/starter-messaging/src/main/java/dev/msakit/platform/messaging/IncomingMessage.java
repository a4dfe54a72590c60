package dev.msakit.platform.messaging;

import java.util.UUID;

/** What a handler may need besides the payload: the message's id, its key (the aggregate id) and type. */
public final class IncomingMessage {

    private final UUID id;
    private final String key;
    private final String type;

    public IncomingMessage(UUID id, String key, String type) {
        this.id = id;
        this.key = key;
        this.type = type;
    }

    public UUID getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public String getType() {
        return type;
    }
}
