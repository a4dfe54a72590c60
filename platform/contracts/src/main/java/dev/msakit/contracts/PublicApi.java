package dev.msakit.contracts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The requests that need no token, written once for the services and the gateway ("METHOD /ant-pattern", as a
 * service sees the path). A service lets through its own entries, its {@link #SERVICE_ONLY} ones and the API docs;
 * the gateway lets through every service's {@link #ANONYMOUS} entries under its prefix, and routes nothing else
 * anonymously.
 */
public final class PublicApi {

    /** The issuer's discovery document (OpenID Connect Discovery §4, at the issuer URL + this path). */
    public static final String DISCOVERY = "/.well-known/openid-configuration";
    /** Open to anyone, through the gateway too. */
    public static final Map<String, List<String>> ANONYMOUS;
    /** Open without a token at the service's own port only: the gateway does not route them. */
    public static final Map<String, List<String>> SERVICE_ONLY;
    /**
     * Anonymous entries whose path has no other method at all: any other method there is 405 (with Allow) before
     * anyone asks for a token, and does not count against the path's rate limit (RFC 9110 §15.5.6).
     */
    public static final List<String> ANONYMOUS_ONLY = List.of("POST /auth/token", "POST /auth/token/refresh",
            "POST /auth/logout", "GET /.well-known/jwks.json", "GET " + DISCOVERY);
    /** Each service's OpenAPI document and Swagger UI. */
    public static final List<String> API_DOCS = List.of("GET /v3/api-docs/**", "GET /swagger-ui/**",
            "GET /swagger-ui.html");

    static {
        Map<String, List<String>> anonymous = new LinkedHashMap<>();
        // Refresh and logout present a refresh token instead of an access token (which may have expired).
        anonymous.put(ServiceIds.MEMBER, List.of("POST /members", "POST /auth/token", "POST /auth/token/refresh",
                "POST /auth/logout", "GET /.well-known/jwks.json", "GET " + DISCOVERY));
        anonymous.put(ServiceIds.PRODUCT, List.of("GET /products", "GET /products/**"));
        anonymous.put(ServiceIds.ORDER, List.of());
        // The monolith serves the same API for the features it still owns (the gateway lists each entry once).
        anonymous.put(ServiceIds.LEGACY, List.of("GET /products", "GET /products/**"));
        ANONYMOUS = Collections.unmodifiableMap(anonymous);
        // Services obtain their own tokens with a client secret; the gateway never exposes this.
        // Delivery controllers (Argo Rollouts, Flagger) ask release-control's judge with their own key header.
        SERVICE_ONLY = Map.of(ServiceIds.MEMBER, List.of("POST /auth/service-token"), ServiceIds.RELEASE_CONTROL,
                List.of("GET /analysis/*", "POST /analysis/flagger"));
    }

    private PublicApi() {
    }

    /** What a service lets through without a token. */
    public static List<String> atService(String serviceId) {
        List<String> paths = new ArrayList<>(ANONYMOUS.getOrDefault(serviceId, List.of()));
        paths.addAll(SERVICE_ONLY.getOrDefault(serviceId, List.of()));
        paths.addAll(API_DOCS);
        return Collections.unmodifiableList(paths);
    }

    /** What the gateway lets through without a token, under its route prefix (e.g. /api). */
    public static List<String> atGateway(String prefix) {
        return underPrefix(ANONYMOUS.values().stream().flatMap(List::stream).collect(Collectors.toList()), prefix);
    }

    /** {@link #ANONYMOUS_ONLY} under the gateway's route prefix. */
    public static List<String> anonymousOnlyAtGateway(String prefix) {
        return underPrefix(ANONYMOUS_ONLY, prefix);
    }

    private static List<String> underPrefix(List<String> entries, String prefix) {
        return entries.stream()
                .map(entry -> {
                    String[] parts = entry.split(" ", 2);
                    return parts[0] + " " + prefix + parts[1];
                })
                .distinct()
                .collect(Collectors.toUnmodifiableList());
    }
}
