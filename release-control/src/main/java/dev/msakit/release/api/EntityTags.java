package dev.msakit.release.api;

import dev.msakit.contracts.release.RoutingTable;

import java.util.OptionalLong;

/** The revisions and versions this service hands out as strong ETags ("12"), and reads back from If-* headers. */
public final class EntityTags {

    private EntityTags() {
    }

    public static String of(long version) {
        return RoutingTable.etag(version);
    }

    /**
     * The number an If-Match or If-None-Match header names; empty without the header. A header that names no
     * number of ours (a weak tag, a list, garbage) yields -1: it matches nothing, as RFC 7232 wants of unknown tags.
     */
    public static OptionalLong revisionOf(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        String tag = header.trim();
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            return OptionalLong.of(-1);
        }
    }
}
