package dev.msakit.release.canary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's picture: per interval and role, p50 and p99 latency (top) and error rate (bottom), the share on
 * top of each interval and the decision's colour underneath. Plain SVG, no library: it opens in any browser.
 */
public final class CanaryPlot {

    private static final int WIDTH = 760;
    private static final int PANEL = 200;
    private static final int LEFT = 60;
    private static final int TOP = 40;
    private static final String[] ROLES = {"baseline", "canary", "prod"};
    private static final Map<String, String> COLOURS = Map.of("baseline", "#1f77b4", "canary", "#d62728",
            "prod", "#7f7f7f");

    private CanaryPlot() {
    }

    @SuppressWarnings("unchecked")
    public static String svg(Map<String, Object> release) {
        List<Map<String, Object>> intervals = (List<Map<String, Object>>) release.get("intervals");
        int n = Math.max(1, intervals.size());
        double maxLatency = 1;
        double maxErrors = 0.01;
        for (Map<String, Object> row : intervals) {
            for (String role : ROLES) {
                Map<String, Object> numbers = (Map<String, Object>) row.get(role);
                maxLatency = Math.max(maxLatency, value(numbers.get("p99Ms")));
                maxErrors = Math.max(maxErrors, value(numbers.get("errorRate")));
            }
        }
        StringBuilder svg = new StringBuilder();
        int height = TOP + 2 * PANEL + 90;
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">%s release %s: %s</text>%n",
                LEFT, escape(release.get("service")), release.get("id"), escape(release.get("status"))));
        double step = (WIDTH - LEFT - 20.0) / n;
        panel(svg, intervals, step, TOP, maxLatency, "latency ms (solid p50, dashed p99)", true);
        panel(svg, intervals, step, TOP + PANEL + 40, maxErrors, "error rate", false);
        int legendY = TOP + 2 * PANEL + 70;
        for (int i = 0; i < ROLES.length; i++) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"%s\">%s</text>%n",
                    LEFT + i * 90, legendY, COLOURS.get(ROLES[i]), ROLES[i]));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    @SuppressWarnings("unchecked")
    private static void panel(StringBuilder svg, List<Map<String, Object>> intervals, double step, int top,
                              double max, String title, boolean latency) {
        int bottom = top + PANEL;
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s (max %s)</text>%n", LEFT, top - 6, title,
                latency ? String.format(Locale.ROOT, "%.0f", max) : String.format(Locale.ROOT, "%.2f%%", 100 * max)));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#ccc\"/>%n", LEFT, top, step * Math.max(1, intervals.size()), PANEL));
        for (int i = 0; i < intervals.size(); i++) {
            Map<String, Object> row = intervals.get(i);
            double x = LEFT + step * i;
            if (latency) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" fill=\"#555\">%s%% %s</text>%n",
                        x + 2, bottom + 12, row.get("share"), escape(row.get("classification") == null ? ""
                                : row.get("classification"))));
            }
        }
        for (String role : ROLES) {
            for (String quantile : latency ? new String[]{"p50Ms", "p99Ms"} : new String[]{"errorRate"}) {
                List<String> points = new ArrayList<>();
                for (int i = 0; i < intervals.size(); i++) {
                    Object v = ((Map<String, Object>) intervals.get(i).get(role)).get(quantile);
                    if (v != null) {
                        points.add(String.format(Locale.ROOT, "%.1f,%.1f", LEFT + step * (i + 0.5),
                                bottom - PANEL * value(v) / max));
                    }
                }
                if (!points.isEmpty()) {
                    svg.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\""
                            + "%s points=\"%s\"/>%n", COLOURS.get(role),
                            "p99Ms".equals(quantile) ? " stroke-dasharray=\"5,3\"" : "", String.join(" ", points)));
                }
            }
        }
    }

    private static double value(Object number) {
        return number instanceof Number ? ((Number) number).doubleValue() : 0;
    }

    private static String escape(Object text) {
        return String.valueOf(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
