package dev.msakit.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** What the registry (Eureka's REST API, with the registry's own account) lists of an application. */
final class RegistryView {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
    private final String registry;
    private final String authorization;

    RegistryView(String registry, String user, String password) {
        this.registry = registry;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the application's instance on this port is UP; false while the registry does not answer. */
    boolean up(String appId, int port) throws InterruptedException {
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(URI.create(registry + "/eureka/apps/" + appId))
                    .header("Authorization", authorization).header("Accept", "application/json")
                    .timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException notAnswering) {
            return false;
        }
        return answer.statusCode() == 200 && up(Json.parse(answer.body()), port);
    }

    static boolean up(Object application, int port) {
        for (Object instance : Json.list(Json.path(application, "application", "instance"))) {
            Object id = Json.path(instance, "instanceId");
            if (id instanceof String && ((String) id).endsWith(":" + port)
                    && "UP".equals(Json.path(instance, "status"))) {
                return true;
            }
        }
        return false;
    }
}
