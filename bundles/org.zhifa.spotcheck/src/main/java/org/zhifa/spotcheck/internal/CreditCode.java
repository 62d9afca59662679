package org.zhifa.spotcheck.internal;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and the 21 capitals without I, O, Z, S, V; the last
 * is a check character over the first 17 (weights 3^i mod 31, check = 31 − sum mod 31, 31 written as 0).
 */
final class CreditCode {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {}

    static boolean valid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        return code.charAt(17) == check(code.substring(0, 17));
    }

    /** The check character of the first 17 characters (all from the alphabet). */
    static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }
}
