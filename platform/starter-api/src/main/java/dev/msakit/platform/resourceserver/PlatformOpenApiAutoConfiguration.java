package dev.msakit.platform.resourceserver;

import dev.msakit.contracts.PublicApi;
import dev.msakit.platform.security.PublicPaths;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.SpringDocUtils;
import org.springdoc.core.customizers.OpenApiCustomiser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

import java.util.List;
import java.util.Map;

/**
 * Each service's OpenAPI document as a client needs it: titled by the service, with the bearer scheme its endpoints
 * require (Swagger UI's Authorize then works) and none on the anonymous ones, without the verified token posing as a
 * request parameter, without the internal and error endpoints (api.yml's springdoc.paths-to-exclude), and with the
 * error answers a client meets: application/problem+json with the shared Problem schema.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({OpenAPI.class, SpringDocUtils.class})
public class PlatformOpenApiAutoConfiguration {

    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";

    static {
        // The principal is the verified token, filled in by Spring Security: never something a client sends.
        SpringDocUtils.getConfig().addAnnotationsToIgnore(AuthenticationPrincipal.class);
    }

    @Bean
    @ConditionalOnMissingBean
    public OpenAPI platformOpenApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title(service).version("1")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0"))
                        .description(service + " of msa-kit. Through the gateway every path is under /api; errors "
                                + "are application/problem+json (RFC 7807)."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from POST /api/auth/token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    public OpenApiCustomiser platformErrorAnswers(@Value("${spring.application.name}") String service) {
        PublicPaths anonymous = PublicPaths.parse(PublicApi.atService(service));
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                if (anonymous.matches(method.name(), path)) {
                    operation.setSecurity(List.of());
                }
                describeErrors(path, operation);
            }));
        };
    }

    private static void describeErrors(String path, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponses responses = operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) {
            responses.putIfAbsent("400", new ApiResponse().description("Not valid: detail (and errors) say what"));
        }
        if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
            responses.putIfAbsent("401", new ApiResponse().description("No valid access token"));
        }
        if (path.contains("{")) {
            responses.putIfAbsent("404", new ApiResponse().description("No such resource (or not yours)"));
        }
        for (Map.Entry<String, ApiResponse> answer : responses.entrySet()) {
            if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                answer.getValue().setContent(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema fieldError = new ObjectSchema()
                .addProperties("field", new StringSchema())
                .addProperties("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 7807 problem details, with the request's trace id")
                .addProperties("type", new StringSchema().example("about:blank"))
                .addProperties("title", new StringSchema().example("Bad Request"))
                .addProperties("status", new IntegerSchema().example(400))
                .addProperties("detail", new StringSchema())
                .addProperties("instance", new StringSchema().example("/api/products/7"))
                .addProperties("traceId", new StringSchema())
                .addProperties("errors", new ArraySchema().items(fieldError));
    }
}
