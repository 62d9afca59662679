package org.zhifa.api.spotcheck;

import java.time.LocalDate;

/**
 * One drawn target of a draw and what became of it (S4): the inspection case (行政检查, source 随机抽查)
 * opened for it when the draw was made, and once the result is recorded, the result and its publication.
 * The result is published through disclosure (an item of the inspection kind) within the configured working
 * days after the inspection ended (national default 20, {@code publishWorkingDays}).
 *
 * @param caseId           the inspection case, or null while it could not be opened (see {@code caseProblem})
 * @param caseStep         the case's current step id (filed, onsite, result, …)
 * @param endedOn          the day the inspection ended, once the result is recorded
 * @param finding          the result, once recorded
 * @param publishBy        the last day to publish the result, from the working-day calendar
 * @param disclosureItemId the disclosure item of the result, once handed over
 * @param publishedOn      the day the result went public, or null
 * @param caseProblem      why no case could be opened yet (e.g. an inspector's certificate expired), in both
 *                         languages; null when the case exists
 */
public record InspectionOutcome(long drawId, long targetId, String targetName, Long caseId, String caseNumber,
                                String caseStep, LocalDate endedOn, Finding finding, String summary,
                                LocalDate publishBy, Long disclosureItemId, LocalDate publishedOn,
                                String caseProblem) {

    /** The inspection kind's results (检查结果). */
    public enum Finding {
        /** 合格: no problem found. */
        PASSED("合格"),
        /** 责令整改: a problem, ordered to be put right. */
        RECTIFY("责令整改"),
        /** 移送立案: a problem referred for a penalty case. */
        REFER("移送立案");

        private final String label;

        Finding(String label) {
            this.label = label;
        }

        /** The value of the inspection kind's {@code result} field. */
        public String label() {
            return label;
        }

        public static Finding ofLabel(String label) {
            for (Finding f : values()) {
                if (f.label.equals(label)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown inspection result: " + label);
        }
    }
}
