package org.zhifa.kind.coercion.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zhifa.kind.coercion.internal.CoercionProcedure.*;

import org.junit.jupiter.api.Test;
import org.zhifa.testsupport.CaseBuilder;
import org.zhifa.testsupport.Configs;

/** Whole cases walked from 立案 to 结案 on lawful dates: the checks agree with one another. */
class CoercionWalkTest {

    final CoercionKind kind = new CoercionKind(Configs.defaults(CoercionConfig.class));

    @Test
    void aSeizureExtendedAndConfiscated() {
        var c = new CaseBuilder(kind)
                .move(SEIZE, "2026-03-02T09:00", "measureType", MEASURE_SEIZE, "approvalRef", "局长批准",
                        "partyPresent", "true")
                .move(RECORD_SEIZURE, "2026-03-02T11:00", "seizedOn", "2026-03-02", "seizureReason", "非法采矿",
                        "seizureBasis", "《矿产资源法》", "items", "挖掘机一台", "reviewBody", "衡阳县人民政府",
                        "court", "衡阳县人民法院", "servedOnSpot", "true")
                .move(EXTEND_SEIZURE, "2026-03-30T10:00", "extendedUntil", "2026-04-30", "extensionReason", "案情复杂",
                        "partyNotifiedOn", "2026-03-30")
                .move(DISPOSE_EXTENDED, "2026-04-28T10:00", "disposal", DISPOSAL_CONFISCATE, "disposalBasis", "依法没收",
                        "disposedOn", "2026-04-28")
                .move("close_measure", "2026-04-29T10:00");
        assertEquals(CLOSED, c.step());
    }

    @Test
    void aDemolitionAfterNoticeDemandAndDecision() {
        var c = new CaseBuilder(kind)
                .move(ANNOUNCE_DEMOLITION, "2026-03-02T09:00", "decisionNo", "衡自然资罚〔2025〕9号",
                        "decisionServedOn", "2025-08-01", "structure", "违法占用耕地建房 300 平方米",
                        "noticePublishedOn", "2026-03-02", "selfDemolishBy", "2026-03-16", "noticeContent", "限期自行拆除")
                .move(DEMAND_AFTER_NOTICE, "2026-03-17T09:00", "obligation", "拆除违法建筑", "performBy", "2026-03-27",
                        "performManner", "自行拆除", "statementDeadline", "2026-03-20", "demandServedOn", "2026-03-17")
                .move(RECORD_STATEMENT, "2026-03-23T09:00", "statementOutcome", STATEMENT_LAPSED)
                .move(DECIDE_EXECUTION, "2026-03-30T09:00", "executionReason", "逾期不拆除", "executionBasis",
                        "《行政强制法》第四十四条", "executionManner", MANNER_DEMOLITION, "executionPlannedAt",
                        "2026-04-08T08:30", "reviewBody", "衡阳县人民政府", "court", "衡阳县人民法院",
                        "remedyStatus", REMEDY_NONE)
                .move(START_DEMOLITION, "2026-04-08T08:30", "executionStartedAt", "2026-04-08T08:30",
                        "remedyStatus", REMEDY_NONE)
                .move(FINISH_DEMOLITION, "2026-04-08T17:00", "executionEndedAt", "2026-04-08T17:00",
                        "executionResult", "已拆除")
                .move("close_execution", "2026-04-09T09:00");
        assertEquals(CLOSED, c.step());
    }

    @Test
    void anApplicationToTheCourt() {
        var c = new CaseBuilder(kind)
                .move(DEMAND, "2026-03-02T09:00", "decisionNo", "衡自然资罚〔2025〕9号", "decisionServedOn", "2025-08-01",
                        "obligation", "缴纳罚款", "performBy", "2026-03-12", "performManner", "银行缴纳",
                        "amount", "20000.00", "paymentManner", "缴入国库", "statementDeadline", "2026-03-05",
                        "demandServedOn", "2026-03-02")
                .move(APPLY_COURT_AFTER_DEMAND, "2026-03-13T09:00", "courtName", "衡阳县人民法院",
                        "remedyStatus", REMEDY_NONE)
                .move(COURT_RULING, "2026-03-20T09:00", "rulingNo", "（2026）湘0421行审1号", "rulingOn", "2026-03-20",
                        "rulingResult", RULING_GRANTED)
                .move("close_court", "2026-03-21T09:00");
        assertEquals(CLOSED, c.step());
    }
}
