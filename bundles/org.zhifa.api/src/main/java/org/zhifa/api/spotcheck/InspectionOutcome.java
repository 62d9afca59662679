package org.zhifa.api.spotcheck;

import java.time.LocalDate;

/**
 * The result of inspecting one drawn target (抽查结果), published through disclosure within the configured
 * working days (national default 20) after the inspection ended (S4).
 *
 * @param caseId          the inspection case (行政检查) opened for the target when the draw was made
 * @param publishBy       the last day to publish, from the working-day calendar
 * @param disclosureItemId the disclosure item, once handed over
 */
public record InspectionOutcome(long drawId, long targetId, long caseId, LocalDate endedOn, Finding finding,
                                String summary, LocalDate publishBy, Long disclosureItemId) {

    public enum Finding { NO_PROBLEM, PROBLEM_CORRECTED, CASE_FILED, NOT_FOUND_AT_ADDRESS, OTHER }
}
