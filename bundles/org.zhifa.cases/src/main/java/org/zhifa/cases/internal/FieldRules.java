package org.zhifa.cases.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zhifa.api.kind.FieldDef;

/** Validates submitted field values against their definitions and writes them in canonical form. */
final class FieldRules {
    static final int TEXT_MAX = 500;
    static final int LONGTEXT_MAX = 10_000;
    static final BigDecimal MONEY_MAX = new BigDecimal("999999999999.99");

    private FieldRules() {}

    /** Canonical values of the defined fields; unknown names, missing required fields and bad values refused. */
    static Map<String, String> validate(List<FieldDef> defs, Map<String, String> submitted) {
        Map<String, String> in = submitted == null ? Map.of() : submitted;
        for (String name : in.keySet()) {
            if (defs.stream().noneMatch(d -> d.name().equals(name))) {
                throw Errors.invalid("FIELD_UNKNOWN", name, name);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldDef d : defs) {
            String raw = in.get(d.name());
            String v = raw == null ? "" : raw.strip();
            if (v.isEmpty()) {
                if (d.required()) {
                    throw Errors.invalid("FIELD_REQUIRED", d.name(), d.name());
                }
                continue;
            }
            out.put(d.name(), canonical(d, v));
        }
        return out;
    }

    static String canonical(FieldDef d, String v) {
        String name = d.name();
        try {
            return switch (d.type()) {
                case TEXT -> PartyRules.text(v, name, TEXT_MAX, true);
                case LONGTEXT -> PartyRules.text(v, name, LONGTEXT_MAX, true);
                case MONEY -> {
                    BigDecimal m = new BigDecimal(v);
                    if (m.signum() < 0 || m.compareTo(MONEY_MAX) > 0 || m.scale() > 2) {
                        throw Errors.invalid("FIELD_MONEY_INVALID", name, name, v);
                    }
                    yield m.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
                }
                case INTEGER -> String.valueOf(Long.parseLong(v));
                case DATE -> LocalDate.parse(v).toString();
                case DATETIME -> LocalDateTime.parse(v).truncatedTo(ChronoUnit.MINUTES).toString();
                case BOOLEAN -> {
                    if (!v.equals("true") && !v.equals("false")) {
                        throw Errors.invalid("FIELD_TYPE", name, name, d.type());
                    }
                    yield v;
                }
                case CHOICE -> {
                    if (!d.options().contains(v)) {
                        throw Errors.invalid("FIELD_CHOICE", name, name, String.join("、", d.options()));
                    }
                    yield v;
                }
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw Errors.invalid("FIELD_TYPE", name, name, d.type());
        }
    }
}
