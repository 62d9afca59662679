package org.zhifa.kind.levy.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zhifa.kind.levy.internal.LevyProcedure.*;

import org.junit.jupiter.api.Test;
import org.zhifa.testsupport.CaseBuilder;
import org.zhifa.testsupport.Configs;

/** A whole expropriation walked from 启动 to 结案 on lawful dates: the checks agree with one another. */
class LevyWalkTest {

    final LevyKind kind = new LevyKind(Configs.defaults(LevyConfig.class));

    @Test
    void withAHearingAndAHandOverOrder() {
        var c = new CaseBuilder(kind)
                .move(PRE_NOTICE, "2026-03-02T09:00", "preNoticeOn", "2026-03-02", "levyScope", "樟木乡新桥村三组",
                        "levyPurpose", "县道改建", "surveyArrangement", "3月3日起入户调查", "noticePlaces", "樟木乡、新桥村")
                .move(SURVEY, "2026-03-12T09:00", "surveyResult", "耕地 2.1 公顷", "riskAssessment", "报告",
                        "riskLevel", RISK_MEDIUM)
                .move(PLAN_NOTICE, "2026-03-17T09:00", "planNoticeOn", "2026-03-17", "noticeDays", "30",
                        "landStatus", "耕地", "compensationStandard", "区片综合地价", "resettlement", "货币安置",
                        "socialSecurity", "纳入养老保险", "registrationDeadline", "2026-04-10", "objectionChannel", "乡政府")
                .move(REQUEST_HEARING, "2026-04-01T09:00", "memberCount", "120", "objectorCount", "70")
                .move(HOLD_HEARING, "2026-04-20T09:00", "hearingOn", "2026-04-20", "hearingRecord", "笔录",
                        "planRevised", "true", "planRevision", "提高青苗补偿")
                .move(REGISTER, "2026-04-21T09:00", "registeredCount", "118")
                .move(SIGN_AGREEMENTS, "2026-04-27T09:00", "signedCount", "116", "unsignedCount", "2",
                        "unsignedExplanation", "两户对安置地点有异议", "feesInPlace", "true")
                .move(APPLY, "2026-04-28T09:00", "appliedOn", "2026-04-28", "applicationNo", "衡县政〔2026〕8号")
                .move(APPROVE, "2026-05-20T09:00", "approvalNo", "湘政地〔2026〕55号", "approvedOn", "2026-05-18",
                        "approvalReceivedOn", "2026-05-20")
                .move(LEVY_NOTICE, "2026-05-25T09:00", "levyNoticeOn", "2026-05-25", "levyNoticeScope", "樟木乡新桥村三组",
                        "levySchedule", "6月底前交地")
                .move(DECIDE_COMPENSATION, "2026-06-05T09:00", "compensationDecisionNo", "衡县政征补〔2026〕1号",
                        "compensationDecidedOn", "2026-06-05", "compensationParties", "张某、李某",
                        "compensationContent", "按方案货币补偿", "reviewBody", "衡阳市人民政府", "court", "衡阳市中级人民法院")
                .move(ORDER_SURRENDER, "2026-07-01T09:00", "surrenderDecisionNo", "衡县政责交〔2026〕1号",
                        "surrenderOrderedOn", "2026-07-01", "surrenderParties", "张某", "surrenderBy", "2026-07-15",
                        "reviewBody", "衡阳市人民政府", "court", "衡阳市中级人民法院")
                .move("close_after_surrender", "2026-07-20T09:00");
        assertEquals(CLOSED, c.step());
    }
}
