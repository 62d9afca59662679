package org.zhifa.cases.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;

import org.zhifa.api.cases.Party;
import org.zhifa.api.kind.CaseFacts.PartyType;

/**
 * Validation of a case's party (当事人): the resident ID number (GB 11643, ISO 7064 MOD 11-2 check
 * digit) of a natural person, the unified social credit code (GB 32100, MOD 31 check character) of an
 * organisation, and whether a person is a minor (未成年人) on a given day.
 */
final class PartyRules {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private PartyRules() {}

    /** The party with trimmed, canonical values; refuses what is missing or malformed. */
    static Party validate(Party p, LocalDate today) {
        if (p == null) {
            throw Errors.invalid("FIELD_REQUIRED", "party", "party");
        }
        if (p.type() == null) {
            throw Errors.invalid("FIELD_REQUIRED", "party.type", "party.type");
        }
        String name = text(p.name(), "party.name", 100, true);
        String id = text(p.idNumber(), "party.idNumber", 18, true).toUpperCase(Locale.ROOT);
        if (p.type() == PartyType.PERSON) {
            if (birthDate(id) == null) {
                throw Errors.invalid("PARTY_ID_INVALID", "party.idNumber", id);
            }
            if (birthDate(id).isAfter(today)) {
                throw Errors.invalid("PARTY_ID_INVALID", "party.idNumber", id);
            }
        } else if (!isCreditCode(id)) {
            throw Errors.invalid("PARTY_CREDIT_CODE_INVALID", "party.idNumber", id);
        }
        String rep = text(p.legalRep(), "party.legalRep", 50, false);
        String phone = text(p.phone(), "party.phone", 30, false);
        if (phone != null && !phone.matches("[0-9+\\- ]{5,30}")) {
            throw Errors.invalid("PARTY_PHONE_INVALID", "party.phone", phone);
        }
        String address = text(p.address(), "party.address", 200, false);
        return new Party(p.type(), name, id, rep, phone, address);
    }

    /** Whether a person with this valid ID number is under 18 on {@code day}. */
    static boolean minor(Party p, LocalDate day) {
        if (p.type() != PartyType.PERSON) {
            return false;
        }
        LocalDate birth = birthDate(p.idNumber());
        return birth != null && Period.between(birth, day).getYears() < 18;
    }

    /** The birth date of a well-formed 18-character ID number with a correct check digit, else null. */
    static LocalDate birthDate(String id) {
        if (id == null || !id.matches("\\d{17}[0-9X]")) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        if (ID_CHECK.charAt(sum % 11) != id.charAt(17)) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    static boolean isCreditCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = USCC_CHARS.indexOf(code.charAt(i));
            if (v < 0) {
                return false;
            }
            sum += v * USCC_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return USCC_CHARS.charAt(check) == code.charAt(17);
    }

    static String text(String value, String field, int max, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                throw Errors.invalid("FIELD_REQUIRED", field, field);
            }
            return null;
        }
        if (v.length() > max) {
            throw Errors.invalid("FIELD_TOO_LONG", field, field, max);
        }
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw Errors.invalid("FIELD_CONTROL_CHARS", field, field);
        }
        return v;
    }
}
