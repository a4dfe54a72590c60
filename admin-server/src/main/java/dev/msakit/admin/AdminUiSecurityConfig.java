package dev.msakit.admin;

import de.codecentric.boot.admin.server.config.AdminServerProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityConfigurerAdapter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * The Admin UI and its API need a login (ADMIN_UI_USER / ADMIN_UI_PASSWORD): it shows environments, threads and
 * lets one change log levels. CSRF stays on for the browser, with the token in a cookie the UI reads.
 */
@Configuration
public class AdminUiSecurityConfig extends WebSecurityConfigurerAdapter {

    private final String adminPath;
    private final SecurityProperties.User user;

    public AdminUiSecurityConfig(AdminServerProperties adminServer, SecurityProperties security) {
        this.adminPath = adminServer.getContextPath();
        this.user = security.getUser();
    }

    /** The one UI account, BCrypt-encoded in memory (the platform starters create no login users). */
    @Override
    protected void configure(AuthenticationManagerBuilder auth) throws Exception {
        PasswordEncoder encoder = new BCryptPasswordEncoder();
        auth.inMemoryAuthentication().passwordEncoder(encoder)
                .withUser(user.getName()).password(encoder.encode(user.getPassword()))
                .roles(user.getRoles().toArray(new String[0]));
    }

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setTargetUrlParameter("redirectTo");
        success.setDefaultTargetUrl(adminPath + "/");

        http.authorizeRequests()
                .antMatchers(adminPath + "/assets/**", adminPath + "/login").permitAll()
                .anyRequest().authenticated().and()
                .formLogin().loginPage(adminPath + "/login").successHandler(success).and()
                .logout().logoutUrl(adminPath + "/logout").and()
                .httpBasic().and()
                .csrf()
                .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .ignoringRequestMatchers(
                        new AntPathRequestMatcher(adminPath + "/instances", HttpMethod.POST.toString()),
                        new AntPathRequestMatcher(adminPath + "/instances/*", HttpMethod.DELETE.toString()));
    }
}
