package org.zhifa.api.kind;

import java.util.Set;

/**
 * A legal time limit (T3), e.g. 处罚决定 within 90 days of 立案 (处罚法 60).
 * The timer starts when a case enters {@code startStep} (at filing for the initial step), on the date
 * in the entering transition's field {@code startField} if one is named (e.g. the date of service),
 * and stops when the case enters any of {@code stopSteps}.
 *
 * <p>Calendar-day periods whose last day is a rest day end on the next working day (民法典 203);
 * working-day periods count with the holiday calendar.
 */
public record TimerRule(String id, String titleZh, String titleEn, String startStep, String startField,
                        Set<String> stopSteps, int length, DayCount count, String basis) {

    public enum DayCount { WORKING_DAYS, CALENDAR_DAYS }

    public TimerRule {
        stopSteps = Set.copyOf(stopSteps);
        if (length < 0) {
            throw new IllegalArgumentException("negative timer length");
        }
    }

    public String title(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleZh;
    }
}
