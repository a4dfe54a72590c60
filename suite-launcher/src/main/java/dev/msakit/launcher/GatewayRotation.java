package dev.msakit.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * What a gateway's load balancer would choose, from its {@code /actuator/ribbon/{service}} view (actuator account):
 * Eureka lists an instance seconds before each gateway's cached copy of the registry does, so "registered" is not
 * "routed".
 */
public final class GatewayRotation {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
    private final String authorization;

    public GatewayRotation(String actuatorUser, String actuatorPassword) {
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (actuatorUser + ":" + actuatorPassword).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the URL answers 200 (a health or readiness URL); false while nothing listens. */
    boolean answers(String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(CALL_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /**
     * Whether the gateway at this base URL has in rotation the service's instance on this port as registered at or
     * after {@code registeredSince} (epoch ms); false while the gateway does not answer.
     */
    public boolean inRotation(String gateway, String service, int port, long registeredSince)
            throws InterruptedException {
        HttpResponse<String> view;
        try {
            view = http.send(HttpRequest.newBuilder(URI.create(gateway + "/actuator/ribbon/" + service))
                    .header("Authorization", authorization).timeout(CALL_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException notAnswering) {
            return false;
        }
        if (view.statusCode() != 200) {
            return false;
        }
        return inRotation(Json.parse(view.body()), port, registeredSince);
    }

    static boolean inRotation(Object ribbonView, int port, long registeredSince) {
        for (Object instance : Json.list(Json.path(ribbonView, "instances"))) {
            if (!(instance instanceof Map)) {
                continue;
            }
            Object hostPort = Json.path(instance, "hostPort");
            Object registeredAt = Json.path(instance, "registeredAt");
            if (hostPort instanceof String && ((String) hostPort).endsWith(":" + port)
                    && Boolean.TRUE.equals(Json.path(instance, "inRotation"))
                    && registeredAt instanceof Double && (Double) registeredAt >= registeredSince) {
                return true;
            }
        }
        return false;
    }
}
