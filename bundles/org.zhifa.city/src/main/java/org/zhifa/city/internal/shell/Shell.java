package org.zhifa.city.internal.shell;

import org.zhifa.city.internal.Texts;

/** What the city commands share: texts in both languages and refusals that make {@code bin/client -b} fail. */
final class Shell {
    private Shell() {}

    static String both(String key, Object... args) {
        return Texts.both(key, args);
    }

    static IllegalArgumentException refusal(RuntimeException e) {
        return new IllegalArgumentException(e.getMessage(), e);
    }
}
