package org.zhifa.gongshi.internal;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletResponse;
import org.zhifa.api.common.PublicPages;
import org.zhifa.api.site.PublicSection;

/** Escaping, security headers and the page frame every public page shares. */
final class Html {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Html() {}

    /** HTML-escapes text for element content and quoted attribute values. */
    static String esc(String s) {
        return PublicPages.escape(s);
    }

    /** XML-escapes text for the feed: like {@link #esc} and drops what XML 1.0 cannot carry at all. */
    static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    boolean legal = cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                            || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
                    if (legal) {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        return sb.toString();
    }

    static String nonce() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /**
     * Security headers of every page: no script at all, or only the one carrying {@code nonce}; styles and
     * images from the site only.
     */
    static void headers(HttpServletResponse resp, String nonce) {
        headers(nonce).forEach(resp::setHeader);
    }

    static Map<String, String> headers(String nonce) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
                + (nonce == null ? "" : "script-src 'nonce-" + nonce + "'; ")
                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("Referrer-Policy", "same-origin");
        h.put("X-Frame-Options", "DENY");
        return h;
    }

    /**
     * The page frame up to the opening of {@code <main>}: skip link, header with the bureau, site navigation
     * with the sections other bundles add after the site's own.
     */
    static void open(PrintWriter w, Texts t, String bureau, String title, String current, List<PublicSection> sections) {
        String q = t.english() ? "?lang=en" : "";
        w.println("<!DOCTYPE html><html lang=\"" + t.lang() + "\"><head><meta charset=\"UTF-8\">");
        w.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.println("<title>" + esc(title) + " - " + esc(bureau) + "</title>");
        w.println("<link rel=\"stylesheet\" href=\"/gongshi/site.css\">");
        w.println("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"" + esc(t.get("feed.title"))
                + "\" href=\"/gongshi/feed.atom\"></head><body>");
        w.println("<a class=\"skip\" href=\"#main\">" + esc(t.get("skip")) + "</a>");
        w.println("<header class=\"site\"><p class=\"bureau\">" + esc(bureau) + "</p><p class=\"site-name\">"
                + esc(t.get("site.name")) + "</p>");
        w.println("<nav aria-label=\"" + esc(t.get("nav.label")) + "\"><ul>");
        String[][] items = {{"home", "/gongshi/"}, {"decisions", "/gongshi/decisions"}, {"notices", "/gongshi/notices"},
                {"catalogues", "/gongshi/catalogues"}, {"withdrawals", "/gongshi/withdrawals"},
                {"certificates", "/gongshi/certificates"}, {"record", "/gongshi/record"}, {"board", "/gongshi/dating"}};
        for (String[] i : items) {
            boolean here = i[0].equals(current);
            w.println("<li><a href=\"" + i[1] + (i[0].equals("board") ? "" : q) + "\"" + (here ? " aria-current=\"page\"" : "")
                    + " id=\"nav-" + i[0] + "\">" + esc(t.get("nav." + i[0])) + "</a></li>");
        }
        for (PublicSection s : sections) {
            w.println("<li><a href=\"" + esc(s.path()) + q + "\"" + (s.id().equals(current) ? " aria-current=\"page\"" : "")
                    + " id=\"nav-" + esc(s.id()) + "\">" + esc(s.label(t.locale)) + "</a></li>");
        }
        w.println("</ul></nav></header>");
        w.println("<main id=\"main\" tabindex=\"-1\">");
    }

    static void close(PrintWriter w, Texts t) {
        w.println("</main><footer class=\"site\"><p>" + esc(t.get("footer")) + "</p><p><a href=\"/gongshi/feed.atom\">"
                + esc(t.get("feed.link")) + "</a> · <a href=\"?lang=zh\" lang=\"zh-CN\">中文</a> · "
                + "<a href=\"?lang=en\" lang=\"en\">English</a></p></footer></body></html>");
    }
}
