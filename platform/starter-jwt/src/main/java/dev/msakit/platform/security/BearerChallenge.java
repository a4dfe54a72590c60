package dev.msakit.platform.security;

/**
 * The WWW-Authenticate value of a 401 (RFC 6750 §3): a bare challenge when no token came, and
 * {@code error="invalid_token"} when one came and was refused, so a client library knows to get a new token rather
 * than to ask the user. The gateway and every service answer the same.
 */
public final class BearerChallenge {

    private static final String REALM = "Bearer realm=\"msa-kit\"";

    private BearerChallenge() {
    }

    public static String missingToken() {
        return REALM;
    }

    /** The description must be plain: RFC 6750 allows no quotes or backslashes in it. */
    public static String invalidToken(String description) {
        return REALM + ", error=\"invalid_token\", error_description=\""
                + description.replaceAll("[^\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]", "") + "\"";
    }
}
