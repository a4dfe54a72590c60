package dev.msakit.member.token;

import com.nimbusds.jose.jwk.RSAKey;
import dev.msakit.member.domain.SigningKey;
import dev.msakit.member.domain.SigningKeyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The key tokens are signed with: the configured one, or else the one kept in the database, generated at first
 * start. Kept rather than regenerated so tokens stay valid across restarts and every instance signs alike.
 */
@Component
public class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final RSAKey current;

    public SigningKeys(TokenProperties properties, SigningKeyRepository repository) {
        if (!properties.getPrivateKeyPem().isBlank()) {
            this.current = RsaPem.toJwk(properties.getPrivateKeyPem());
            log.info("Signing tokens with the configured key {}", current.getKeyID());
        } else {
            this.current = RsaPem.toJwk(storedOrGenerated(repository));
            log.info("Signing tokens with the stored key {} (set JWT_PRIVATE_KEY_PEM to supply one)",
                    current.getKeyID());
        }
    }

    private static String storedOrGenerated(SigningKeyRepository repository) {
        return repository.findById(SigningKey.CURRENT).map(SigningKey::getPrivateKeyPem).orElseGet(() -> {
            try {
                return repository.saveAndFlush(new SigningKey(SigningKey.CURRENT, RsaPem.generate()))
                        .getPrivateKeyPem();
            } catch (DataIntegrityViolationException otherInstanceWon) {
                return repository.findById(SigningKey.CURRENT).orElseThrow().getPrivateKeyPem();
            }
        });
    }

    public RSAKey current() {
        return current;
    }
}
