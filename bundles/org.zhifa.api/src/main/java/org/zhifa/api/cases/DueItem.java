package org.zhifa.api.cases;

import java.time.LocalDate;

/** A running timer of an open case, for the due list (overdue first, then by due day). */
public record DueItem(long caseId, String number, String kind, String title, String rule, String ruleTitleZh,
                      String ruleTitleEn, String basis, LocalDate dueOn, int workingDaysLeft, boolean overdue) {
}
