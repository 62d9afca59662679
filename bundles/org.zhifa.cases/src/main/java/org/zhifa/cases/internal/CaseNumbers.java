package org.zhifa.cases.internal;

/** Case numbers (案号) in the bureau's format, e.g. 衡国土资罚〔2026〕12号. */
final class CaseNumbers {
    private CaseNumbers() {}

    static String format(String pattern, String prefix, String code, int year, int seq) {
        return pattern.replace("{prefix}", prefix).replace("{code}", code)
                .replace("{year}", Integer.toString(year)).replace("{seq}", Integer.toString(seq));
    }
}
