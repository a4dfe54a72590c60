package dev.msakit.platform.web.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The operators' one account for the consoles (Spring Boot Admin, the Hystrix dashboard: ADMIN_UI_USER /
 * ADMIN_UI_PASSWORD), BCrypt-encoded in memory, with a lockout: after {@value #MAX_FAILURES} wrong passwords within
 * {@link #WINDOW} the user name is refused (even with the right password) until the oldest failure leaves the window.
 * Per process and in memory: the consoles run as one instance each.
 */
public final class OperatorLogin implements AuthenticationProvider {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final DaoAuthenticationProvider passwords = new DaoAuthenticationProvider();
    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final Clock clock;

    public OperatorLogin(String user, String password, String... roles) {
        this(user, password, Clock.systemUTC(), roles);
    }

    OperatorLogin(String user, String password, Clock clock, String... roles) {
        Assert.state(StringUtils.hasText(user) && StringUtils.hasText(password),
                "Set ADMIN_UI_USER and ADMIN_UI_PASSWORD: the operators' consoles need a login");
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        passwords.setPasswordEncoder(encoder);
        passwords.setUserDetailsService(new InMemoryUserDetailsManager(
                User.withUsername(user).password(encoder.encode(password)).roles(roles).build()));
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName();
        if (locked(name)) {
            throw new LockedException("Too many failed logins: try again later");
        }
        try {
            Authentication authenticated = passwords.authenticate(attempt);
            synchronized (failures) {
                failures.remove(name);
            }
            return authenticated;
        } catch (BadCredentialsException wrong) {
            synchronized (failures) {
                failures.computeIfAbsent(name, n -> new ArrayDeque<>()).addLast(clock.instant());
            }
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    private boolean locked(String name) {
        Instant windowStart = clock.instant().minus(WINDOW);
        synchronized (failures) {
            Deque<Instant> recent = failures.get(name);
            if (recent == null) {
                return false;
            }
            while (!recent.isEmpty() && recent.peekFirst().isBefore(windowStart)) {
                recent.removeFirst();
            }
            if (recent.isEmpty()) {
                failures.remove(name);
                return false;
            }
            return recent.size() >= MAX_FAILURES;
        }
    }
}
