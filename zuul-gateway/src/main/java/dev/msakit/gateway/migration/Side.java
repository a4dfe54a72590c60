package dev.msakit.gateway.migration;

import java.util.Locale;

/** Where one request went; its name, lower-case, is the X-Migration-Target header's value. */
public enum Side {
    LEGACY, NEW;

    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }
}
