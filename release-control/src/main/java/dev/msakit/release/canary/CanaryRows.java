package dev.msakit.release.canary;


import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A release's intervals as terminal lines, one per interval (what ./msa canary prints live). */
public final class CanaryRows {

    static final String HEADER = String.format(Locale.ROOT, "%-3s %5s  %-30s %-30s %-16s %s", "#", "share",
            "baseline: req err p50/p99 ms", "canary: req err p50/p99 ms", "verdict", "decision (latency shift)");

    private CanaryRows() {
    }

    @SuppressWarnings("unchecked")
    public static String text(Map<String, Object> release) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Map<String, Object> row : (List<Map<String, Object>>) release.get("intervals")) {
            Object classification = row.get("classification");
            String verdict = classification == null ? "-" : classification + " " + row.get("score");
            text.append(String.format(Locale.ROOT, "%-3s %4s%%  %-30s %-30s %-16s %s%s%n", row.get("interval"),
                    row.get("share"), role((Map<String, Object>) row.get("baseline")),
                    role((Map<String, Object>) row.get("canary")), verdict, row.get("decision"),
                    shift((List<Map<String, Object>>) row.get("metrics"))));
        }
        text.append(String.format(Locale.ROOT, "status %s: %s%n", release.get("status"), release.get("reason")));
        return text.toString();
    }

    private static String role(Map<String, Object> numbers) {
        return String.format(Locale.ROOT, "%5d %5.1f%% %6s/%-6s", ((Number) numbers.get("requests")).longValue(),
                100 * ((Number) numbers.get("errorRate")).doubleValue(), ms(numbers.get("p50Ms")),
                ms(numbers.get("p99Ms")));
    }

    private static String ms(Object value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.0f", ((Number) value).doubleValue());
    }

    @SuppressWarnings("unchecked")
    private static String shift(List<Map<String, Object>> metrics) {
        if (metrics == null) {
            return "";
        }
        for (Map<String, Object> metric : metrics) {
            Map<String, Object> numbers = (Map<String, Object>) metric.get("numbers");
            Object shift = numbers.get("shiftMs");
            if (shift != null) {
                return String.format(Locale.ROOT, " (%+.1f ms, p=%.3f)", ((Number) shift).doubleValue(),
                        ((Number) numbers.get("p")).doubleValue());
            }
        }
        return "";
    }
}
