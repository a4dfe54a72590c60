package dev.msakit.gateway.canary;

import com.netflix.zuul.context.RequestContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One routed request of a service under release, kept in Zuul's request context (the gateway's Ribbon calls run on
 * the request's thread: semaphore isolation): the role the caller was given, the role of each instance tried, and
 * which attempts failed without an answer. The load balancer rule, the retry policy and the outcome filter share it.
 */
public final class CanaryAttempt {

    private static final String KEY = "msa.canary.attempt";

    final RoutedRelease release;
    final Role wanted;
    final long startedNanos;
    private Role chosen;
    private final List<Role> failed = new ArrayList<>(2);

    private CanaryAttempt(RoutedRelease release, Role wanted, long startedNanos) {
        this.release = release;
        this.wanted = wanted;
        this.startedNanos = startedNanos;
    }

    static CanaryAttempt begin(RequestContext context, RoutedRelease release, Role wanted) {
        CanaryAttempt attempt = new CanaryAttempt(release, wanted, System.nanoTime());
        context.set(KEY, attempt);
        return attempt;
    }

    static Optional<CanaryAttempt> current() {
        RequestContext context = RequestContext.getCurrentContext();
        Object attempt = context.getRequest() == null ? null : context.get(KEY);
        return Optional.ofNullable((CanaryAttempt) attempt);
    }

    /** The role to pick an instance for now: the caller's, until an attempt at it failed, then prod. */
    synchronized Role roleToChoose() {
        return failed.isEmpty() ? wanted : Role.PROD;
    }

    synchronized void chose(Role role) {
        chosen = role;
    }

    /** For the retry policy: the current request's last attempt got no answer (no-op outside a release). */
    public static void markLastAttemptFailed() {
        current().ifPresent(CanaryAttempt::lastAttemptFailed);
    }

    /** The attempt at the instance chosen last got no answer; the next choice is made afresh. */
    synchronized void lastAttemptFailed() {
        if (chosen != null) {
            failed.add(chosen);
            chosen = null;
        }
    }

    synchronized Role chosen() {
        return chosen;
    }

    synchronized List<Role> failed() {
        return List.copyOf(failed);
    }
}
