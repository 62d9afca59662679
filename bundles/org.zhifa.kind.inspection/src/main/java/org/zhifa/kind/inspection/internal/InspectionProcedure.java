package org.zhifa.kind.inspection.internal;

import static org.zhifa.kind.inspection.internal.Texts.choice;
import static org.zhifa.kind.inspection.internal.Texts.optional;
import static org.zhifa.kind.inspection.internal.Texts.required;
import static org.zhifa.kind.inspection.internal.Texts.step;
import static org.zhifa.kind.inspection.internal.Texts.transition;

import java.util.List;

import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.FieldDef.Type;
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

    private InspectionProcedure() {}

    static Procedure build(InspectionConfig config) {
        int officers = config.minOfficers();
        var steps = AvItems.apply(List.of(
                step(FILED).documents("inspection.plan"),
                step(ONSITE).officers(officers).documents("inspection.onsite-record"),
                step(RESULT).documents("inspection.result"),
                step(RECTIFYING).documents("inspection.rectification-order"),
                step(REINSPECTING).officers(officers).documents("inspection.follow-up-record"),
                step(FOLLOWED_UP),
                step(REFERRED).documents("inspection.referral"),
                step(CLOSED).closes()),
                config.avRequired(), config.avUninterrupted());

        var transitions = List.of(
                transition(INSPECT, FILED, ONSITE,
                        required("startedAt", Type.DATETIME),
                        required("location", Type.TEXT),
                        required("certificatesShown", Type.BOOLEAN)),
                transition(RECORD_RESULT, ONSITE, RESULT,
                        required("endedOn", Type.DATE),
                        required("findings", Type.LONGTEXT),
                        choice("result", true, RESULT_PASSED, RESULT_RECTIFY, RESULT_REFER),
                        optional("partySigned", Type.BOOLEAN)),
                transition(ORDER_RECTIFICATION, RESULT, RECTIFYING, rectificationFields()),
                transition(REFER, RESULT, REFERRED, referralFields()),
                transition(CLOSE_PASSED, RESULT, CLOSED),
                transition(START_FOLLOW_UP, RECTIFYING, REINSPECTING,
                        required("followUpOn", Type.DATE),
                        optional("partyReportedDone", Type.BOOLEAN),
                        optional("partyReportedOn", Type.DATE),
                        required("certificatesShown", Type.BOOLEAN)),
                transition(RECORD_FOLLOW_UP, REINSPECTING, FOLLOWED_UP,
                        choice("followUpResult", true, FOLLOW_UP_DONE, FOLLOW_UP_NOT_DONE),
                        required("followUpFindings", Type.LONGTEXT)),
                transition(CLOSE_RECTIFIED, FOLLOWED_UP, CLOSED),
                transition(ORDER_AGAIN, FOLLOWED_UP, RECTIFYING, rectificationFields()),
                transition(REFER_AFTER_FOLLOW_UP, FOLLOWED_UP, REFERRED, referralFields()),
                transition("close_referred", REFERRED, CLOSED));

        return new Procedure(FILED, steps, transitions, List.of(
                choice("source", true, SOURCE_PLAN, SOURCE_RANDOM, SOURCE_COMPLAINT, SOURCE_ASSIGNED, SOURCE_OTHER),
                optional("drawId", Type.TEXT),
                required("inspectionItem", Type.TEXT),
                optional("inspectionBasis", Type.LONGTEXT),
                optional("plannedOn", Type.DATE)), List.of());
    }

    private static FieldDef[] rectificationFields() {
        return new FieldDef[] {required("rectifyBy", Type.DATE), required("requirements", Type.LONGTEXT),
                required("orderServedOn", Type.DATE)};
    }

    private static FieldDef[] referralFields() {
        return new FieldDef[] {required("referredTo", Type.TEXT), required("referralReason", Type.LONGTEXT),
                required("referredOn", Type.DATE)};
    }
}
