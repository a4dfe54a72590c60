package dev.msakit.dashboard;

import dev.msakit.platform.web.security.OperatorLogin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;

/**
 * The dashboard needs the operators' login (ADMIN_UI_USER / ADMIN_UI_PASSWORD, as Spring Boot Admin): its stream
 * proxy fetches URLs from the suite's hosts on the caller's behalf. The actuator keeps its own account (the
 * platform's chain, ahead of this one).
 */
@Configuration
public class DashboardSecurityConfig extends WebSecurityConfigurerAdapter {

    private final String user;
    private final String password;

    public DashboardSecurityConfig(@Value("${ADMIN_UI_USER:}") String user,
                                   @Value("${ADMIN_UI_PASSWORD:}") String password) {
        this.user = user;
        this.password = password;
    }

    @Override
    protected void configure(AuthenticationManagerBuilder auth) {
        auth.authenticationProvider(new OperatorLogin(user, password, "ADMIN_UI"));
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeRequests().anyRequest().authenticated().and()
                .formLogin().and()
                .httpBasic();
    }

    /** Only streams through the proxy, whatever host the allow-list permits. */
    @Bean
    public FilterRegistrationBean<StreamsOnlyProxyFilter> streamsOnlyProxy() {
        FilterRegistrationBean<StreamsOnlyProxyFilter> registration =
                new FilterRegistrationBean<>(new StreamsOnlyProxyFilter());
        registration.addUrlPatterns("/proxy.stream");
        return registration;
    }
}
