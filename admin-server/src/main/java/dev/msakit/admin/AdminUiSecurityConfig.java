package dev.msakit.admin;

import de.codecentric.boot.admin.server.config.AdminServerProperties;
import dev.msakit.platform.web.security.OperatorLogin;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * The Admin UI and its API need a login (ADMIN_UI_USER / ADMIN_UI_PASSWORD, locked after repeated wrong passwords):
 * it shows environments, threads and lets one change log levels. CSRF stays on for the browser, with the token in a
 * cookie the UI reads. After the login only local pages are followed.
 */
@Configuration
public class AdminUiSecurityConfig extends WebSecurityConfigurerAdapter {

    private final String adminPath;
    private final SecurityProperties.User user;

    public AdminUiSecurityConfig(AdminServerProperties adminServer, SecurityProperties security) {
        this.adminPath = adminServer.getContextPath();
        this.user = security.getUser();
    }

    @Override
    protected void configure(AuthenticationManagerBuilder auth) {
        auth.authenticationProvider(new OperatorLogin(user.getName(), user.getPassword(),
                user.getRoles().toArray(new String[0])));
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.authorizeRequests()
                .antMatchers(adminPath + "/assets/**", adminPath + "/login").permitAll()
                .anyRequest().authenticated().and()
                .formLogin().loginPage(adminPath + "/login")
                .successHandler(new LocalRedirectAfterLogin("redirectTo", adminPath + "/")).and()
                .logout().logoutUrl(adminPath + "/logout").and()
                .httpBasic().and()
                .csrf()
                .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .ignoringRequestMatchers(
                        new AntPathRequestMatcher(adminPath + "/instances", HttpMethod.POST.toString()),
                        new AntPathRequestMatcher(adminPath + "/instances/*", HttpMethod.DELETE.toString()));
    }
}
