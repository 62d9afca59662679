package org.zhifa.kind.license.internal;

import static org.zhifa.api.kind.FieldDef.Type.BOOLEAN;
import static org.zhifa.api.kind.FieldDef.Type.DATE;
import static org.zhifa.api.kind.FieldDef.Type.DATETIME;
import static org.zhifa.api.kind.FieldDef.Type.INTEGER;
import static org.zhifa.api.kind.FieldDef.Type.LONGTEXT;
import static org.zhifa.api.kind.FieldDef.Type.TEXT;
import static org.zhifa.api.kind.TimerRule.DayCount.WORKING_DAYS;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.zhifa.api.common.Roles;
import org.zhifa.api.kind.AvRule;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.KindTexts;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.Transition;

/** The 行政许可 procedure (许可法 第四章): 申请 → 受理 → 审查 → [听证] → 决定 → 发证 → 结案. */
final class LicenseProcedure {

    static final String APPLIED = "applied";             // 申请
    static final String NOT_ACCEPTED = "notAccepted";    // 不予受理 (32)
    static final String ACCEPTED = "accepted";           // 受理 (32)
    static final String EXAMINATION = "examination";     // 审查 (34)
    static final String VERIFICATION = "verification";   // 实地核查 (34 para 3)
    static final String HEARING = "hearing";             // 听证 (46–48)
    static final String GRANTED = "granted";             // 准予行政许可 (38(1))
    static final String REFUSED = "refused";             // 不予行政许可 (38(2))
    static final String ISSUED = "issued";               // 发证 (44)
    static final String REFUSAL_SERVED = "refusalServed"; // 不予许可决定送达
    static final String CLOSED = "closed";               // 结案

    static final String ACCEPT = "accept";
    static final String NOT_ACCEPT = "notAccept";
    static final String EXTEND = "extendDecisionPeriod";
    static final String SCHEDULE_HEARING = "scheduleHearing";
    static final String ISSUE = "issue";
    static final String SERVE_REFUSAL = "serveRefusal";
    static final String CONCLUDE_VERIFICATION = "concludeVerification";

    /** The BOOLEAN field that lengthens the decision timer (许可法 42). */
    static final String EXTENDED = "decisionExtended";
    static final String BASIS_REQUEST = "申请人、利害关系人申请（第四十七条）";

    private LicenseProcedure() {}

