package dev.msakit.contracts;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What both ordering sides agree on about a request to place an order, so an Idempotency-Key means the same on
 * either side: a retry with the same key and the same items gets the first order; the same key with other items is
 * refused (422).
 */
public final class OrderRequests {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** On the answer to a retry: the order is the one the first request created. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    /** Visible ASCII, as the IETF Idempotency-Key draft's examples (UUIDs, random strings) are. */
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private OrderRequests() {
    }

    /**
     * The id of the order a member's request with this key creates, the same on both sides: a retry that reaches the
     * other side before the first order's copy does creates an order with the same id, and the two are settled as
     * one (the new side's stands; the legacy shop gives its own up). A request without a key gets a random id.
     */
    public static String orderId(long memberId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID().toString();
        }
        return UUID.nameUUIDFromBytes(("order/" + memberId + "/" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** Null (no key) is valid; a key is 1 to 255 visible ASCII characters. */
    public static boolean isValidKey(String key) {
        return key == null || VALID_KEY.matcher(key).matches();
    }

    public static String invalidKeyMessage() {
        return IDEMPOTENCY_KEY + " must be 1 to 255 visible ASCII characters";
    }

    /**
     * The items and quantities (product id to quantity), in product order: the same whatever order the client
     * listed them in. Hex SHA-256, 64 characters.
     */
    public static String fingerprint(Map<Long, Integer> quantities) {
        String canonical = new TreeMap<>(quantities).entrySet().stream()
                .map(e -> e.getKey() + "x" + e.getValue()).collect(Collectors.joining(","));
        try {
            return String.format("%064x", new BigInteger(1, MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
