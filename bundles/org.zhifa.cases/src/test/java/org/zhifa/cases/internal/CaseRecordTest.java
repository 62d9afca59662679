package org.zhifa.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.testsupport.DerbyJpa;
import org.zhifa.testsupport.FixedWorkingDays;
import org.zhifa.testsupport.TransactionalLog;

/**
 * Every change of a case lands in the record in its own transaction (R1), and a step that needs
 * audio/video cannot be left without it (R4). Real Derby; the record is a table on the same database
 * written on the engine's connection, the evidence store a stand-in that answers coverage.
 */
class CaseRecordTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    DerbyJpa db;
    TransactionalLog log;
    TestFixtures.Evidence evidence;
    final TestFixtures.Gate gate = new TestFixtures.Gate();
    CaseServiceImpl s;

    @BeforeEach
    void open() {
        db = DerbyJpa.open("caserecord" + System.nanoTime(), "zhifa-cases-test", "/db/cases/V1__cases.sql");
        log = new TransactionalLog(db);
        evidence = new TestFixtures.Evidence();
        TestFixtures.Register register = new TestFixtures.Register();
        register.add(1, "李明", CertificateStatus.VALID, true, "土地管理");
        register.add(2, "张华", CertificateStatus.EXPIRING, true, "土地管理");
        register.add(6, "陈静", CertificateStatus.VALID, true, "土地管理");
        s = new CaseServiceImpl(db.template(), register, FixedWorkingDays.spring2026(), log, "430421",
                TestFixtures.config(), TestFixtures.at("2026-03-02"));
        s.addKind(new TestFixtures.TestKind());
        s.setEvidence(evidence);
        s.setGate(gate);
    }

    @AfterEach
    void close() {
        db.close();
    }

    List<RecordEntry> entries(long caseId) {
        return log.entries("case", Long.toString(caseId), 0, 1000, TestFixtures.OFFICER).items();
    }

    static JsonNode payload(RecordEntry e) throws Exception {
        return JSON.readTree(e.payload());
    }

    @Test
    void everyChangeOfACaseAppendsOneEntryWithItsFacts() throws Exception {
        CaseFile c = s.file(CaseServiceTest.draft(List.of(1L, 2L)), TestFixtures.OFFICER);
        s.assign(c.id(), List.of(1L, 2L, 6L), "增派", TestFixtures.OFFICER);
        evidence.cover(c.id(), "investigate", "ab".repeat(32));
        s.transition(c.id(), "investigate", Map.of("place", "西渡镇"), null, -1, TestFixtures.OFFICER);
        c = s.requestRecusal(c.id(), 6L, "PARTY", "与当事人有利害关系", TestFixtures.OFFICER);
        s.decideRecusal(c.id(), c.recusals().get(0).id(), true, "准予回避", TestFixtures.LEADER);
        c = s.transition(c.id(), "decide", Map.of("amount", "500", "type", "罚款"), "证据确凿", -1,
                TestFixtures.OFFICER);

        List<RecordEntry> entries = entries(c.id());
        assertEquals(List.of("case.filed", "case.assigned", "case.transition", "case.recusal.requested",
                "case.recusal.decided", "case.transition"), entries.stream().map(RecordEntry::entryType).toList());
        assertEquals(c.events().size(), entries.size(), "one entry per timeline event");
        assertEquals(List.of("open", "open", "investigate", "investigate", "investigate", "decided"),
                entries.stream().map(RecordEntry::step).toList(), "the case's step after the change");
        assertTrue(entries.stream().allMatch(e -> e.actor().equals(
                e.entryType().equals("case.recusal.decided") ? "zhao" : "wang")), "attributed to who acted");

        JsonNode filed = payload(entries.get(0));
        assertEquals(c.number(), filed.get("number").asText());
        assertEquals("周某", filed.get("party").get("name").asText());
        assertEquals("群众举报", filed.get("fields").get("source").asText());
        assertEquals(2, filed.get("officers").size());
        assertEquals("decision", filed.get("timers").get(0).get("rule").asText());

        JsonNode assigned = payload(entries.get(1));
        assertEquals("增派", assigned.get("reason").asText());
        assertEquals(3, assigned.get("officers").size());

        JsonNode decide = payload(entries.get(5));
        assertEquals("decide", decide.get("transition").asText());
        assertEquals("investigate", decide.get("from").asText());
        assertEquals("decided", decide.get("to").asText());
        assertEquals("500.00", decide.get("fields").get("amount").asText());
        assertEquals("证据确凿", decide.get("reason").asText());
        assertEquals(6, decide.get("event").asInt());
        assertEquals("REQUIRED", decide.get("av").asText());
        assertEquals(List.of("ab".repeat(32)), entries.get(5).evidenceHashes(),
                "leaving the A/V step names the recordings that cover it");

        JsonNode decided = payload(entries.get(4));
        assertEquals(6, decided.get("officerId").asInt());
        assertEquals("true", decided.get("fields").get("approved").asText());
    }

    @Test
    void aRefusedChangeAppendsNothing() {
        CaseFile c = s.file(CaseServiceTest.draft(List.of(1L)), TestFixtures.OFFICER);
        long before = log.size();
        assertThrows(ZhifaException.class,
                () -> s.transition(c.id(), "investigate", Map.of(), null, -1, TestFixtures.OFFICER));
        assertThrows(ZhifaException.class, () -> s.assign(c.id(), List.of(99L), null, TestFixtures.OFFICER));
        assertThrows(ZhifaException.class, () -> s.file(CaseServiceTest.draft(List.of(77L)), TestFixtures.OFFICER));
        assertEquals(before, log.size());
    }

    @Test
    void anAppendThatFailsTakesTheChangeWithIt() {
        CaseFile c = s.file(CaseServiceTest.draft(List.of(1L, 2L)), TestFixtures.OFFICER);
        long cases = db.count("select count(*) from CASE_FILE");
        IllegalStateException down = new IllegalStateException("log unavailable");
        log.failNext = down;
        assertSame(down, assertThrows(IllegalStateException.class,
                () -> s.transition(c.id(), "investigate", Map.of(), null, -1, TestFixtures.OFFICER)));
        CaseFile after = s.find(c.id(), TestFixtures.OFFICER).orElseThrow();
        assertEquals("open", after.step(), "the move is rolled back with its entry");
        assertEquals(1, after.events().size());
        assertEquals(c.version(), after.version());

        log.failNext = down;
        assertThrows(IllegalStateException.class, () -> s.file(CaseServiceTest.draft(List.of()), TestFixtures.OFFICER));
        assertEquals(cases, db.count("select count(*) from CASE_FILE"), "no case without its filing entry");
        assertEquals(1, log.size());
        assertEquals(1, entries(c.id()).size());
    }

    @Test
    void aStepThatNeedsAudioVideoIsNotLeftWithoutIt() {
        CaseFile c = s.file(CaseServiceTest.draft(List.of(1L, 2L)), TestFixtures.OFFICER);
        c = s.transition(c.id(), "investigate", Map.of(), null, -1, TestFixtures.OFFICER);
        long id = c.id();
        long entries = log.size();

        ZhifaException missing = assertThrows(ZhifaException.class, () -> s.transition(id, "decide",
                Map.of("amount", "500", "type", "罚款"), null, -1, TestFixtures.OFFICER));
        assertEquals(ZhifaException.Kind.CONFLICT, missing.kind());
        assertEquals("AV_MISSING", missing.code());
        assertTrue(missing.messageZh().contains("调查取证") && missing.messageZh().contains("尚无音像记录"),
                missing.messageZh());
        assertTrue(missing.messageEn().contains("Investigation") && missing.messageEn().contains("no audio/video"),
                missing.messageEn());
        assertEquals(List.of(id + "|investigate|REQUIRED"), evidence.asked);
        assertEquals("investigate", s.find(id, TestFixtures.OFFICER).orElseThrow().step(), "nothing written");
        assertEquals(entries, log.size());

        // staying in the step (an extension) closes nothing: no question asked
        s.transition(id, "extend", Map.of("extended", "true"), null, -1, TestFixtures.OFFICER);
        assertEquals(1, evidence.asked.size());

        // without the evidence store the engine cannot know: refused, never passed
        s.unsetEvidence(evidence);
        ZhifaException unavailable = assertThrows(ZhifaException.class, () -> s.transition(id, "decide",
                Map.of("amount", "500", "type", "罚款"), null, -1, TestFixtures.OFFICER));
        assertEquals(ZhifaException.Kind.UNAVAILABLE, unavailable.kind());
        assertEquals("AV_STORE_UNAVAILABLE", unavailable.code());
        assertTrue(unavailable.messageZh().contains("证据库未安装"), unavailable.messageZh());

        s.setEvidence(evidence);
        evidence.cover(id, "investigate", "cd".repeat(32));
        assertEquals("decided", s.transition(id, "decide", Map.of("amount", "500", "type", "罚款"), null, -1,
                TestFixtures.OFFICER).step());
        // a step without an A/V rule is left without asking
        s.transition(id, "serve", Map.of("servedOn", "2026-03-03"), null, -1, TestFixtures.OFFICER);
        assertEquals(2, evidence.asked.size());
    }
}
