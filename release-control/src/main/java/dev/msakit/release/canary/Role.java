package dev.msakit.release.canary;

/** Which part of a release an instance plays (also its Eureka metadata "role"). */
public enum Role {
    /** The instances serving before the release; everyone not in the shares below. */
    PROD,
    /** A freshly started instance of the running version, given the same share as the canary. */
    BASELINE,
    /** The new version. */
    CANARY;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static java.util.Optional<Role> fromLabel(String label) {
        for (Role role : values()) {
            if (role.label().equals(label)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
