package org.zhifa.kind.inspection.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zhifa.kind.inspection.internal.InspectionProcedure.*;

import org.junit.jupiter.api.Test;
import org.zhifa.testsupport.CaseBuilder;
import org.zhifa.testsupport.Configs;

/** Inspections walked from 检查计划 to 结案 on lawful dates: the checks agree with one another. */
class InspectionWalkTest {

    final InspectionKind kind = new InspectionKind(Configs.defaults(InspectionConfig.class));

    @Test
    void aRandomInspectionRectifiedAfterOneFollowUp() {
        var c = new CaseBuilder(kind).field("source", SOURCE_RANDOM).field("drawId", "SJ-2026-Q1-007")
                .move(INSPECT, "2026-03-02T09:00", "startedAt", "2026-03-02T09:00", "location", "樟木乡采石场",
                        "certificatesShown", "true")
                .move(RECORD_RESULT, "2026-03-02T11:30", "endedOn", "2026-03-02", "findings", "越界开采",
                        "result", RESULT_RECTIFY)
                .move(ORDER_RECTIFICATION, "2026-03-03T09:00", "rectifyBy", "2026-03-20", "requirements", "停止越界开采",
                        "orderServedOn", "2026-03-03")
                .move(START_FOLLOW_UP, "2026-03-23T09:00", "followUpOn", "2026-03-23", "certificatesShown", "true")
                .move(RECORD_FOLLOW_UP, "2026-03-23T10:00", "followUpResult", FOLLOW_UP_NOT_DONE,
                        "followUpFindings", "仍在越界")
                .move(ORDER_AGAIN, "2026-03-24T09:00", "rectifyBy", "2026-04-10", "requirements", "恢复植被",
                        "orderServedOn", "2026-03-24")
                .move(START_FOLLOW_UP, "2026-04-03T09:00", "followUpOn", "2026-04-03", "certificatesShown", "true",
                        "partyReportedDone", "true", "partyReportedOn", "2026-04-02")
                .move(RECORD_FOLLOW_UP, "2026-04-03T10:00", "followUpResult", FOLLOW_UP_DONE, "followUpFindings", "已整改")
                .move(CLOSE_RECTIFIED, "2026-04-03T11:00");
        assertEquals(CLOSED, c.step());
    }

    @Test
    void aPassedInspection() {
        var c = new CaseBuilder(kind).field("source", SOURCE_PLAN)
                .move(INSPECT, "2026-03-02T09:00", "startedAt", "2026-03-02T09:00", "location", "新桥村",
                        "certificatesShown", "true")
                .move(RECORD_RESULT, "2026-03-02T10:00", "endedOn", "2026-03-02", "findings", "未发现问题",
                        "result", RESULT_PASSED)
                .move(CLOSE_PASSED, "2026-03-02T10:05");
        assertEquals(CLOSED, c.step());
    }
}
