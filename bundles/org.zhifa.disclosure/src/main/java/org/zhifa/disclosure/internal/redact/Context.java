package org.zhifa.disclosure.internal.redact;

/** What a text says just before a position, within the same sentence. */
final class Context {
    private Context() {
    }

    /** Up to {@code window} characters before {@code at}, cut at the last sentence or line end. */
    static String before(String text, int at, int window) {
        int from = Math.max(0, at - window);
        for (int i = at - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (c == '。' || c == '；' || c == ';' || c == '\n' || c == '\r') {
                from = i + 1;
                break;
            }
        }
        return text.substring(from, at);
    }

    static boolean mentions(String context, String... words) {
        for (String w : words) {
            if (context.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static boolean cjk(char c) {
        return c >= '\u4e00' && c <= '\u9fff';
    }
}
