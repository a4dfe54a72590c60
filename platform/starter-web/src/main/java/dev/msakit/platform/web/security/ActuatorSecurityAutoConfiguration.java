package dev.msakit.platform.web.security;

import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigureBefore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Actuator endpoints get their own filter chain, checked before the API's: health, info and the Hystrix stream
 * (command metrics only, read by Turbine) are open; everything else needs the actuator account over HTTP basic.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({WebSecurityConfigurerAdapter.class, EndpointRequest.class})
@AutoConfigureBefore({SecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class})
@EnableConfigurationProperties(ActuatorSecurityProperties.class)
public class ActuatorSecurityAutoConfiguration {

    public static final String ROLE = "ACTUATOR";

    @Bean
    public ActuatorSecurity actuatorSecurity(ActuatorSecurityProperties properties) {
        Assert.state(StringUtils.hasText(properties.getUser()) && StringUtils.hasText(properties.getPassword()),
                "Set ACTUATOR_USER and ACTUATOR_PASSWORD: the actuator endpoints need their own credentials");
        return new ActuatorSecurity(properties);
    }

    /** Ordered ahead of the API chain so that /actuator/** never falls through to JWT authentication. */
    public static class ActuatorSecurity extends WebSecurityConfigurerAdapter implements Ordered {

        private final ActuatorSecurityProperties properties;

        ActuatorSecurity(ActuatorSecurityProperties properties) {
            this.properties = properties;
        }

        @Override
        protected void configure(AuthenticationManagerBuilder auth) throws Exception {
            // Low BCrypt cost: this is a machine credential checked on every Admin poll, not a user password.
            BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(6);
            auth.inMemoryAuthentication().passwordEncoder(encoder)
                    .withUser(properties.getUser()).password(encoder.encode(properties.getPassword())).roles(ROLE);
        }

        @Override
        protected void configure(HttpSecurity http) throws Exception {
            http.requestMatcher(EndpointRequest.toAnyEndpoint())
                    .csrf().disable()
                    .sessionManagement().sessionCreationPolicy(SessionCreationPolicy.STATELESS).and()
                    .authorizeRequests()
                    .expressionHandler(new SharedAccessorsWebExpressionHandler())
                    .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                    .requestMatchers(EndpointRequest.to("hystrix.stream")).permitAll()
                    .anyRequest().hasRole(ROLE).and()
                    .httpBasic();
        }

        @Override
        public int getOrder() {
            return 1;
        }
    }
}
