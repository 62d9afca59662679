package org.zhifa.channel.wechat.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.zhifa.api.disclosure.PublicItem;

/**
 * An item as the articles of one WeChat draft: simple HTML with every text escaped; a content at or over the
 * limits (characters, UTF-8 bytes) is split across several articles titled …（一）, …（二）; titles shortened
 * to the title limit by characters, keeping the case number and the head of the title.
 */
final class Articles {
    /** WeChat takes at most eight articles in one draft. */
    static final int MAX_ARTICLES = 8;
    private static final String[] NUMERALS = {"一", "二", "三", "四", "五", "六", "七", "八"};
    private static final String ELLIPSIS = "…";

    /** One article of the draft. */
    record Article(String title, String digest, String content) {}

    /** The content does not fit into {@link #MAX_ARTICLES} articles. */
    static final class TooLong extends Exception {
        final int chars;

        TooLong(int chars) {
            super("content of " + chars + " characters does not fit into " + MAX_ARTICLES + " articles");
            this.chars = chars;
        }
    }

    private Articles() {}

    /**
     * @param images URLs from uploadimg, shown after the text
     * @param link   the item's page on the bureau's site, or null
     */
    static List<Article> of(PublicItem item, List<String> images, String link, Settings s) throws TooLong {
        Texts zh = Texts.of(java.util.Locale.ROOT);
        List<String> head = new ArrayList<>();
        if (notBlank(item.caseNumber())) {
            head.add(p(zh.get("article.caseNumber") + item.caseNumber()));
        }
        if (notBlank(item.partyName())) {
            head.add(p(zh.get("article.party") + item.partyName()));
        }
        if (item.decidedOn() != null) {
            head.add(p(zh.get("article.decidedOn") + item.decidedOn()));
        }
        String footer = link == null ? "" : "<p>" + esc(zh.get("article.link")) + "<a href=\"" + esc(link) + "\">"
                + esc(link) + "</a></p>";
        // room for one block: the limits are strict ("fewer than"), and each part carries the footer
        int roomChars = s.contentChars() - 1 - footer.length();
        int roomBytes = s.contentBytes() - 1 - utf8(footer);
        List<String> blocks = new ArrayList<>(head);
        String text = item.text() == null ? "" : item.text().replace("\r\n", "\n").replace('\r', '\n');
        for (String para : text.split("\n")) {
            if (!para.isBlank()) {
                blocks.addAll(paragraph(para.strip(), roomChars, roomBytes));
            }
        }
        for (String url : images) {
            blocks.add("<p><img src=\"" + esc(url) + "\" alt=\"\"/></p>");
        }
        List<StringBuilder> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int curBytes = 0;
        for (String b : blocks) {
            int bb = utf8(b);
            if (cur.length() > 0 && (cur.length() + b.length() > roomChars || curBytes + bb > roomBytes)) {
                parts.add(cur);
                cur = new StringBuilder();
                curBytes = 0;
            }
            cur.append(b);
            curBytes += bb;
        }
        if (cur.length() > 0 || parts.isEmpty()) {
            parts.add(cur);
        }
        if (parts.size() > MAX_ARTICLES) {
            throw new TooLong(text.length());
        }
        List<Article> out = new ArrayList<>();
        String title = item.title() == null ? "" : item.title();
        for (int i = 0; i < parts.size(); i++) {
            String t = parts.size() == 1 ? shortTitle(title, item.caseNumber(), s.titleLimit())
                    : shortTitle(title, item.caseNumber(), s.titleLimit() - 3) + "（" + NUMERALS[i] + "）";
            String digest = parts.size() == 1 ? digest(text, s.digestLength()) : "";
            out.add(new Article(t, digest, parts.get(i).append(footer).toString()));
        }
        return out;
    }

    /** A paragraph as one or more {@code <p>} blocks, each within the room of one article. */
    static List<String> paragraph(String text, int roomChars, int roomBytes) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder("<p>");
        int bytes = 3;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String e = esc(new String(Character.toChars(cp)));
            int eb = utf8(e);
            if (cur.length() + e.length() + 4 > roomChars || bytes + eb + 4 > roomBytes) {
                out.add(cur.append("</p>").toString());
                cur = new StringBuilder("<p>");
                bytes = 3;
            }
            cur.append(e);
            bytes += eb;
            i += Character.charCount(cp);
        }
        out.add(cur.append("</p>").toString());
        return out;
    }

    /**
     * The title within {@code limit} characters (code points): as it is when it fits; else the case number (when
     * the title holds it) followed by the head of the rest, ending with …
     */
    static String shortTitle(String title, String caseNumber, int limit) {
        String t = title.strip().replaceAll("\\s+", " ");
        if (count(t) <= limit) {
            return t;
        }
        if (notBlank(caseNumber) && t.contains(caseNumber.strip()) && count(caseNumber.strip()) + 3 <= limit) {
            String no = caseNumber.strip();
            String rest = t.replace(no, "").strip().replaceAll("^[\\s:：,，、-]+", "").replaceAll("\\s+", " ");
            return no + " " + head(rest, limit - count(no) - 2) + ELLIPSIS;
        }
        return head(t, limit - 1) + ELLIPSIS;
    }

    static String digest(String text, int limit) {
        String plain = text.strip().replaceAll("\\s+", " ");
        return count(plain) <= limit ? plain : head(plain, Math.max(0, limit - 1)) + ELLIPSIS;
    }

    /** The first {@code n} code points. */
    static String head(String s, int n) {
        if (n <= 0) {
            return "";
        }
        return count(s) <= n ? s : s.substring(0, s.offsetByCodePoints(0, n)).strip();
    }

    static int count(String s) {
        return s.codePointCount(0, s.length());
    }

    static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String p(String text) {
        return "<p>" + esc(text) + "</p>";
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    /** HTML-escapes text for element content and quoted attributes. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
