package org.zhifa.api.kind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

import org.zhifa.api.calendar.WorkingDays;

/**
 * A transition a kind is asked to check: the case as it is, the transition, the validated submitted
 * fields, when it happens (bureau time zone) and the working-day calendar.
 */
public record TransitionCheck(CaseFacts facts, Transition transition, Map<String, String> submitted,
                              LocalDateTime at, WorkingDays workingDays) {

    public TransitionCheck {
        submitted = Map.copyOf(submitted);
    }

    /** A submitted value, else the case's latest value of the field. */
    public Optional<String> value(String field) {
        String v = submitted.get(field);
        return v != null ? Optional.of(v) : facts.text(field);
    }

    public Optional<BigDecimal> money(String field) {
        return value(field).map(BigDecimal::new);
    }

    public Optional<LocalDate> date(String field) {
        return value(field).map(LocalDate::parse);
    }

    public Optional<LocalDateTime> dateTime(String field) {
        return value(field).map(LocalDateTime::parse);
    }

    public boolean flag(String field) {
        return value(field).map(Boolean::parseBoolean).orElse(false);
    }
}
