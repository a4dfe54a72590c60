package dev.msakit.platform.domain;

/**
 * A rule of the domain refused what was asked: nothing of the web in it (no status code), so that domain code does
 * not depend on how it is served. The web starter answers it as problem+json (ProblemExceptionHandler: not found 404,
 * conflict 409, invalid 400, unprocessable 422, not authenticated 401), and a message consumer dead-letters a message
 * it refuses at once (retrying cannot change a rule's answer).
 */
public final class DomainException extends RuntimeException {

    /** What kind of refusal this is. */
    public enum Kind {
        /** What the request names does not exist (for this caller). */
        NOT_FOUND,
        /** The state of what it names forbids it now. */
        CONFLICT,
        /** The request contradicts itself. */
        INVALID,
        /** Well formed, but it refers to something that cannot be used (a product not on sale). */
        UNPROCESSABLE,
        /** The credentials given are not right. */
        NOT_AUTHENTICATED
    }

    private final Kind kind;

    private DomainException(Kind kind, String detail) {
        super(detail);
        this.kind = kind;
    }

    public Kind getKind() {
        return kind;
    }

    public static DomainException notFound(String detail) {
        return new DomainException(Kind.NOT_FOUND, detail);
    }

    public static DomainException conflict(String detail) {
        return new DomainException(Kind.CONFLICT, detail);
    }

    public static DomainException invalid(String detail) {
        return new DomainException(Kind.INVALID, detail);
    }

    public static DomainException unprocessable(String detail) {
        return new DomainException(Kind.UNPROCESSABLE, detail);
    }

    public static DomainException notAuthenticated(String detail) {
        return new DomainException(Kind.NOT_AUTHENTICATED, detail);
    }
}
