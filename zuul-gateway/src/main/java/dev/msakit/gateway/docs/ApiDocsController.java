package dev.msakit.gateway.docs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.msakit.platform.problem.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StreamUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The API portal: Swagger UI at /api/docs over one OpenAPI document per public service, each rewritten to the
 * gateway's paths (ApiDocs). Anyone may read it, as anyone may read the catalog; the calls it makes go through the
 * gateway like any other (Authorize takes a token from POST /api/auth/token).
 */
@RestController
public class ApiDocsController {

    private final ApiDocs docs;
    private final String page;

    public ApiDocsController(ApiDocs docs, @Value("${gateway.route-prefix:/api}") String prefix,
                             @Value("${gateway.docs.swagger-ui-version}") String swaggerUiVersion) {
        this.docs = docs;
        String urls = docs.services().stream()
                .map(service -> "{url: '" + prefix + "/docs/" + service + ".json', name: '" + service + "'}")
                .collect(Collectors.joining(", "));
        try {
            this.page = StreamUtils.copyToString(new ClassPathResource("docs/index.html").getInputStream(),
                    StandardCharsets.UTF_8).replace("{{swaggerUi}}", "/webjars/swagger-ui/" + swaggerUiVersion)
                    .replace("{{urls}}", urls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page, whatever the client accepts (a 406 for a script asking for JSON would help nobody). */
    @GetMapping({"${gateway.route-prefix:/api}/docs", "${gateway.route-prefix:/api}/docs/"})
    public ResponseEntity<String> portal() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8)).body(page);
    }

    @GetMapping(value = "${gateway.route-prefix:/api}/docs/{service}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JsonNode> document(@PathVariable String service) {
        try {
            JsonNode document = docs.document(service)
                    .orElseThrow(() -> ApiException.notFound("No API document for " + service + "; there are "
                            + String.join(", ", docs.services())));
            return ResponseEntity.ok().cacheControl(CacheControl.maxAge(ApiDocs.KEEP)).body(document);
        } catch (RestClientException unavailable) {
            throw ApiException.serviceUnavailable(service);
        }
    }
}
