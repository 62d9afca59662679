package org.zhifa.api.cases;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a case's timeline. Entries are only ever appended; a correction is a new entry.
 *
 * @param type       FILED, TRANSITION, ASSIGNED, RECUSAL_REQUESTED, RECUSAL_DECIDED
 * @param transition the kind's transition id for TRANSITION, else null
 * @param fields     the fields recorded with this entry
 */
public record CaseEvent(int seq, String type, String transition, String fromStep, String toStep,
                        String titleZh, String titleEn, String actor, Instant at, String reason,
                        Map<String, String> fields) {
    public CaseEvent {
        fields = Map.copyOf(fields);
    }

    public String title(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleZh;
    }
}
