package org.zhifa.api.cases;

import java.time.LocalDate;

/**
 * A row of the case list.
 *
 * @param nextDue the earliest due day of the case's running timers, null when none runs
 */
public record CaseSummary(long id, String number, String kind, String kindTitleZh, String kindTitleEn,
                          String category, String title, String partyName, String step, String stepTitleZh,
                          String stepTitleEn, CaseStatus status, LocalDate filedOn, LocalDate nextDue,
                          boolean kindInstalled) {
}
