package dev.msakit.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API portal at the gateway (/api/docs): one OpenAPI document per public service, as a client of the gateway
 * calls it, and linted by Redocly's recommended rules (a linter nobody on the project wrote): any error fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SuiteExtension.class)
class ApiPortalIT {

    static final List<String> SERVICES = List.of("member-service", "product-service", "order-service");

    private String api;
    private boolean node;

    @BeforeAll
    void useSuite(Suite suite) throws Exception {
        api = suite.gatewayUrl() + "/api";
        node = StandardClients.available();
    }

    @Test
    void thePortalServesSwaggerUiOverEveryPublicServicesDocument() {
        Http.Response page = Http.get(api + "/docs", null);
        assertThat(page.status).isEqualTo(200);
        assertThat(page.body).contains("swagger-ui-bundle.js");
        for (String service : SERVICES) {
            assertThat(page.body).contains("'/api/docs/" + service + ".json'");
        }
        java.util.regex.Matcher script = java.util.regex.Pattern
                .compile("src=\"(/webjars/[^\"]*swagger-ui-bundle\\.js)\"").matcher(page.body);
        assertThat(script.find()).as(page.body).isTrue();
        String bundle = script.group(1);
        assertThat(Http.get(suite() + bundle, null).status).as(bundle).isEqualTo(200);
        assertThat(Http.get(api + "/docs/eureka-server.json", null).status).isEqualTo(404);
    }

    @Test
    void eachDocumentDescribesTheApiAsTheGatewayServesIt() {
        for (String service : SERVICES) {
            JsonNode document = document(service);
            assertThat(document.path("info").path("title").asText()).isEqualTo(service);
            assertThat(document.path("servers").get(0).path("url").asText()).isEqualTo("/api");
            assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                    .isEqualTo("bearer");
            assertThat(document.path("components").path("schemas").has("Problem")).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                assertThat(path.getKey()).doesNotContain("/internal").doesNotContain("/error")
                        .doesNotContain("service-token");
                for (JsonNode operation : path.getValue()) {
                    String where = service + " " + path.getKey();
                    assertThat(operation.path("summary").asText()).as(where + " summary").isNotBlank();
                    assertThat(operation.toString()).as(where).doesNotContain("\"name\":\"jwt\"")
                            .doesNotContain("*/*");
                    for (Iterator<Map.Entry<String, JsonNode>> answers = operation.path("responses").fields();
                         answers.hasNext(); ) {
                        Map.Entry<String, JsonNode> answer = answers.next();
                        if (answer.getKey().startsWith("4")) {
                            assertThat(answer.getValue().path("content").has("application/problem+json"))
                                    .as(where + " " + answer.getKey()).isTrue();
                        }
                    }
                }
            }
        }
        // Real status codes, and anonymous reads need no token.
        JsonNode products = document("product-service").path("paths");
        assertThat(products.path("/products").path("post").path("responses").has("201")).isTrue();
        assertThat(products.path("/products/{id}").path("delete").path("responses").has("204")).isTrue();
        assertThat(products.path("/products/{id}").path("get").path("security")).isEmpty();
        assertThat(products.path("/products/{id}").path("get").path("security").isArray()).isTrue();
        JsonNode orders = document("order-service").path("paths");
        assertThat(orders.path("/orders").path("post").path("responses").has("202")).isTrue();
        assertThat(orders.path("/orders").path("get").has("security")).as("inherits the bearer requirement")
                .isFalse();
    }

    @Test
    void redoclysRecommendedRulesFindNoError() throws Exception {
        Assumptions.assumeTrue(node, "node and npm are not installed (set MSA_REQUIRE_NODE=1 to fail)");
        Path out = Files.createDirectories(Path.of("target", "openapi"));
        List<String> command = new ArrayList<>(List.of("node_modules/.bin/redocly", "lint", "--format=stylish"));
        for (String service : SERVICES) {
            Path file = out.resolve(service + ".json").toAbsolutePath();
            Files.writeString(file, document(service).toPrettyString());
            command.add(file.toString());
        }
        StandardClients.Result lint = StandardClients.run(command, "", Duration.ofMinutes(2));
        System.out.println(lint.output);
        assertThat(lint.exitCode).as(lint.output).isZero();
    }

    private JsonNode document(String service) {
        Http.Response response = Http.get(api + "/docs/" + service + ".json", null);
        assertThat(response.status).as(service + ": " + response.body).isEqualTo(200);
        return response.json();
    }

    private String suite() {
        return api.substring(0, api.length() - "/api".length());
    }
}
