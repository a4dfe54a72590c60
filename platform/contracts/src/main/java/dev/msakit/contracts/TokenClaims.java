package dev.msakit.contracts;

/**
 * The access token as member-service issues it and every other process reads it (RFC 9068's JWT profile): RS256,
 * header {@code typ: at+jwt}, issuer {@link #ISSUER} unless JWT_ISSUER says otherwise, the member id (or a service's
 * client id) as subject, an audience saying who may accept it, roles in {@link #ROLES}.
 */
public final class TokenClaims {

    /**
     * The issuer when JWT_ISSUER is not set: the public URL of the API under which the discovery document
     * ({@code /.well-known/openid-configuration}) and the key set are published, as ./msa runs the gateway.
     */
    public static final String ISSUER = "http://localhost:8080/api";
    /** The JOSE header type every access token carries (RFC 9068 §2.1); tokens of any other type are refused. */
    public static final String TYPE = "at+jwt";
    /** Audience of a member's token: the public API, accepted by the gateway and every service. */
    public static final String AUDIENCE_API = "msa-kit-api";
    /**
     * Audience of a service account's token: the services' internal calls. The gateway refuses it, so a leaked
     * service token does not open the public API.
     */
    public static final String AUDIENCE_SERVICES = "msa-kit-services";
    /** The OAuth client a token was issued to (RFC 9068 §2.2): the service's client id, or {@link #MEMBER_CLIENT}. */
    public static final String CLIENT_ID = "client_id";
    /** Client id of tokens obtained by a member's own login (the JSON login of the API, not an OAuth client). */
    public static final String MEMBER_CLIENT = "msa-kit-login";
    /** A JSON array of role names (see {@link Roles}). */
    public static final String ROLES = "roles";

    private TokenClaims() {
    }
}
