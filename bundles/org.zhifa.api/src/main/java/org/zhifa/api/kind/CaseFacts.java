package org.zhifa.api.kind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a kind may read of a case when it checks a transition: its party, procedure variant, the
 * steps it went through and the latest value of every field recorded so far.
 */
public record CaseFacts(String kind, String number, PartyType partyType, boolean minor, boolean simple,
                        String step, LocalDate filedOn, List<String> transitionsTaken,
                        Map<String, String> fields) {

    /** 自然人 (natural person) or 法人/其他组织 (organisation). */
    public enum PartyType { PERSON, ORGANISATION }

    public CaseFacts {
        transitionsTaken = List.copyOf(transitionsTaken);
        fields = Map.copyOf(fields);
    }

    public boolean took(String transition) {
        return transitionsTaken.contains(transition);
    }

    public Optional<String> text(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    public Optional<BigDecimal> money(String field) {
        return text(field).map(BigDecimal::new);
    }

    public Optional<LocalDate> date(String field) {
        return text(field).map(LocalDate::parse);
    }

    public Optional<LocalDateTime> dateTime(String field) {
        return text(field).map(LocalDateTime::parse);
    }

    public boolean flag(String field) {
        return text(field).map(Boolean::parseBoolean).orElse(false);
    }
}
