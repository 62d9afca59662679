package org.zhifa.api.kind;

import java.util.List;

/**
 * A field a transition (or the filing) records: the engine validates and stores values as text in
 * a canonical form (MONEY "1234.50" in 元, DATE "2026-03-01", DATETIME "2026-03-01T09:30",
 * BOOLEAN "true"/"false", CHOICE one of {@link #options()}); the console renders a form from these.
 */
public record FieldDef(String name, Type type, boolean required, String labelZh, String labelEn,
                       List<String> options) {

    public enum Type { TEXT, LONGTEXT, MONEY, INTEGER, DATE, DATETIME, BOOLEAN, CHOICE }

    public FieldDef {
        options = List.copyOf(options);
    }

    public static FieldDef required(String name, Type type, String labelZh, String labelEn) {
        return new FieldDef(name, type, true, labelZh, labelEn, List.of());
    }

    public static FieldDef optional(String name, Type type, String labelZh, String labelEn) {
        return new FieldDef(name, type, false, labelZh, labelEn, List.of());
    }

    public static FieldDef choice(String name, boolean required, String labelZh, String labelEn, String... options) {
        return new FieldDef(name, Type.CHOICE, required, labelZh, labelEn, List.of(options));
    }

    public String label(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }
}
