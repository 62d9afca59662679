package org.zhifa.gongshi.internal;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

import org.zhifa.api.disclosure.ItemType;

/**
 * A public search over the site's items.
 *
 * @param keyword normalised keyword or null: matches title, case number and party; with {@code fullText} the
 *                text as well
 */
record Search(ItemType type, String kind, LocalDate from, LocalDate to, String keyword, boolean fullText,
              int offset, int limit) {

    /** NFKC (full-width digits and letters become ASCII), lower case, no white space: how keys and keywords compare. */
    static String normalise(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u3000') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
