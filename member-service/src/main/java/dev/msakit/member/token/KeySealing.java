package dev.msakit.member.token;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals the token signing keys before they reach the database: AES-256-GCM under a key derived (PBKDF2-SHA256) from
 * the secret in JWT_KEY_ENCRYPTION_KEY, with a random salt and nonce per sealed value and the key id as associated
 * data, so a database dump or backup alone cannot sign tokens, and a sealed value moved to another row fails to open.
 * Format: {@code v1.<salt>.<nonce>.<ciphertext+tag>}, each part base64url.
 */
final class KeySealing {

    private static final String VERSION = "v1";
    private static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final char[] secret;
    private final SecureRandom random = new SecureRandom();

    KeySealing(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalStateException("JWT_KEY_ENCRYPTION_KEY (member.token.key-encryption-key) must be set to a"
                    + " secret of at least 16 characters: it encrypts the token signing keys kept in the database"
                    + " (or supply the signing key itself in JWT_PRIVATE_KEY_PEM)");
        }
        this.secret = secret.toCharArray();
    }

    String seal(String keyId, String plaintext) {
        byte[] salt = randomBytes(SALT_BYTES);
        byte[] nonce = randomBytes(NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, salt, nonce, keyId);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return String.join(".", VERSION, b64.encodeToString(salt), b64.encodeToString(nonce),
                    b64.encodeToString(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt the signing key " + keyId, e);
        }
    }

    String open(String keyId, String sealed) {
        String[] parts = sealed.split("\\.");
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("The stored signing key " + keyId + " is not in the sealed format");
        }
        Base64.Decoder b64 = Base64.getUrlDecoder();
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, b64.decode(parts[1]), b64.decode(parts[2]), keyId);
            return new String(cipher.doFinal(b64.decode(parts[3])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt the stored signing key " + keyId
                    + ": is JWT_KEY_ENCRYPTION_KEY the one it was stored with?", e);
        }
    }

    private Cipher cipher(int mode, byte[] salt, byte[] nonce, String keyId) throws GeneralSecurityException {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(secret, salt, ITERATIONS, 256)).getEncoded();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
