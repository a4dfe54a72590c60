package dev.msakit.eureka;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;

/**
 * Every registry call needs an account (RegistryAccounts); only the health probes are open. Any account reads the
 * registry; an application's own account (or the registry's) changes that application's instances; the actuator
 * account reads the actuator; everything else (peer replication, the dashboard) is the registry account's. CSRF is
 * off for /eureka/** because clients register with plain HTTP calls, not browser forms.
 */
@Configuration
public class RegistrySecurityConfig extends WebSecurityConfigurerAdapter {

    private final RegistryAccounts accounts;

    public RegistrySecurityConfig(RegistryAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void configure(AuthenticationManagerBuilder auth) {
        auth.authenticationProvider(accounts);
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.csrf().ignoringAntMatchers("/eureka/**").and()
                .authorizeRequests()
                .antMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .antMatchers("/actuator/**").hasAnyRole(RegistryAccounts.ACTUATOR, RegistryAccounts.ADMIN)
                .antMatchers(HttpMethod.GET, "/eureka/**").authenticated()
                .antMatchers("/eureka/apps/{app}", "/eureka/apps/{app}/**")
                .access("@registryAccounts.mayChange(authentication, #app)")
                .anyRequest().hasRole(RegistryAccounts.ADMIN).and()
                .httpBasic();
    }
}