    static Procedure build(KindTexts t, LicenseConfig cfg) {
        List<Step> steps = List.of(
                t.step(APPLIED).documents("license.receipt"),
                t.step(NOT_ACCEPTED).documents("license.non-acceptance"),
                t.step(ACCEPTED).documents("license.acceptance"),
                t.step(EXAMINATION).documents("license.examination"),
                // 许可法 34: two or more staff verify on site; R4: 现场检查 is recorded
                t.step(VERIFICATION).officers(2).av(AvRule.REQUIRED).documents("license.verification"),
                t.step(HEARING).av(AvRule.REQUIRED).documents("license.hearing-notice", "license.hearing-record"),
                t.step(GRANTED).documents("license.grant"),
                t.step(REFUSED).documents("license.refusal"),
                // R4: 送达 is recorded
                t.step(ISSUED).av(AvRule.REQUIRED).documents("license.certificate", "license.service-receipt"),
                t.step(REFUSAL_SERVED).av(AvRule.REQUIRED).documents("license.service-receipt"),
                t.step(CLOSED).documents("license.closing").closes());

        FieldDef closedOn = t.required("closedOn", DATE);
        FieldDef summary = t.required("closingSummary", LONGTEXT);
        FieldDef hearingRecord = t.required("hearingRecord", LONGTEXT);
        FieldDef[] withdrawal = {t.required("withdrawnOn", DATE), t.required("withdrawalNote", LONGTEXT)};

        List<Transition> tr = new ArrayList<>();
        tr.add(t.transition(ACCEPT, APPLIED, ACCEPTED, t.required("acceptedOn", DATE)));
        tr.add(t.transition(NOT_ACCEPT, APPLIED, NOT_ACCEPTED,
                t.choice("nonAcceptanceReason", true, "申请事项依法不需要取得行政许可", "申请事项不属于本机关职权范围",
                        "申请材料不齐全或者不符合法定形式，逾期未补正"),
                t.required("nonAcceptanceNote", LONGTEXT), t.required("nonAcceptanceOn", DATE)));
        tr.add(t.transition("closeNotAccepted", NOT_ACCEPTED, CLOSED, closedOn, summary));
        tr.add(t.transition("examine", ACCEPTED, EXAMINATION));
        tr.add(t.transition("withdrawApplication", ACCEPTED, CLOSED, withdrawal));
        tr.add(t.transition("verifyOnSite", EXAMINATION, VERIFICATION, t.required("verificationReason", LONGTEXT)));
        tr.add(t.transition(CONCLUDE_VERIFICATION, VERIFICATION, EXAMINATION,
                t.required("verifiedOn", DATE), t.required("verificationRecord", LONGTEXT)));
        // 许可法 42: once, by the 负责人, with the reasons told to the applicant; lengthens the decision timer
        tr.add(t.transition(EXTEND, EXAMINATION, EXAMINATION,
                t.required(EXTENDED, BOOLEAN), t.required("extensionReason", LONGTEXT),
                t.required("extensionApprovedOn", DATE), t.required("extensionNotifiedOn", DATE)).roles(Roles.LEADER));
        tr.add(t.transition(SCHEDULE_HEARING, EXAMINATION, HEARING,
                t.choice("hearingBasis", true, "法律、法规、规章规定应当听证（第四十六条）",
                        "涉及公共利益的重大许可事项（第四十六条）", BASIS_REQUEST),
                t.optional("hearingRightNotifiedOn", DATE), t.optional("hearingRequestedOn", DATE),
                t.required("hearingNoticeOn", DATE), t.required("hearingAt", DATETIME),
                t.required("hearingPlace", TEXT), t.required("hearingHost", TEXT)));
        tr.add(t.transition("withdrawDuringExamination", EXAMINATION, CLOSED, withdrawal));

        tr.add(grant(t, "grant", EXAMINATION));
        tr.add(grant(t, "grantAfterHearing", HEARING, hearingRecord));
        tr.add(refuse(t, "refuse", EXAMINATION));
        tr.add(refuse(t, "refuseAfterHearing", HEARING, hearingRecord));

        tr.add(t.transition(ISSUE, GRANTED, ISSUED, t.required("issuedOn", DATE), t.required("certificateNo", TEXT),
                t.required("serviceRecipient", TEXT)));
        tr.add(t.transition(SERVE_REFUSAL, REFUSED, REFUSAL_SERVED, t.required("servedOn", DATE),
                t.choice("serviceMethod", true, "直接送达", "留置送达", "邮寄送达", "委托送达", "电子送达", "公告送达"),
                t.required("serviceRecipient", TEXT)));
        tr.add(t.transition("close", ISSUED, CLOSED, closedOn, summary));
        tr.add(t.transition("closeRefusal", REFUSAL_SERVED, CLOSED, closedOn, summary));

        List<FieldDef> filing = List.of(t.required("item", TEXT), t.required("appliedOn", DATE),
                t.optional("applicationMaterials", LONGTEXT));

        return new Procedure(APPLIED, steps, tr, filing, List.of(
                t.timer("acceptance", APPLIED, null, Set.of(ACCEPTED, NOT_ACCEPTED, CLOSED),
                        cfg.acceptanceWorkingDays(), WORKING_DAYS),
                t.timer("decision", ACCEPTED, "acceptedOn", Set.of(GRANTED, REFUSED, CLOSED),
                        cfg.decisionWorkingDays(), WORKING_DAYS).extendedBy(EXTENDED, cfg.extensionWorkingDays()),
                t.timer("certificate", GRANTED, "decisionDate", Set.of(ISSUED, CLOSED),
                        cfg.certificateWorkingDays(), WORKING_DAYS)));
    }

    /** 准予行政许可决定 (38(1)), made by the 负责人. */
    private static Transition grant(KindTexts t, String id, String from, FieldDef... extra) {
        List<FieldDef> f = new ArrayList<>(List.of(t.required("decisionDate", DATE),
                t.required("licenceContent", LONGTEXT), t.required("legalBasis", LONGTEXT),
                t.optional("validUntil", DATE)));
        f.addAll(List.of(extra));
        return t.transition(id, from, GRANTED, f.toArray(FieldDef[]::new)).roles(Roles.LEADER);
    }

    /** 不予行政许可决定 (38(2)): reasons and the applicant's remedies. */
    private static Transition refuse(KindTexts t, String id, String from, FieldDef... extra) {
        List<FieldDef> f = new ArrayList<>(List.of(t.required("decisionDate", DATE),
                t.required("refusalReasons", LONGTEXT), t.required("legalBasis", LONGTEXT),
                t.required("reconsiderationBody", TEXT), t.required("reconsiderationDays", INTEGER),
                t.required("litigationCourt", TEXT), t.required("litigationMonths", INTEGER)));
        f.addAll(List.of(extra));
        return t.transition(id, from, REFUSED, f.toArray(FieldDef[]::new)).roles(Roles.LEADER);
    }
}
