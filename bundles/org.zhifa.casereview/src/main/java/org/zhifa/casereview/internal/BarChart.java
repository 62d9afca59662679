package org.zhifa.casereview.internal;

import java.util.List;

import org.zhifa.api.casereview.CaseStatistics.Count;

/**
 * A horizontal bar chart as inline SVG (Vaadin 8 has no free chart component). Every label is escaped;
 * each bar carries its value as visible text, a {@code <title>} and {@code data-*} attributes, so screen
 * readers and tests read the same numbers the bars show.
 */
final class BarChart {
    static final int ROW = 24;
    static final int LABEL = 230;
    static final int BAR = 360;

    private BarChart() {}

    static String svg(String id, String caption, List<Count> counts, java.util.Locale locale) {
        long max = counts.stream().mapToLong(Count::count).max().orElse(0);
        int height = Math.max(1, counts.size()) * ROW + 8;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"zhifa-chart\" id=\"").append(escape(id))
                .append("\" role=\"img\" aria-label=\"").append(escape(caption)).append("\" width=\"")
                .append(LABEL + BAR + 70).append("\" height=\"").append(height).append("\">");
        b.append("<title>").append(escape(caption)).append("</title>");
        int y = 4;
        for (Count c : counts) {
            String label = c.title(locale);
            int w = max == 0 ? 0 : (int) Math.round((double) BAR * c.count() / max);
            b.append("<g class=\"bar\" data-key=\"").append(escape(c.key())).append("\" data-label=\"")
                    .append(escape(label)).append("\" data-count=\"").append(c.count()).append("\">");
            b.append("<title>").append(escape(label)).append(": ").append(c.count()).append("</title>");
            b.append("<text x=\"").append(LABEL - 6).append("\" y=\"").append(y + 16)
                    .append("\" text-anchor=\"end\" font-size=\"13\">").append(escape(label)).append("</text>");
            b.append("<rect x=\"").append(LABEL).append("\" y=\"").append(y + 3).append("\" width=\"").append(w)
                    .append("\" height=\"").append(ROW - 6).append("\" fill=\"#197de1\"></rect>");
            b.append("<text class=\"value\" x=\"").append(LABEL + w + 6).append("\" y=\"").append(y + 16)
                    .append("\" font-size=\"13\">").append(c.count()).append("</text>");
            b.append("</g>");
            y += ROW;
        }
        return b.append("</svg>").toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
