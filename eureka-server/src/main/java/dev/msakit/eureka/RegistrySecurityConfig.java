package dev.msakit.eureka;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;

/**
 * The registry and its dashboard need the basic credentials every client is given; only the health probes are open.
 * CSRF is off for /eureka/** because clients register with plain HTTP calls, not browser forms.
 */
@Configuration
public class RegistrySecurityConfig extends WebSecurityConfigurerAdapter {

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.csrf().ignoringAntMatchers("/eureka/**").and()
                .authorizeRequests()
                .antMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .anyRequest().authenticated().and()
                .httpBasic();
    }
}
