package dev.msakit.release.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.msakit.contracts.Roles;
import dev.msakit.platform.problem.Problems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;

import java.time.Duration;

/**
 * The console's own filter chain, before the API's stateless bearer chain: a browser session after a form login
 * (AdminLogin: an ADMIN account of member-service), CSRF tokens in every form, and a strict content policy (no
 * inline script or style). A browser without a session is sent to the login page; any other client gets a 401
 * problem. Bearer tokens are not accepted here: the API is /admin/**.
 */
@Configuration
@Order(90)
@EnableConfigurationProperties(ConsoleProperties.class)
public class ConsoleSecurityConfig extends WebSecurityConfigurerAdapter {

    static final String LOGIN = "/console/login";

    private final ObjectMapper json;
    private final AdminLogin login;

    public ConsoleSecurityConfig(ObjectMapper json, RestTemplateBuilder rest, LoadBalancerClient loadBalancer,
                                 JwtDecoder tokens) {
        this.json = json;
        this.login = new AdminLogin(rest.setConnectTimeout(Duration.ofSeconds(2))
                .setReadTimeout(Duration.ofSeconds(10))
                .additionalInterceptors(new LoadBalancerInterceptor(loadBalancer)).build(), tokens);
    }

    @Override
    protected void configure(AuthenticationManagerBuilder auth) {
        auth.authenticationProvider(login);
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(new HeaderContentNegotiationStrategy(),
                MediaType.TEXT_HTML);
        browser.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        http.requestMatchers().antMatchers("/console", "/console/**").and()
                .authorizeRequests()
                .antMatchers(LOGIN, "/console/console.css", "/console/console.js").permitAll()
                .anyRequest().hasRole(Roles.ADMIN).and()
                .formLogin().loginPage(LOGIN).defaultSuccessUrl("/console", true).and()
                .logout().logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?out").and()
                .exceptionHandling()
                .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN), browser)
                .defaultAuthenticationEntryPointFor(notLoggedIn(), AnyRequestMatcher.INSTANCE).and()
                .headers()
                .contentSecurityPolicy("default-src 'self'; img-src 'self' data:; frame-ancestors 'self';"
                        + " form-action 'self'").and()
                .referrerPolicy().and()
                .cacheControl();
    }

    private AuthenticationEntryPoint notLoggedIn() {
        return (request, response, ex) -> Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED,
                "The console needs a login: open " + LOGIN + " in a browser", request.getRequestURI()));
    }
}
