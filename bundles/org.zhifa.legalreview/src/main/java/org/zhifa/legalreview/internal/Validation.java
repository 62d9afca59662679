package org.zhifa.legalreview.internal;

/** Input checks: free text is plain text, never markup or control characters, and bounded. */
final class Validation {
    private Validation() {}

    /** The stripped text, null when blank and optional; INVALID when required and blank, too long, or markup. */
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
        if (s.indexOf('<') >= 0 || s.indexOf('>') >= 0 || s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw Messages.invalid("FIELD_MARKUP", field, field);
        }
        return s;
    }
}
