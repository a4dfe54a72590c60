package dev.msakit.gateway.migration;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two JSON answers to the same read, as Diffy does: the JSON paths where the new side differs from legacy,
 * minus the feature's ignored fields and minus the noise — paths that differ between two answers of legacy itself
 * (timestamps, random ids), which no candidate could match.
 */
public final class ShadowComparison {

    private ShadowComparison() {
    }

    /** The differing paths ($.content[0].price), sorted; empty when the answers agree. */
    public static List<String> differences(JsonNode legacy, JsonNode legacyAgain, JsonNode candidate,
                                           Set<String> ignoredFields) {
        Set<String> noise = new LinkedHashSet<>();
        if (legacyAgain != null) {
            diff("$", legacy, legacyAgain, ignoredFields, noise);
        }
        Set<String> found = new LinkedHashSet<>();
        diff("$", legacy, candidate, ignoredFields, found);
        Set<String> real = new TreeSet<>();
        for (String path : found) {
            if (!noise.contains(path)) {
                real.add(path);
            }
        }
        return new ArrayList<>(real);
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
