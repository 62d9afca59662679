package org.zhifa.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseStatus;
import org.zhifa.api.cases.Party;
import org.zhifa.api.common.Actor;
import org.zhifa.api.document.DocumentData;
import org.zhifa.api.kind.CaseFacts.PartyType;

/** What DocumentData plug-ins may add to a case document, and what they are told. */
class DocumentExtrasTest {

    private static final CaseFile CASE = new CaseFile(7, "430421", "衡国土资罚〔2026〕7号", "test", "测试", "Test",
            "土地管理", "某案", new Party(PartyType.PERSON, "张三", null, null, null, null), false, false, "decided",
            "决定", "Decided", CaseStatus.OPEN, LocalDate.of(2026, 3, 2), List.of(), List.of(), List.of(), List.of(),
            Map.of(), true, 1, Instant.parse("2026-03-02T00:00:00Z"), "wang");

    /** Records what it was asked and answers {@code answer}. */
    private static final class Probe implements DocumentData {
        final List<Object> asked = new ArrayList<>();
        final Map<String, ?> answer;

        Probe(Map<String, ?> answer) {
            this.answer = answer;
        }

        @Override
        public Map<String, ?> fields(long caseId, String documentId, String step, Actor actor) {
            asked.addAll(List.of(caseId, documentId, step == null ? "-" : step, actor.user()));
            return answer;
        }
    }

    private static Map.Entry<Map<String, Object>, DocumentData> registered(String prefix, DocumentData d) {
        return new SimpleEntry<>(prefix == null ? Map.of() : Map.of(DocumentData.PROPERTY_DATA, prefix), d);
    }

    @Test
    void addsOnlyTheNamesUnderItsPrefixAndNeverOverTheCase() {
        Map<String, Object> fields = new LinkedHashMap<>(Map.of("case.number", "原案号"));
        Probe evidence = new Probe(Map.of("evidence.hash", List.of("ab12"), "case.number", "伪造", "evidencex", "x",
                "other.name", "y"));
        Probe anonymous = new Probe(Map.of("nobody.name", "z"));
        DocumentExtras.add(fields, List.of(registered("evidence", evidence), registered(null, anonymous)), CASE,
                "test.decision", new TestFixtures.TestKind(), TestFixtures.OFFICER);

        assertEquals(Map.of("case.number", "原案号", "evidence.hash", List.of("ab12")), fields);
        // the step whose documents name the template
        assertEquals(List.of(7L, "test.decision", "decided", "wang"), evidence.asked);
        assertEquals(List.of(), anonymous.asked, "a service without its prefix is not asked");
    }

    @Test
    void withoutTheKindThereIsNoStep() {
        Probe p = new Probe(null);
        Map<String, Object> fields = new LinkedHashMap<>();
        DocumentExtras.add(fields, List.of(registered("evidence", p)), CASE, "test.decision", null, TestFixtures.OFFICER);
        assertEquals("-", p.asked.get(2));
        assertNull(fields.get("evidence.hash"));
        // a document no step names
        Probe q = new Probe(Map.of());
        DocumentExtras.add(fields, List.of(registered("evidence", q)), CASE, "nope", new TestFixtures.TestKind(),
                TestFixtures.OFFICER);
        assertEquals("-", q.asked.get(2));
    }
}
