package org.zhifa.api.cases;

import java.time.LocalDate;

/**
 * A running or finished legal time limit of a case.
 *
 * @param metOn the day the case reached a stop step, null while running
 */
public record CaseTimer(String rule, String titleZh, String titleEn, String basis, LocalDate startedOn,
                        LocalDate dueOn, LocalDate metOn) {

    public enum State { RUNNING, DUE_SOON, OVERDUE, MET, MET_LATE }

    public boolean running() {
        return metOn == null;
    }

    public String title(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleZh;
    }
}
