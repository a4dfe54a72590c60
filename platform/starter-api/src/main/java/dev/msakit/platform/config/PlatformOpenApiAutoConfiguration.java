package dev.msakit.platform.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/**
 * Each service's OpenAPI document as a client needs it: titled by the service, with the bearer scheme its endpoints
 * require (Swagger UI's Authorize then works), without the verified token posing as a request parameter, and
 * without the internal and error endpoints (api.yml's springdoc.paths-to-exclude).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass({OpenAPI.class, SpringDocUtils.class})
public class PlatformOpenApiAutoConfiguration {

    static final String BEARER = "bearer";

    static {
        // The principal is the verified token, filled in by Spring Security: never something a client sends.
        SpringDocUtils.getConfig().addAnnotationsToIgnore(AuthenticationPrincipal.class);
    }

    @Bean
    @ConditionalOnMissingBean
    public OpenAPI platformOpenApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title(service).version("1")
                        .description(service + " of msa-kit. Through the gateway every path is under /api; errors "
                                + "are application/problem+json (RFC 7807)."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from POST /api/auth/token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
