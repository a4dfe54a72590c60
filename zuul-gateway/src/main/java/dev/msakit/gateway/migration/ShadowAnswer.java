package dev.msakit.gateway.migration;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One side's answer to a shadowed read, as the comparison sees it: the status (null when none came: a timeout, a
 * refused connection), the headers by lower-case name, and the body when it is JSON (null otherwise).
 */
public final class ShadowAnswer {

    final Integer status;
    final Map<String, String> headers;
    final JsonNode body;
    final String error;

    private ShadowAnswer(Integer status, Map<String, String> headers, JsonNode body, String error) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.error = error;
    }

    public static ShadowAnswer of(int status, Map<String, String> headers, JsonNode body) {
        Map<String, String> byName = new TreeMap<>();
        headers.forEach((name, value) -> byName.put(name.toLowerCase(Locale.ROOT), value));
        return new ShadowAnswer(status, byName, body, null);
    }

    /** No answer: a timeout, a refused connection, no instance to ask. */
    public static ShadowAnswer none(String error) {
        return new ShadowAnswer(null, Map.of(), null, error);
    }

    String header(String name) {
        String value = headers.get(name.toLowerCase(Locale.ROOT));
        return value == null ? null : value.trim().toLowerCase(Locale.ROOT);
    }
}
