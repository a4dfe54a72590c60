package dev.msakit.contracts;

import java.util.Locale;
import java.util.regex.Pattern;

/** Order ids are UUIDs in their canonical 8-4-4-4-12 hexadecimal form; stored and compared in lower case. */
public final class OrderIds {

    /** For Bean Validation's {@code @Pattern} and anything else that wants the same rule as a regular expression. */
    public static final String PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private OrderIds() {
    }

    public static boolean isValid(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }

    /** The stored form of a valid id; callers check {@link #isValid} first. */
    public static String normalize(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
