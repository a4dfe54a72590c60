package dev.msakit.gateway.migration;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two answers to the same read, as Diffy does: the status, the compared headers and the JSON body, field by
 * field ("status", "header content-type", "$.content[0].price"), minus the feature's ignored fields. Which
 * differences are noise (legacy differing from itself: timestamps, random ids) is judged on rates, by
 * {@link ShadowStatsTable}.
 */
public final class ShadowComparison {

    public static final String STATUS = "status";
    public static final String HEADER = "header ";

    private ShadowComparison() {
    }

    /** The fields where two answers differ, sorted. */
    public static Set<String> differingFields(ShadowAnswer a, ShadowAnswer b, Set<String> ignoredFields,
                                              List<String> comparedHeaders) {
        Set<String> found = new TreeSet<>();
        if (!Objects.equals(a.status, b.status)) {
            found.add(STATUS);
        }
        for (String header : comparedHeaders) {
            if (!Objects.equals(a.header(header), b.header(header))) {
                found.add(HEADER + header.toLowerCase(Locale.ROOT));
            }
        }
        if (a.body != null || b.body != null) {
            diff("$", a.body, b.body, ignoredFields, found);
        }
        return found;
    }

    /** A field with its array indexes as [*]: the same field of every element counts as one. */
    public static String pattern(String field) {
        return field.replaceAll("\\[\\d+]", "[*]");
    }

    private static void diff(String path, JsonNode a, JsonNode b, Set<String> ignored, Set<String> out) {
        if (a == null || b == null || a.isMissingNode() || b.isMissingNode()) {
            if (!(isAbsent(a) && isAbsent(b))) {
                out.add(path);
            }
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (!ignored.contains(name)) {
                    diff(path + "." + name, a.get(name), b.get(name), ignored, out);
                }
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            Iterator<JsonNode> left = a.elements();
            Iterator<JsonNode> right = b.elements();
            int i = 0;
            while (left.hasNext() || right.hasNext()) {
                diff(path + "[" + i++ + "]", left.hasNext() ? left.next() : null,
                        right.hasNext() ? right.next() : null, ignored, out);
            }
            return;
        }
        if (a.isNumber() && b.isNumber()) {
            // 12.5 and 12.50 are the same price.
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                out.add(path);
            }
            return;
        }
        if (!a.equals(b)) {
            out.add(path);
        }
    }

    /** A missing field and an explicit null say the same. */
    private static boolean isAbsent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }
}
