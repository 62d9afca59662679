package org.zhifa.casefile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.api.casefile.Completeness;
import org.zhifa.api.cases.CaseEvent;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseStatus;
import org.zhifa.api.evidence.AvCoverage;
import org.zhifa.api.kind.AvRule;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.Transition;

class CompletenessCheckTest {

    static final Procedure PROC = new Procedure("filed",
            List.of(Step.of("filed", "立案", "Filed").documents("p.filing"),
                    Step.of("investigation", "调查取证", "Investigation").av(AvRule.REQUIRED).documents("p.record"),
                    Step.of("closed", "结案", "Closed").closes()),
            List.of(Transition.of("investigate", "filed", "investigation", "调查", "Investigate",
                            FieldDef.required("facts", FieldDef.Type.TEXT, "违法事实", "Facts")),
                    Transition.of("close", "investigation", "closed", "结案", "Close")),
            List.of(FieldDef.required("cause", FieldDef.Type.TEXT, "案由", "Cause")), List.of());

    static CaseFile caseFile(CaseStatus status, Map<String, String> fields, CaseEvent... events) {
        return new CaseFile(7, "430421", "衡国土资罚〔2026〕7号", "penalty", "行政处罚", "Penalty", "土地管理", "t", null,
                false, false, "investigation", "调查取证", "Investigation", status, LocalDate.of(2026, 3, 2), List.of(),
                List.of(), List.of(), List.of(events), fields, true, 1, Instant.EPOCH, "officer");
    }

    static CaseEvent filed() {
        return new CaseEvent(1, "FILED", null, null, "filed", "立案", "Filed", "officer", Instant.EPOCH, null, Map.of());
    }

    static CaseEvent investigate() {
        return new CaseEvent(2, "TRANSITION", "investigate", "filed", "investigation", "调查", "Investigate", "officer",
                Instant.EPOCH, null, Map.of());
    }

    @Test
    void anOpenCaseWithoutAvOrFieldsListsEachGap() {
        Completeness c = CompletenessCheck.check(caseFile(CaseStatus.OPEN, Map.of("cause", "占地"), filed(), investigate()),
                PROC, doc -> doc.equals("p.record") ? new String[] {"缺少字段", "field missing"} : null,
                step -> new AvCoverage(7, step.id(), step.av(), false, 0, List.of(), "没有音像记录", "no A/V"));
        assertEquals(List.of("NOT_CLOSED", "DOCUMENT p.record", "AUDIO_VIDEO REQUIRED", "FIELD facts"),
                c.missing().stream().map(m -> m.type() + (m.item() == null ? "" : " " + m.item())).toList());
        assertTrue(c.missing().get(1).messageZh().contains("调查取证"));
        assertTrue(c.missing().get(3).messageEn().contains("Facts"));
    }

    @Test
    void aClosedCaseWithEverythingIsComplete() {
        CaseEvent close = new CaseEvent(3, "TRANSITION", "close", "investigation", "closed", "结案", "Close", "officer",
                Instant.EPOCH, null, Map.of());
        Completeness c = CompletenessCheck.check(caseFile(CaseStatus.CLOSED, Map.of("cause", "占地", "facts", "x"),
                filed(), investigate(), close), PROC, doc -> null,
                step -> new AvCoverage(7, step.id(), step.av(), true, 1, List.of(), "", ""));
        assertTrue(c.complete(), c.missing().toString());
    }

    @Test
    void withoutAnEvidenceStoreAvCannotBeConfirmed() {
        Completeness c = CompletenessCheck.check(caseFile(CaseStatus.OPEN, Map.of("cause", "x", "facts", "y"), filed(),
                investigate()), PROC, doc -> null, null);
        assertEquals(List.of(Completeness.Type.NOT_CLOSED, Completeness.Type.AUDIO_VIDEO),
                c.missing().stream().map(Completeness.Missing::type).toList());
    }
}
