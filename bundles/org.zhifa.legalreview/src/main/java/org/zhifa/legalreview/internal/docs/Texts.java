package org.zhifa.legalreview.internal.docs;

import java.util.Locale;

import org.zhifa.api.common.ZhifaException;

/**
 * Texts of the 法制审核栏 (outcomes, checklist items, findings, materials, counsel roles) for documents, the
 * case file and the shell: {@code messages.properties} is zh-CN, {@code messages_en} English.
 */
public final class Texts {
    static final String BASE = "org.zhifa.legalreview.internal.docs.messages";

    private Texts() {}

    public static String zh(String key, Object... args) {
        return ZhifaException.text(BASE, Texts.class.getClassLoader(), Locale.ROOT, key, args);
    }

    public static String en(String key, Object... args) {
        return ZhifaException.text(BASE, Texts.class.getClassLoader(), Locale.ENGLISH, key, args);
    }
}
