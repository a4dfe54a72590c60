package dev.msakit.platform.resourceserver;

import dev.msakit.platform.security.PlatformSecurityProperties;
import dev.msakit.platform.security.PublicPaths;
import dev.msakit.platform.web.security.SharedAccessorsWebExpressionHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.PublicApi;
import dev.msakit.contracts.TokenClaims;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfigureBefore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableGlobalMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.web.util.UrlPathHelper;

import java.util.List;

/**
 * Makes every domain service a stateless OAuth2 resource server: each request needs a valid token except the
 * configured public paths. (Actuator endpoints have their own chain, see ActuatorSecurityAutoConfiguration.) The
 * gateway checks tokens too, but a service never trusts that it is only reached through the gateway.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebSecurityConfigurerAdapter.class)
@AutoConfigureBefore(SecurityAutoConfiguration.class)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
@EnableGlobalMethodSecurity(prePostEnabled = true)
public class ResourceServerSecurityAutoConfiguration {

    @Bean
    public WebSecurityConfigurerAdapter resourceServerSecurity(PlatformSecurityProperties properties,
                                                                ObjectMapper objectMapper,
                                                                @Value("${spring.application.name}") String serviceId) {
        List<String> publicPaths = properties.getPublicPaths().isEmpty() ? PublicApi.atService(serviceId)
                : properties.getPublicPaths();
        return new ResourceServerSecurity(PublicPaths.parse(publicPaths), objectMapper);
    }

    public static JwtAuthenticationConverter rolesConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenClaims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    static class ResourceServerSecurity extends WebSecurityConfigurerAdapter {

        private final PublicPaths publicPaths;
        private final ObjectMapper objectMapper;
        private final UrlPathHelper pathHelper = new UrlPathHelper();

        ResourceServerSecurity(PublicPaths publicPaths, ObjectMapper objectMapper) {
            this.publicPaths = publicPaths;
            this.objectMapper = objectMapper;
        }

        @Override
        protected void configure(HttpSecurity http) throws Exception {
            http.csrf().disable()
                    .sessionManagement().sessionCreationPolicy(SessionCreationPolicy.STATELESS).and()
                    .exceptionHandling()
                    .authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint(objectMapper))
                    .accessDeniedHandler(ProblemAuthenticationHandlers.accessDenied(objectMapper)).and()
                    .headers().and()
                    .authorizeRequests()
                    .expressionHandler(new SharedAccessorsWebExpressionHandler())
                    .antMatchers("/error").permitAll()
                    .requestMatchers(request -> publicPaths.matches(request.getMethod(),
                            pathHelper.getPathWithinApplication(request))).permitAll()
                    .anyRequest().authenticated().and()
                    .oauth2ResourceServer(oauth2 -> oauth2
                            .bearerTokenResolver(new HeaderBearerTokenResolver())
                            .authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint(objectMapper))
                            .accessDeniedHandler(ProblemAuthenticationHandlers.accessDenied(objectMapper))
                            .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter())));
        }
    }
}
