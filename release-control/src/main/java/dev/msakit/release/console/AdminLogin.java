package dev.msakit.release.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.msakit.contracts.Roles;
import dev.msakit.contracts.ServiceIds;
import dev.msakit.platform.resourceserver.ResourceServerSecurityAutoConfiguration;
import dev.msakit.release.api.FeatureAdminController;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestTemplate;

import java.net.URI;
import java.util.Collection;
import java.util.Map;

/**
 * The console's login: the e-mail and password of a member-service account, checked by member-service itself
 * (its login throttle included), and let in only with the ADMIN role in the token it issues. The token is not kept:
 * the session holds the name and roles, and the console acts in-process, so no token reaches the browser.
 */
class AdminLogin implements AuthenticationProvider {

    private static final String ADMIN = "ROLE_" + Roles.ADMIN;

    private final RestTemplate loadBalanced;
    private final JwtDecoder tokens;

    AdminLogin(RestTemplate loadBalanced, JwtDecoder tokens) {
        this.loadBalanced = loadBalanced;
        this.tokens = tokens;
    }

    @Override
    public Authentication authenticate(Authentication login) throws AuthenticationException {
        String email = login.getName();
        String password = login.getCredentials() == null ? "" : login.getCredentials().toString();
        Jwt token = decode(issue(email, password));
        Collection<GrantedAuthority> roles = ResourceServerSecurityAutoConfiguration.rolesConverter().convert(token)
                .getAuthorities();
        if (roles.stream().noneMatch(role -> ADMIN.equals(role.getAuthority()))) {
            throw new InsufficientAuthenticationException("The console is for administrators; " + email
                    + " is not one");
        }
        return new UsernamePasswordAuthenticationToken(FeatureAdminController.who(token), null, roles);
    }

    private String issue(String email, String password) {
        try {
            JsonNode issued = loadBalanced.postForObject(URI.create("http://" + ServiceIds.MEMBER + "/auth/token"),
                    Map.of("email", email, "password", password), JsonNode.class);
            String token = issued == null ? null : issued.path("access_token").asText(null);
            if (token == null) {
                throw new AuthenticationServiceException("member-service answered the login without a token");
            }
            return token;
        } catch (HttpClientErrorException refused) {
            if (refused.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS) {
                throw new LockedException("Too many failed logins for this account: try again later");
            }
            throw new BadCredentialsException("Wrong e-mail or password");
        } catch (RestClientException | IllegalStateException unreachable) {
            throw new AuthenticationServiceException("The login cannot be checked now (member-service: "
                    + unreachable.getMessage() + ")", unreachable);
        }
    }

    private Jwt decode(String token) {
        try {
            return tokens.decode(token);
        } catch (JwtException unverifiable) {
            throw new AuthenticationServiceException("member-service's token cannot be verified here: "
                    + unverifiable.getMessage(), unverifiable);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
