package org.zhifa.api.legalreview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A legal reviewer (法制审核人员) in the register: the JAAS user who reviews, and what qualifies them.
 * 处罚法 58: who reviews a decision for the first time must hold the 国家统一法律职业资格.
 *
 * @param qualificationNo the 法律职业资格证书编号, null without one
 * @param reviewsDone     reviews the reviewer has decided
 */
public record Reviewer(String user, String name, String unit, boolean legalQualification, String qualificationNo,
                       boolean active, int reviewsDone, List<Training> trainings) {

    /** A training attended (业务培训). */
    public record Training(LocalDate date, BigDecimal hours, String subject) {}

    public Reviewer {
        trainings = List.copyOf(trainings);
    }
}
