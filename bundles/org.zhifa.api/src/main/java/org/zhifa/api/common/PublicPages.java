package org.zhifa.api.common;

import java.util.Locale;

/**
 * What every public page (the bureau's /gongshi/, the city's /city/) needs to stay safe: escaping for HTML
 * and a refusal of request paths that try to leave the site.
 *
 * @since 1.2
 */
public final class PublicPages {

    private PublicPages() {}

    /** HTML-escapes text for element content and quoted attribute values; control characters become U+FFFD. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\n' && c != '\r' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }

    /**
     * Whether a raw request URI carries a path trick: encoded slashes, backslashes or dots, NUL, {@code ..},
     * an empty segment or a path parameter. Such a request is answered 404 before any routing.
     */
    public static boolean trickyPath(String rawUri) {
        if (rawUri == null) {
            return false;
        }
        String u = rawUri.toLowerCase(Locale.ROOT);
        return u.contains("%2f") || u.contains("%5c") || u.contains("%2e") || u.contains("%00") || u.contains("..")
                || u.contains("\\") || u.contains("//") || u.contains(";");
    }
}
