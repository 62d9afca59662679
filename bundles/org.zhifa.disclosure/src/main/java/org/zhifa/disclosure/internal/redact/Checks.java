package org.zhifa.disclosure.internal.redact;

import java.time.DateTimeException;
import java.time.LocalDate;

/** Check characters of the national number schemes, so that a number is recognised by what it is. */
final class Checks {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    /** GB 32100-2015: 31 characters, no I, O, Z, S, V. */
    static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Checks() {
    }

    /** GB 11643-1999: region 1–8, a real birth date and the ISO 7064 MOD 11-2 check character. */
    static boolean residentId18(String s) {
        if (s.length() != 18 || s.charAt(0) < '1' || s.charAt(0) > '8') {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(s.charAt(17)) == ID_CHECK.charAt(sum % 11)
                && birthDate(s.substring(6, 10), s.substring(10, 12), s.substring(12, 14));
    }

    /** The numbers before 1999: region, YYMMDD of the 1900s, three digits; no check character. */
    static boolean residentId15(String s) {
        if (s.length() != 15 || s.charAt(0) < '1' || s.charAt(0) > '8' || !digits(s)) {
            return false;
        }
        return birthDate("19" + s.substring(6, 8), s.substring(8, 10), s.substring(10, 12));
    }

    private static boolean birthDate(String y, String m, String d) {
        try {
            int year = Integer.parseInt(y);
            return year >= 1900 && LocalDate.of(year, Integer.parseInt(m), Integer.parseInt(d)) != null;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    /** GB 32100-2015 unified social credit code with its check character. */
    static boolean uscc(String s) {
        if (s.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = USCC_ALPHABET.indexOf(s.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * USCC_WEIGHTS[i];
        }
        return USCC_ALPHABET.charAt((31 - sum % 31) % 31) == s.charAt(17);
    }

    /** ISO/IEC 7812 (Luhn), as on bank cards. */
    static boolean luhn(String s) {
        int sum = 0;
        for (int i = 0; i < s.length(); i++) {
            int n = s.charAt(s.length() - 1 - i) - '0';
            if (n < 0 || n > 9) {
                return false;
            }
            if (i % 2 == 1) {
                n *= 2;
                if (n > 9) {
                    n -= 9;
                }
            }
            sum += n;
        }
        return sum % 10 == 0;
    }

    static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
