package org.zhifa.api.casereview;

import java.util.List;

/**
 * Counts of cases (R8), for supervision, evaluation and reports.
 *
 * @param year          the filter: cases filed in this year, or closed in it for {@code closedByMonth};
 *                      null = all years
 * @param kind          the filter: one kind, null = all
 * @param byOfficer     cases per officer currently assigned (a case with two officers counts for both)
 * @param filedByMonth  {@code yyyy-MM} → cases filed
 * @param closedByMonth {@code yyyy-MM} → cases closed
 */
public record CaseStatistics(Integer year, String kind, long total, long open, long closed, List<Count> byKind,
                             List<Count> byStep, List<Count> byOfficer, List<Count> filedByMonth,
                             List<Count> closedByMonth) {
    public CaseStatistics {
        byKind = List.copyOf(byKind);
        byStep = List.copyOf(byStep);
        byOfficer = List.copyOf(byOfficer);
        filedByMonth = List.copyOf(filedByMonth);
        closedByMonth = List.copyOf(closedByMonth);
    }

    /** One bar: a key (kind id, {@code kind/step}, officer id, month) with its titles and count. */
    public record Count(String key, String titleZh, String titleEn, long count) {
        public String title(java.util.Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? titleEn : titleZh;
        }
    }
}
