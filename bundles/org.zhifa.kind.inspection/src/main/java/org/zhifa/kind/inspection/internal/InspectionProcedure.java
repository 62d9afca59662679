package org.zhifa.kind.inspection.internal;

import java.util.List;

import org.zhifa.api.kind.AvItems;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.FieldDef.Type;
import org.zhifa.api.kind.KindTexts;
import org.zhifa.api.kind.Procedure;

/**
 * 行政检查: 检查计划 → 现场检查 → 检查结果 → (责令整改 → 复查) or 移送立案 → 结案. A 双随机 draw files
 * its inspections with {@code source} = 随机抽查 and its {@code drawId}.
 */
final class InspectionProcedure {

    static final String FILED = "filed";
    static final String ONSITE = "onsite";
    static final String RESULT = "result";
    static final String RECTIFYING = "rectifying";
    static final String REINSPECTING = "reinspecting";
    static final String FOLLOWED_UP = "followed_up";
    static final String REFERRED = "referred";
    static final String CLOSED = "closed";

    static final String INSPECT = "inspect";
    static final String RECORD_RESULT = "record_result";
    static final String ORDER_RECTIFICATION = "order_rectification";
    static final String REFER = "refer";
    static final String CLOSE_PASSED = "close_passed";
    static final String START_FOLLOW_UP = "start_follow_up";
    static final String RECORD_FOLLOW_UP = "record_follow_up";
    static final String CLOSE_RECTIFIED = "close_rectified";
    static final String ORDER_AGAIN = "order_again";
    static final String REFER_AFTER_FOLLOW_UP = "refer_after_follow_up";

    static final String SOURCE_PLAN = "计划检查";
    static final String SOURCE_RANDOM = "随机抽查";
    static final String SOURCE_COMPLAINT = "投诉举报";
    static final String SOURCE_ASSIGNED = "上级交办";
    static final String SOURCE_OTHER = "其他";
    static final String RESULT_PASSED = "合格";
    static final String RESULT_RECTIFY = "责令整改";
    static final String RESULT_REFER = "移送立案";
    static final String FOLLOW_UP_DONE = "整改到位";
    static final String FOLLOW_UP_NOT_DONE = "未整改到位";

    static final KindTexts TEXTS = new KindTexts("org.zhifa.kind.inspection.internal.messages",
            InspectionProcedure.class.getClassLoader());

    private InspectionProcedure() {}

    static Procedure build(InspectionConfig config) {
        int officers = config.minOfficers();
        var steps = AvItems.apply(List.of(
                TEXTS.step(FILED).documents("inspection.plan"),
                TEXTS.step(ONSITE).officers(officers).documents("inspection.onsite-record"),
                TEXTS.step(RESULT).documents("inspection.result"),
                TEXTS.step(RECTIFYING).documents("inspection.rectification-order"),
                TEXTS.step(REINSPECTING).officers(officers).documents("inspection.follow-up-record"),
                TEXTS.step(FOLLOWED_UP),
                TEXTS.step(REFERRED).documents("inspection.referral"),
                TEXTS.step(CLOSED).closes()),
                config.avRequired(), config.avUninterrupted());

        var transitions = List.of(
                TEXTS.transition(INSPECT, FILED, ONSITE,
                        TEXTS.required("startedAt", Type.DATETIME),
                        TEXTS.required("location", Type.TEXT),
                        TEXTS.required("certificatesShown", Type.BOOLEAN)),
                TEXTS.transition(RECORD_RESULT, ONSITE, RESULT,
                        TEXTS.required("endedOn", Type.DATE),
                        TEXTS.required("findings", Type.LONGTEXT),
                        TEXTS.choice("result", true, RESULT_PASSED, RESULT_RECTIFY, RESULT_REFER),
                        TEXTS.optional("partySigned", Type.BOOLEAN)),
                TEXTS.transition(ORDER_RECTIFICATION, RESULT, RECTIFYING, rectificationFields()),
                TEXTS.transition(REFER, RESULT, REFERRED, referralFields()),
                TEXTS.transition(CLOSE_PASSED, RESULT, CLOSED),
                TEXTS.transition(START_FOLLOW_UP, RECTIFYING, REINSPECTING,
                        TEXTS.required("followUpOn", Type.DATE),
                        TEXTS.optional("partyReportedDone", Type.BOOLEAN),
                        TEXTS.optional("partyReportedOn", Type.DATE),
                        TEXTS.required("certificatesShown", Type.BOOLEAN)),
                TEXTS.transition(RECORD_FOLLOW_UP, REINSPECTING, FOLLOWED_UP,
                        TEXTS.choice("followUpResult", true, FOLLOW_UP_DONE, FOLLOW_UP_NOT_DONE),
                        TEXTS.required("followUpFindings", Type.LONGTEXT)),
                TEXTS.transition(CLOSE_RECTIFIED, FOLLOWED_UP, CLOSED),
                TEXTS.transition(ORDER_AGAIN, FOLLOWED_UP, RECTIFYING, rectificationFields()),
                TEXTS.transition(REFER_AFTER_FOLLOW_UP, FOLLOWED_UP, REFERRED, referralFields()),
                TEXTS.transition("close_referred", REFERRED, CLOSED));

        return new Procedure(FILED, steps, transitions, List.of(
                TEXTS.choice("source", true, SOURCE_PLAN, SOURCE_RANDOM, SOURCE_COMPLAINT, SOURCE_ASSIGNED, SOURCE_OTHER),
                TEXTS.optional("drawId", Type.TEXT),
                TEXTS.required("inspectionItem", Type.TEXT),
                TEXTS.optional("inspectionBasis", Type.LONGTEXT),
                TEXTS.optional("plannedOn", Type.DATE)), List.of());
    }

    private static FieldDef[] rectificationFields() {
        return new FieldDef[] {TEXTS.required("rectifyBy", Type.DATE), TEXTS.required("requirements", Type.LONGTEXT),
                TEXTS.required("orderServedOn", Type.DATE)};
    }

    private static FieldDef[] referralFields() {
        return new FieldDef[] {TEXTS.required("referredTo", Type.TEXT), TEXTS.required("referralReason", Type.LONGTEXT),
                TEXTS.required("referredOn", Type.DATE)};
    }
}
