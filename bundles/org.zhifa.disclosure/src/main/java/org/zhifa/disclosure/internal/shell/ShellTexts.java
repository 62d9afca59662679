package org.zhifa.disclosure.internal.shell;

import java.util.Locale;

import org.zhifa.api.common.ZhifaException;

/** The commands' texts, Chinese and English side by side as the other zhifa commands print them. */
final class ShellTexts {
    static final String BASE = "org.zhifa.disclosure.internal.shell.messages";

    private ShellTexts() {}

    /** "中文 / English" of a key of this package. */
    static String both(String key, Object... args) {
        return zh(key, args) + " / " + en(key, args);
    }

    /** "中文 English", for table headers. */
    static String header(String key) {
        return zh(key) + " " + en(key);
    }

    static String zh(String key, Object... args) {
        return ZhifaException.text(BASE, ShellTexts.class.getClassLoader(), Locale.ROOT, key, args);
    }

    static String en(String key, Object... args) {
        return ZhifaException.text(BASE, ShellTexts.class.getClassLoader(), Locale.ENGLISH, key, args);
    }

    /** The shell's refusal: both texts and the code, so {@code bin/client -b} exits non-zero. */
    static IllegalArgumentException refusal(ZhifaException e) {
        return new IllegalArgumentException("[" + e.code() + "] " + e.messageZh() + " / " + e.messageEn());
    }

    static long id(String text) {
        String key = text == null ? "" : text.strip();
        if (!key.matches("\\d{1,18}") || Long.parseLong(key) < 1) {
            throw new IllegalArgumentException(both("id.invalid", key));
        }
        return Long.parseLong(key);
    }

    static <E extends Enum<E>> E value(Class<E> type, String text, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E v : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(v.name());
            }
            throw new IllegalArgumentException(both("option.invalid", option, text.strip(), allowed));
        }
    }
}
