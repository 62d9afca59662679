package org.zhifa.api.kind;

import java.util.Map;
import java.util.Set;

/**
 * A legal time limit (T3), e.g. 处罚决定 within 90 days of 立案 (处罚法 60).
 * The timer starts when a case enters {@code startStep} (at filing for the initial step), on the date
 * in the entering transition's field {@code startField} if one is named (e.g. the date of service),
 * and stops when the case enters any of {@code stopSteps}.
 *
 * <p>Calendar-day periods whose last day is a rest day end on the next working day (民法典 203);
 * working-day periods count with the holiday calendar.
 *
 * <p>An extendable limit (e.g. 许可决定 20 working days, once extendable by 10 with the 负责人's approval,
 * 许可法 42) names a BOOLEAN case field {@code extendField}: while the case's latest value of that field
 * is {@code "true"}, the period is {@code length + extension} days of the same count; see
 * {@link #effectiveLength(Map)}. Rules without an extension use the nine-argument constructor.
 *
 * @param extendField a BOOLEAN field that lengthens the period, or null
 * @param extension   days added while {@code extendField} is true (since 1.1)
 */
public record TimerRule(String id, String titleZh, String titleEn, String startStep, String startField,
                        Set<String> stopSteps, int length, DayCount count, String basis,
                        String extendField, int extension) {

    public enum DayCount { WORKING_DAYS, CALENDAR_DAYS }

    public TimerRule {
        stopSteps = Set.copyOf(stopSteps);
        if (length < 0 || extension < 0) {
            throw new IllegalArgumentException("negative timer length");
        }
        if (extension > 0 && extendField == null) {
            throw new IllegalArgumentException("timer " + id + ": an extension needs its extendField");
        }
    }

    /** A timer that cannot be extended (the 1.0 shape). */
    public TimerRule(String id, String titleZh, String titleEn, String startStep, String startField,
                     Set<String> stopSteps, int length, DayCount count, String basis) {
        this(id, titleZh, titleEn, startStep, startField, stopSteps, length, count, basis, null, 0);
    }

    /** The same timer, lengthened by {@code days} while the BOOLEAN case field {@code field} is true. */
    public TimerRule extendedBy(String field, int days) {
        return new TimerRule(id, titleZh, titleEn, startStep, startField, stopSteps, length, count, basis,
                field, days);
    }

    /** The period in force for a case whose latest field values are {@code caseFields}. */
    public int effectiveLength(Map<String, String> caseFields) {
        return extendField != null && "true".equals(caseFields.get(extendField)) ? length + extension : length;
    }

    public String title(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleZh;
    }
}
