package org.selfkms.console.overview;

import com.vaadin.flow.component.Html;
import java.util.List;
import java.util.Locale;
import org.selfkms.api.audit.AuditActivity;

/**
 * Charts drawn on the server as SVG, so that the console needs no chart library in its pre-compiled frontend
 * bundle. The SVG sits inside a div because {@link Html} creates its root element by tag name, which would make an
 * {@code svg} root an unknown HTML element; as the div's inner HTML it is parsed into the SVG namespace. Colours are
 * Lumo's, so they follow the light or dark theme. Every text is XML-escaped: action names and key ids come from
 * requests.
 */
final class SvgChart {

    private static final String ALLOWED = "var(--lumo-primary-color)";
    private static final String REFUSED = "var(--lumo-error-color)";

    /** One bar of a bar chart: a label, what was allowed and what was refused (0 for plain counts). */
    record Bar(String label, long value, long refused) {
    }

    private SvgChart() {
    }

    /** Horizontal bars, longest scale = the largest total; the refused part drawn in the error colour. */
    static Html bars(String id, String title, List<Bar> bars) {
        int rowHeight = 22;
        int labelWidth = 270;
        int width = 560;
        int height = Math.max(rowHeight, bars.size() * rowHeight) + 4;
        long max = Math.max(1, bars.stream().mapToLong(bar -> bar.value() + bar.refused()).max().orElse(1));
        StringBuilder svg = open(id, title, width, height);
        int y = 2;
        for (Bar bar : bars) {
            double scale = (width - labelWidth - 130) / (double) max;
            double allowedWidth = bar.value() * scale;
            double refusedWidth = bar.refused() * scale;
            svg.append(text(4, y + 15, shorten(bar.label(), 36), "start"));
            svg.append(rect(labelWidth, y + 3, allowedWidth, rowHeight - 6, ALLOWED));
            svg.append(rect(labelWidth + allowedWidth, y + 3, refusedWidth, rowHeight - 6, REFUSED));
            String value = bar.refused() > 0 ? bar.value() + bar.refused() + " (" + bar.refused() + " refused)"
                    : String.valueOf(bar.value());
            svg.append(text(labelWidth + allowedWidth + refusedWidth + 6, y + 15, value, "start"));
            y += rowHeight;
        }
        return close(svg);
    }

    /** Columns over time, allowed below refused, with the first and last bucket's time under them. */
    static Html timeline(String id, String title, AuditActivity activity, String firstLabel, String lastLabel) {
        int width = 520;
        int height = 140;
        int chartHeight = 110;
        List<AuditActivity.Count> buckets = activity.buckets();
        long max = Math.max(1, buckets.stream().mapToLong(AuditActivity.Count::total).max().orElse(1));
        double columnWidth = (width - 50) / (double) Math.max(1, buckets.size());
        StringBuilder svg = open(id, title, width, height);
        svg.append(text(0, 12, String.valueOf(max), "start"));
        svg.append(text(0, chartHeight, "0", "start"));
        for (int i = 0; i < buckets.size(); i++) {
            AuditActivity.Count bucket = buckets.get(i);
            double x = 44 + i * columnWidth;
            double allowedHeight = chartHeight * bucket.allowed() / (double) max;
            double refusedHeight = chartHeight * bucket.refused() / (double) max;
            svg.append(rect(x, chartHeight - allowedHeight, Math.max(1, columnWidth - 1), allowedHeight, ALLOWED));
            svg.append(rect(x, chartHeight - allowedHeight - refusedHeight, Math.max(1, columnWidth - 1), refusedHeight, REFUSED));
        }
        svg.append(text(44, height - 8, firstLabel, "start"));
        svg.append(text(width - 4, height - 8, lastLabel, "end"));
        return close(svg);
    }

    private static StringBuilder open(String id, String title, int width, int height) {
        return new StringBuilder("<div id=\"").append(escape(id)).append("\">")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"").append(escape(title))
                .append("\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" style=\"font: var(--lumo-font-size-s) var(--lumo-font-family); fill: var(--lumo-body-text-color); max-width: 100%\">")
                .append("<title>").append(escape(title)).append("</title>");
    }

    private static Html close(StringBuilder svg) {
        return new Html(svg.append("</svg></div>").toString());
    }

    private static String rect(double x, double y, double width, double height, String colour) {
        if (width <= 0 || height <= 0) {
            return "";
        }
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" style=\"fill: %s\"/>",
                x, y, width, height, colour);
    }

    private static String text(double x, double y, String content, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor, escape(content));
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c < 0x20 ? '?' : c);
            }
        }
        return out.toString();
    }
}
