package dev.msakit.member.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.msakit.member.token.SigningKeyStore.StoredKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The keys tokens are signed and verified with. Either one key supplied in JWT_PRIVATE_KEY_PEM (held in a secret;
 * rotated by whoever holds it), or keys kept sealed in the database and rotated here:
 * <ul>
 * <li>a new key is published as soon as it is made but signs only from {@code signs_from}, an activation delay later,
 *     so every verifier (which downloads the key set again for an unknown key id, at most every few seconds) knows
 *     it before the first token it signs arrives;</li>
 * <li>a key that stopped signing stays published until the last token it signed has expired (token lifetime plus
 *     clock skew), then is deleted;</li>
 * <li>rotation is due every {@code key-rotation-interval}, or asked for by an admin; at most one key waits.</li>
 * </ul>
 * The next key is made and sealed ahead, by the maintenance schedule: an RSA key pair and the key derivation that
 * seals it take up to seconds of CPU on a busy machine, more than a caller through the gateway waits for an answer
 * (its read timeout), so an admin's rotation only stores a key made earlier.
 * Every instance reloads the table on a schedule, so they all publish and sign alike.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** Verifiers accept tokens up to 30 s past expiry; a little more here. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final TokenProperties properties;
    private final SigningKeyStore store;
    private final Clock clock;
    private final KeySealing sealing;
    private final RSAKey configured;
    private final Map<String, RSAKey> opened = new HashMap<>();
    private final AtomicReference<PreparedKey> next = new AtomicReference<>();
    private volatile List<LoadedKey> keys = List.of();

    public SigningKeys(TokenProperties properties, SigningKeyStore store, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.clock = clock;
        if (!properties.getPrivateKeyPem().isBlank()) {
            this.configured = RsaPem.toJwk(properties.getPrivateKeyPem());
            this.sealing = null;
            log.info("Signing tokens with the configured key {} (JWT_PRIVATE_KEY_PEM; no rotation here)",
                    configured.getKeyID());
        } else {
            this.configured = null;
            this.sealing = new KeySealing(properties.getKeyEncryptionKey());
            store.exclusively(this::adoptPlainTextKeyOrCreateFirst);
            reload();
            log.info("Signing tokens with the stored key {} ({} published; rotation every {})", signer().getKeyID(),
                    published().size(), properties.getKeyRotationInterval());
        }
    }

    /** The key that signs now. */
    public RSAKey signer() {
        if (configured != null) {
            return configured;
        }
        Instant now = clock.instant();
        LoadedKey signer = null;
        for (LoadedKey key : keys) {
            if (!key.signsFrom.isAfter(now)) {
                signer = key;
            }
        }
        if (signer == null) {
            throw new IllegalStateException("No token signing key is active");
        }
        return signer.key;
    }

    /** Public halves of the keys a verifier must know now: the next, the current and the still-valid previous. */
    public List<JWK> published() {
        if (configured != null) {
            return List.of(configured.toPublicJWK());
        }
        Instant now = clock.instant();
        List<LoadedKey> snapshot = keys;
        List<JWK> published = new ArrayList<>();
        for (int i = 0; i < snapshot.size(); i++) {
            if (stillNeeded(snapshot, i, now)) {
                published.add(snapshot.get(i).key.toPublicJWK());
            }
        }
        return published;
    }

    /** The published keys as a source for verifying this service's own tokens. */
    public JWKSource<SecurityContext> verificationKeys() {
        return (selector, context) -> selector.select(new JWKSet(published()));
    }

    /**
     * Makes the next key (signing from an activation delay on), unless one is already waiting: that one is
     * answered instead.
     */
    public Rotation rotate() {
        if (configured != null) {
            throw new IllegalStateException("The signing key comes from JWT_PRIVATE_KEY_PEM: rotate it there");
        }
        Rotation rotation = store.exclusively(() -> {
            Instant now = clock.instant();
            Optional<StoredKey> waiting = store.all().stream().filter(key -> key.signsFrom.isAfter(now)).findFirst();
            if (waiting.isPresent()) {
                return new Rotation(waiting.get().kid, waiting.get().signsFrom, false);
            }
            StoredKey created = create(now, now.plus(properties.getKeyActivationDelay()));
            return new Rotation(created.kid, created.signsFrom, true);
        });
        reload();
        if (rotation.isNew()) {
            log.info("New token signing key {} published; it signs from {}", rotation.getKid(),
                    rotation.getSignsFrom());
        }
        return rotation;
    }

    /** The id of the key the next rotation will publish, once it has been made ahead. */
    public Optional<String> nextKeyId() {
        return Optional.ofNullable(next.get()).map(prepared -> prepared.key.getKeyID());
    }

    /**
     * Reloads the table, rotates when due, deletes keys no token can need any more, and makes the next key ahead if
     * none is ready.
     */
    @Scheduled(fixedDelayString = "${member.token.key-check-interval-ms:10000}",
            initialDelayString = "${member.token.key-check-interval-ms:10000}")
    public void maintain() {
        if (configured != null) {
            return;
        }
        reload();
        Instant now = clock.instant();
        List<LoadedKey> snapshot = keys;
        LoadedKey newest = snapshot.get(snapshot.size() - 1);
        if (!newest.createdAt.plus(properties.getKeyRotationInterval()).isAfter(now)) {
            rotate();
            snapshot = keys;
        }
        for (int i = 0; i < snapshot.size(); i++) {
            if (!stillNeeded(snapshot, i, now)) {
                store.delete(snapshot.get(i).key.getKeyID());
                log.info("Token signing key {} deleted: the last token it signed has expired",
                        snapshot.get(i).key.getKeyID());
            }
        }
        reload();
        if (next.get() == null) {
            next.compareAndSet(null, prepare());
        }
    }

    private boolean stillNeeded(List<LoadedKey> snapshot, int index, Instant now) {
        if (index + 1 >= snapshot.size()) {
            return true;
        }
        Instant retired = snapshot.get(index + 1).signsFrom;
        return retired.isAfter(now) || retired.plus(properties.getTtl()).plus(CLOCK_SKEW).isAfter(now);
    }

    private synchronized void remember(RSAKey key) {
        opened.put(key.getKeyID(), key);
    }

    private synchronized void reload() {
        List<LoadedKey> loaded = new ArrayList<>();
        for (StoredKey stored : store.all()) {
            RSAKey key = opened.computeIfAbsent(stored.kid, kid -> RsaPem.toJwk(sealing.open(kid, stored.sealed)));
            loaded.add(new LoadedKey(key, stored.createdAt, stored.signsFrom));
        }
        opened.keySet().retainAll(loaded.stream().map(key -> key.key.getKeyID()).collect(Collectors.toSet()));
        keys = List.copyOf(loaded);
    }

    private Void adoptPlainTextKeyOrCreateFirst() {
        store.plainTextKey().ifPresent(plain -> {
            RSAKey key = RsaPem.toJwk(plain.pem);
            if (store.all().stream().noneMatch(stored -> stored.kid.equals(key.getKeyID()))) {
                store.insert(new StoredKey(key.getKeyID(), sealing.seal(key.getKeyID(), plain.pem),
                        plain.createdAt, plain.createdAt));
            }
            store.deletePlainTextKeys();
            log.info("The plain-text signing key {} is now stored sealed", key.getKeyID());
        });
        if (store.all().isEmpty()) {
            Instant now = clock.instant();
            create(now, now);
        }
        return null;
    }

    /** Uses the key made ahead if there is one (each is used once), else makes one now. */
    private StoredKey create(Instant now, Instant signsFrom) {
        PreparedKey prepared = Optional.ofNullable(next.getAndSet(null)).orElseGet(this::prepare);
        String kid = prepared.key.getKeyID();
        // Whole milliseconds: the database keeps microseconds, rounded, which could put a key a moment in the future.
        StoredKey key = new StoredKey(kid, prepared.sealed, now.truncatedTo(ChronoUnit.MILLIS),
                signsFrom.truncatedTo(ChronoUnit.MILLIS));
        store.insert(key);
        // Known already: no need to open what was just sealed (a second key derivation) when the table is reloaded.
        remember(prepared.key);
        return key;
    }

    private PreparedKey prepare() {
        String pem = RsaPem.generate();
        RSAKey key = RsaPem.toJwk(pem);
        return new PreparedKey(key, sealing.seal(key.getKeyID(), pem));
    }

    private static final class PreparedKey {
        final RSAKey key;
        final String sealed;

        PreparedKey(RSAKey key, String sealed) {
            this.key = key;
            this.sealed = sealed;
        }
    }

    private static final class LoadedKey {
        final RSAKey key;
        final Instant createdAt;
        final Instant signsFrom;

        LoadedKey(RSAKey key, Instant createdAt, Instant signsFrom) {
            this.key = key;
            this.createdAt = createdAt;
            this.signsFrom = signsFrom;
        }
    }

    /** The key a rotation made, or the one already waiting. */
    public static final class Rotation {
        private final String kid;
        private final Instant signsFrom;
        private final boolean isNew;

        Rotation(String kid, Instant signsFrom, boolean isNew) {
            this.kid = kid;
            this.signsFrom = signsFrom;
            this.isNew = isNew;
        }

        public String getKid() {
            return kid;
        }

        public Instant getSignsFrom() {
            return signsFrom;
        }

        public boolean isNew() {
            return isNew;
        }
    }
}
