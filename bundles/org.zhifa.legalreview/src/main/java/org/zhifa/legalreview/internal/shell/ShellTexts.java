package org.zhifa.legalreview.internal.shell;

import java.util.Locale;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.legalreview.internal.docs.Texts;

/** The commands' texts, Chinese and English side by side as the other zhifa commands print them. */
final class ShellTexts {
    static final String BASE = "org.zhifa.legalreview.internal.shell.messages";

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

    /** "中文 / English" of a key of the 法制审核栏's texts (outcome.*, item.*, verdict.*, material.*, counsel.*). */
    static String column(String key) {
        return Texts.zh(key) + " / " + Texts.en(key);
    }

    /** The shell's refusal: both texts and the code, so {@code bin/client -b} exits non-zero. */
    static IllegalArgumentException refusal(ZhifaException e) {
        return new IllegalArgumentException("[" + e.code() + "] " + e.messageZh() + " / " + e.messageEn());
    }
}
