package dev.msakit.contracts;

/** The role names tokens carry in {@link TokenClaims#ROLES}. */
public final class Roles {

    /** A signed-up member: its own data and orders. */
    public static final String MEMBER = "MEMBER";
    /** An operator: the catalog and any member. */
    public static final String ADMIN = "ADMIN";
    /** Another service of the suite (a client-credentials token): internal endpoints only. */
    public static final String SERVICE = "SERVICE";

    private Roles() {
    }
}
