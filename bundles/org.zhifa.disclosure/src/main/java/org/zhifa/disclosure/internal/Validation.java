package org.zhifa.disclosure.internal;

/**
 * Input checks. Free text is stored as given — markup included, as text: every output escapes it — but it
 * is bounded and holds no control characters other than line breaks and tabs.
 */
final class Validation {
    private Validation() {}

    /** The stripped text, null when blank and optional; INVALID when required and blank, too long, or with control characters. */
    static String text(String v, String field, int max, boolean required) {
        String s = v == null ? "" : v.strip();
        if (s.isEmpty()) {
            if (required) {
                throw Messages.invalid("FIELD_REQUIRED", field, field);
            }
            return null;
        }
        if (s.length() > max) {
            throw Messages.invalid("FIELD_TOO_LONG", field, field, max);
        }
        if (s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f)) {
            throw Messages.invalid("FIELD_CONTROL", field, field);
        }
        return s.replace("\r\n", "\n");
    }
}
