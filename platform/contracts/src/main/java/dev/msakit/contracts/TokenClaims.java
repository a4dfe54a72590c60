package dev.msakit.contracts;

/**
 * The access token as member-service issues it and every other process reads it: RS256, issuer {@link #ISSUER}
 * unless JWT_ISSUER says otherwise, the member id (or a service's client id) as subject, roles in {@link #ROLES}.
 */
public final class TokenClaims {

    /** The issuer when JWT_ISSUER is not set. */
    public static final String ISSUER = "msa-kit";
    /** A JSON array of role names (see {@link Roles}). */
    public static final String ROLES = "roles";

    private TokenClaims() {
    }
}
