package dev.msakit.gateway.migration;

/** Who serves a feature. */
public enum Mode {
    /** The legacy shop, for everyone. */
    LEGACY,
    /** The new service, for everyone. */
    NEW,
    /** The new service for a sticky share of members (anonymous clients by cookie), the legacy shop for the rest. */
    PERCENT,
    /** The legacy shop answers; safe reads are replayed to the new service off the request path and compared. */
    SHADOW
}
