package dev.msakit.eureka;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who may do what in the registry. Every application has an account of its own, named as the application
 * (REGISTRY_ACCOUNTS: {@code member-service=secret,...}): it may read the registry and register, renew and change
 * instances of that application only, so one leaked service credential cannot put a fake member-service (serving
 * its own token keys, receiving passwords) in front of the suite. The registry's own account (EUREKA_USER) may do
 * everything (peer replication, operators); the actuator account reads the actuator, as on every other process.
 * Machine secrets, checked on every heartbeat: compared as SHA-256 digests in constant time, not with BCrypt.
 */
@Component
public class RegistryAccounts implements AuthenticationProvider {

    static final String ADMIN = "REGISTRY_ADMIN";
    static final String CLIENT = "REGISTRY_CLIENT";
    static final String ACTUATOR = "ACTUATOR";
    private static final Pattern APP_NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Map<String, Account> accounts = new HashMap<>();

    public RegistryAccounts(@Value("${spring.security.user.name}") String adminUser,
                            @Value("${spring.security.user.password}") String adminPassword,
                            @Value("${ACTUATOR_USER:}") String actuatorUser,
                            @Value("${ACTUATOR_PASSWORD:}") String actuatorPassword,
                            @Value("${registry.accounts:}") String applicationAccounts) {
        add(adminUser, adminPassword, ADMIN);
        if (StringUtils.hasText(actuatorUser) && StringUtils.hasText(actuatorPassword)) {
            add(actuatorUser, actuatorPassword, ACTUATOR);
        }
        for (String entry : StringUtils.commaDelimitedListToStringArray(applicationAccounts)) {
            String[] parts = entry.trim().split("=", 2);
            Assert.state(parts.length == 2 && APP_NAME.matcher(parts[0]).matches() && !parts[1].isBlank(),
                    "REGISTRY_ACCOUNTS: each entry is application-name=password, got \"" + parts[0] + "=...\"");
            add(parts[0], parts[1], CLIENT);
        }
    }

    private void add(String name, String password, String role) {
        Assert.state(StringUtils.hasText(name) && StringUtils.hasText(password), "A registry account needs a name"
                + " and a password (EUREKA_USER / EUREKA_PASSWORD, REGISTRY_ACCOUNTS)");
        Assert.state(!accounts.containsKey(name), "Registry account " + name + " is declared twice");
        accounts.put(name, new Account(digest(password), role));
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        Account account = accounts.get(attempt.getName());
        byte[] presented = digest(String.valueOf(attempt.getCredentials()));
        // Unknown names are compared too, so that timing does not tell which accounts exist.
        boolean matches = MessageDigest.isEqual(account == null ? new byte[presented.length] : account.digest,
                presented);
        if (account == null || !matches) {
            throw new BadCredentialsException("Bad registry credentials");
        }
        return new UsernamePasswordAuthenticationToken(attempt.getName(), null,
                AuthorityUtils.createAuthorityList("ROLE_" + account.role));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Whether the caller may register, renew, change or remove instances of this application (Eureka's APP-ID). */
    public boolean mayChange(Authentication caller, String app) {
        if (caller == null || app == null) {
            return false;
        }
        if (caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + ADMIN))) {
            return true;
        }
        return caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + CLIENT))
                && caller.getName().equalsIgnoreCase(app.toLowerCase(Locale.ROOT));
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Account {
        final byte[] digest;
        final String role;

        Account(byte[] digest, String role) {
            this.digest = digest;
            this.role = role;
        }
    }
}
