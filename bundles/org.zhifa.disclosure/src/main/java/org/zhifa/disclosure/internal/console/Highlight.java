package org.zhifa.disclosure.internal.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.zhifa.api.disclosure.Mask;
import org.zhifa.api.disclosure.Redaction;

/**
 * The side-by-side preview as HTML: every character of the stored text is escaped first, and only then are
 * the masks wrapped in {@code <mark>}; nothing a text contains can become markup (C2-style injection safety
 * inside the console).
 */
final class Highlight {

    static final String MANUAL = "MANUAL";

    private Highlight() {}

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The masks in text order, without overlaps or spans outside the text (the first of two overlapping wins). */
    static List<Mask> ordered(Redaction r) {
        int length = r.original() == null ? 0 : r.original().length();
        List<Mask> sorted = new ArrayList<>(r.masks());
        sorted.sort(Comparator.comparingInt(Mask::start).thenComparing(Comparator.comparingInt(Mask::end).reversed()));
        List<Mask> out = new ArrayList<>();
        int pos = 0;
        for (Mask m : sorted) {
            if (m.start() < pos || m.end() <= m.start() || m.end() > length) {
                continue;
            }
            out.add(m);
            pos = m.end();
        }
        return out;
    }

    /** The whole text with the spans that will be masked marked. */
    static String original(Redaction r, Function<String, String> categoryTitle) {
        String text = r.original() == null ? "" : r.original();
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (Mask m : ordered(r)) {
            out.append(escape(text.substring(pos, m.start())));
            out.append(open(m, categoryTitle)).append(escape(text.substring(m.start(), m.end()))).append("</mark>");
            pos = m.end();
        }
        return out.append(escape(text.substring(pos))).toString();
    }

    /**
     * The redacted text with each replacement marked. Built from the original and the masks; when that does
     * not give the service's redacted text (masks it did not report), the redacted text is shown unmarked
     * rather than a reconstruction that differs from what is published.
     */
    static String redacted(Redaction r, Function<String, String> categoryTitle) {
        String text = r.original() == null ? "" : r.original();
        StringBuilder plain = new StringBuilder();
        StringBuilder out = new StringBuilder();
        int pos = 0;
        for (Mask m : ordered(r)) {
            String between = text.substring(pos, m.start());
            String replacement = m.replacement() == null ? "" : m.replacement();
            plain.append(between).append(replacement);
            out.append(escape(between)).append(open(m, categoryTitle)).append(escape(replacement)).append("</mark>");
            pos = m.end();
        }
        plain.append(text.substring(pos));
        out.append(escape(text.substring(pos)));
        String published = r.redacted() == null ? "" : r.redacted();
        return plain.toString().equals(published) ? out.toString() : escape(published);
    }

    private static String open(Mask m, Function<String, String> categoryTitle) {
        String category = m.category() == null ? "" : m.category();
        String cls = MANUAL.equals(category) ? " class=\"zhifa-disc-manual\"" : "";
        return "<mark" + cls + " title=\"" + escape(categoryTitle.apply(category)) + "\">";
    }
}
