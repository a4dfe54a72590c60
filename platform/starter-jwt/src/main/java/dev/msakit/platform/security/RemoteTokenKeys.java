package dev.msakit.platform.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RemoteJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

import java.time.Duration;
import java.util.List;

/**
 * The issuer's key set, downloaded from its JWK set URL and kept by Nimbus (again when a token names a key id it has
 * not seen). Downloaded once as soon as the application has started, before it reports ready: otherwise the first
 * request with a token pays for it, and for the first call to the issuer through Ribbon (half a second on an idle
 * 2-core machine, more than the gateway's 3 s read on a busy one, in containers). An issuer not registered yet (./msa
 * starts the services together) is asked again in the background every few seconds for a while.
 */
public class RemoteTokenKeys implements JWKSource<SecurityContext>, ApplicationListener<ApplicationStartedEvent>,
        DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RemoteTokenKeys.class);
    private static final JWKSelector EVERY_KEY = new JWKSelector(new JWKMatcher.Builder().build());

    private final JWKSource<SecurityContext> keys;
    private final String location;
    private final Duration retryEvery;
    private final int retries;
    private volatile Thread retrying;

    /** Asks a missing issuer again every retryEvery, at most retries times. */
    public RemoteTokenKeys(RemoteJWKSet<SecurityContext> keys, Duration retryEvery, int retries) {
        this.keys = keys;
        this.location = keys.getJWKSetURL().toString();
        this.retryEvery = retryEvery;
        this.retries = retries;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        return keys.get(selector, context);
    }

    /**
     * Downloads the set now. A failure is no reason not to start (the issuer may start after this service, as under
     * ./msa): the first request with a token then downloads it, as it would have anyway.
     */
    public boolean fetch() {
        return fetch(true);
    }

    private boolean fetch(boolean reportFailure) {
        long started = System.nanoTime();
        try {
            int count = keys.get(EVERY_KEY, null).size();
            log.info("Token keys fetched: {} from {} in {} ms", count, location,
                    (System.nanoTime() - started) / 1_000_000);
            return count > 0;
        } catch (KeySourceException | RuntimeException e) {
            if (reportFailure) {
                log.info("Token keys not fetched ({}); {}the first request with a token fetches them", e.getMessage(),
                        retries > 0 ? "asked again in the background, or " : "");
            } else {
                log.debug("Token keys not fetched again ({})", e.getMessage());
            }
            return false;
        }
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        if (!fetch() && retries > 0) {
            Thread thread = new Thread(this::retry, "token-keys-fetch");
            thread.setDaemon(true);
            retrying = thread;
            thread.start();
        }
    }

    private void retry() {
        try {
            for (int attempt = 0; attempt < retries; attempt++) {
                Thread.sleep(retryEvery.toMillis());
                if (fetch(false)) {
                    return;
                }
            }
            log.info("Token keys still not fetched after {} more tries; the first request with a token fetches them",
                    retries);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        Thread thread = retrying;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
