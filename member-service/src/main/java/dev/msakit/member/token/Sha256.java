package dev.msakit.member.token;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** What the database keeps instead of a secret or an identifier it need not read: the SHA-256, in hex. */
final class Sha256 {

    private Sha256() {
    }

    static String hex(String text) {
        try {
            return String.format("%064x", new BigInteger(1, MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK has no SHA-256", e);
        }
    }
}
