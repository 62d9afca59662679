package org.zhifa.bureau.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.personnel.OfficerDraft;

/** Checks a draft and returns it normalised (trimmed, categories de-duplicated). */
final class OfficerValidator {
    static final int NAME_MAX = 50;
    static final int UNIT_MAX = 100;
    static final int POST_MAX = 50;
    static final int AREA_MAX = 100;
    private static final Pattern CERTIFICATE = Pattern.compile("[A-Za-z0-9-]{4,32}");
    private static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private final Set<String> categories;

    OfficerValidator(List<String> categories) {
        this.categories = new LinkedHashSet<>(categories);
    }

    OfficerDraft validate(OfficerDraft d) {
        if (d == null) {
            throw Errors.invalid("BODY_REQUIRED", null);
        }
        String name = text(d.name(), "name", NAME_MAX, true);
        String unit = text(d.unit(), "unit", UNIT_MAX, true);
        String post = text(d.post(), "post", POST_MAX, false);
        String certificate = text(d.certificateNo(), "certificateNo", 32, true);
        if (!CERTIFICATE.matcher(certificate).matches()) {
            throw Errors.invalid("INVALID_CERTIFICATE_NO", "certificateNo", certificate);
        }
        String area = text(d.area(), "area", AREA_MAX, true);
        if (d.categories() == null || d.categories().isEmpty()) {
            throw Errors.invalid("FIELD_REQUIRED", "categories", "categories");
        }
        List<String> cats = new ArrayList<>();
        for (String c : d.categories()) {
            String t = c == null ? "" : c.strip();
            if (!categories.contains(t)) {
                throw Errors.invalid("UNKNOWN_CATEGORY", "categories", t, String.join("、", categories));
            }
            if (!cats.contains(t)) {
                cats.add(t);
            }
        }
        LocalDate from = date(d.validFrom(), "validFrom");
        LocalDate to = date(d.validTo(), "validTo");
        if (from.isAfter(to)) {
            throw Errors.invalid("INVALID_DATE_RANGE", "validTo", from, to);
        }
        return new OfficerDraft(name, unit, post, certificate.toUpperCase(), cats, area, from, to,
                d.legalQualification());
    }

    private static String text(String value, String field, int max, boolean required) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty()) {
            if (required) {
                throw Errors.invalid("FIELD_REQUIRED", field, field);
            }
            return null;
        }
        if (t.codePointCount(0, t.length()) > max) {
            throw Errors.invalid("FIELD_TOO_LONG", field, field, max);
        }
        if (t.chars().anyMatch(ch -> Character.isISOControl(ch))) {
            throw Errors.invalid("FIELD_CONTROL_CHARS", field, field);
        }
        return t;
    }

    private static LocalDate date(LocalDate d, String field) {
        if (d == null) {
            throw Errors.invalid("FIELD_REQUIRED", field, field);
        }
        if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
            throw Errors.invalid("DATE_OUT_OF_RANGE", field, field, d);
        }
        return d;
    }
}
