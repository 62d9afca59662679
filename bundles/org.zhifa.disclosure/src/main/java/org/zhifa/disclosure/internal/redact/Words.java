package org.zhifa.disclosure.internal.redact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A word list searched in one pass: a bit per first character rejects almost every position at once,
 * which a regular-expression alternation does not (it was most of the redactor's time).
 */
final class Words {
    private final BitSet first = new BitSet(1 << 16);
    private final Map<Character, String[]> byFirst = new HashMap<>();

    Words(String... words) {
        Map<Character, List<String>> groups = new HashMap<>();
        for (String w : words) {
            first.set(w.charAt(0));
            groups.computeIfAbsent(w.charAt(0), k -> new ArrayList<>()).add(w);
        }
        groups.forEach((c, list) -> {
            String[] sorted = list.toArray(String[]::new);
            Arrays.sort(sorted, Comparator.comparingInt(String::length).reversed());
            byFirst.put(c, sorted);
        });
    }

    /** The longest word that begins at {@code at}, or null. */
    String at(String text, int at) {
        if (!first.get(text.charAt(at))) {
            return null;
        }
        for (String w : byFirst.get(text.charAt(at))) {
            if (text.startsWith(w, at)) {
                return w;
            }
        }
        return null;
    }

    /** The first position at or after {@code from} where a word begins, or -1. */
    int next(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (first.get(text.charAt(i)) && at(text, i) != null) {
                return i;
            }
        }
        return -1;
    }
}
