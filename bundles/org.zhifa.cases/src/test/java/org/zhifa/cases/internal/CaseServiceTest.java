package org.zhifa.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhifa.api.cases.CaseDraft;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseQuery;
import org.zhifa.api.cases.CaseStatus;
import org.zhifa.api.cases.CaseSummary;
import org.zhifa.api.cases.CaseTimer;
import org.zhifa.api.cases.DueItem;
import org.zhifa.api.cases.Party;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplates;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.testsupport.DerbyJpa;
import org.zhifa.testsupport.FixedWorkingDays;
import org.zhifa.testsupport.TransactionalLog;

/** The case engine on the shipped schema in a real (in-memory) Derby, with a small test kind. */
class CaseServiceTest {
    static final String ADULT_ID = "430421198001011239";
    static final String MINOR_ID = "430421201205010048";
    static final String CREDIT_CODE = "91430421MA4L3K8X1B";

    DerbyJpa db;
    TestFixtures.Register register;
    TestFixtures.TestKind kind;
    TransactionalLog log;
    TestFixtures.Evidence evidence;
    final TestFixtures.Gate gate = new TestFixtures.Gate();

    @BeforeEach
    void open() {
        db = DerbyJpa.open("cases" + System.nanoTime(), "zhifa-cases-test", "/db/cases/V1__cases.sql");
        register = new TestFixtures.Register();
        register.add(1, "李明", CertificateStatus.VALID, true, "土地管理");
        register.add(2, "张华", CertificateStatus.EXPIRING, true, "土地管理", "矿产资源");
        register.add(3, "王强", CertificateStatus.EXPIRED, true, "土地管理");
        register.add(4, "赵敏", CertificateStatus.VALID, true, "矿产资源");
        register.add(5, "刘洋", CertificateStatus.VALID, false, "土地管理");
        register.add(6, "陈静", CertificateStatus.VALID, true, "土地管理");
        kind = new TestFixtures.TestKind();
        log = new TransactionalLog(db);
        evidence = new TestFixtures.Evidence();
        evidence.coverAll = true;
    }

    @AfterEach
    void close() {
        db.close();
    }

    CaseServiceImpl service(String day) {
        return service(TestFixtures.at(day));
    }

    CaseServiceImpl service(Clock clock) {
        CaseServiceImpl s = new CaseServiceImpl(db.template(), register, FixedWorkingDays.spring2026(), log, "430421",
                TestFixtures.config(), clock);
        s.addKind(kind);
        s.setEvidence(evidence);
        s.setGate(gate);
        return s;
    }

    static CaseDraft draft(List<Long> officers) {
        return new CaseDraft("test", "土地管理", "未经批准占用耕地建房", new Party(PartyType.PERSON, "周某",
                ADULT_ID, null, "13800000000", "衡阳县西渡镇"), officers, false, Map.of("source", "群众举报"));
    }

    long rows(String table) {
        return db.count("select count(*) from " + table);
    }

    @Test
    void filingNumbersCasesPerKindAndYearAndRecordsTheFiling() {
        CaseServiceImpl s = service("2026-03-02");
        CaseFile first = s.file(draft(List.of(1L, 2L)), TestFixtures.OFFICER);
        CaseFile second = s.file(draft(List.of()), TestFixtures.OFFICER);
        assertEquals("衡国土资试〔2026〕1号", first.number());
        assertEquals("衡国土资试〔2026〕2号", second.number());
        assertEquals("open", first.step());
        assertEquals(CaseStatus.OPEN, first.status());
        assertEquals(1, first.events().size());
        assertEquals("FILED", first.events().get(0).type());
        assertEquals("wang", first.events().get(0).actor());
        assertEquals("群众举报", first.fields().get("source"));
        assertEquals(List.of(1L, 2L), first.officers().stream().map(o -> o.officerId()).toList());
        assertFalse(first.minor());
        assertEquals(first, s.findByNumber("衡国土资试〔2026〕1号", TestFixtures.REVIEWER).orElseThrow());
        assertEquals("衡国土资试〔2027〕1号", service("2027-01-04").file(draft(List.of()), TestFixtures.OFFICER).number(),
                "numbers start again each year");
    }

    @Test
    void ninetyDayDecisionLimitEndingInTheSpringFestivalMovesToTheNextWorkingDay() {
        // 民法典 203 with 处罚法 60: 2025-11-19 + 90 days = 2026-02-17, a Spring Festival holiday;
        // the holidays run to 2026-02-23, so the limit ends on Tuesday 2026-02-24.
        CaseFile c = service("2025-11-19").file(draft(List.of()), TestFixtures.OFFICER);
        CaseTimer decision = c.timers().get(0);
        assertEquals("decision", decision.rule());
        assertEquals(LocalDate.parse("2026-02-24"), decision.dueOn());
        // and a limit ending on an ordinary working day stays: 2025-11-20 + 90 = 2026-02-18 → 02-24 too,
        // whereas 2025-11-27 + 90 = 2026-02-25 (a Wednesday) is kept as it is
        assertEquals(LocalDate.parse("2026-02-25"),
                service("2025-11-27").file(draft(List.of()), TestFixtures.OFFICER).timers().get(0).dueOn());
    }

    @Test
    void serviceLimitCountsWorkingDaysAcrossTheHolidays() {
        // decided on Friday 2026-02-13: 7 working days are 14 (adjusted Saturday), 24, 25, 26, 27, 28 (adjusted), 3/2
        CaseServiceImpl s = service("2026-02-13");
        CaseFile c = s.file(new CaseDraft("test", "土地管理", "当场处罚", draft(List.of()).party(), List.of(), true,
                Map.of()), TestFixtures.OFFICER);
        c = s.transition(c.id(), "decideOnSpot", Map.of("amount", "50"), null, c.version(), TestFixtures.OFFICER);
        CaseTimer service = c.timers().stream().filter(t -> t.rule().equals("service")).findFirst().orElseThrow();
        assertEquals(LocalDate.parse("2026-03-02"), service.dueOn());
        assertEquals(LocalDate.parse("2026-02-13"), c.timers().get(0).metOn(), "the decision limit is met");
    }

    @Test
    void anExtendableLimitFollowsItsExtensionAndAStepMayBeReentered() {
        CaseServiceImpl s = service("2026-03-02");
        CaseFile c = s.file(draft(List.of(1L, 2L)), TestFixtures.OFFICER);
        c = s.transition(c.id(), "investigate", Map.of(), null, c.version(), TestFixtures.OFFICER);
        assertEquals(LocalDate.parse("2026-06-01"), c.timers().get(0).dueOn());
        c = s.transition(c.id(), "extend", Map.of("extended", "true"), "负责人批准延长", c.version(), TestFixtures.OFFICER);
        assertEquals("investigate", c.step());
        // 2026-03-02 + 120 days = 2026-06-30, a Tuesday
        assertEquals(LocalDate.parse("2026-06-30"), c.timers().get(0).dueOn());
        assertEquals(1, c.timers().size(), "re-entering a step does not start its timers twice");
        assertEquals("BOOLEAN", assertThrows(ZhifaException.class, () -> s.transition(s.list(CaseQuery.all(0, 1),
                TestFixtures.OFFICER).items().get(0).id(), "extend", Map.of("extended", "yes"), null, -1,
                TestFixtures.OFFICER)).messageEn().replaceAll(".* ", ""));
    }

    @Test
    void badFilingIsRefusedAndWritesNothing() {
        CaseServiceImpl s = service("2026-03-02");
        ZhifaException unknownKind = assertThrows(ZhifaException.class, () -> s.file(new CaseDraft("nope", "土地管理",
                "x", draft(List.of()).party(), List.of(), false, Map.of()), TestFixtures.OFFICER));
        assertEquals(ZhifaException.Kind.NOT_FOUND, unknownKind.kind());
        assertEquals("KIND_UNKNOWN", unknownKind.code());
        ZhifaException badId = assertThrows(ZhifaException.class, () -> s.file(new CaseDraft("test", "土地管理", "x",
                new Party(PartyType.PERSON, "周某", "430421198001011238", null, null, null), List.of(), false, Map.of()),
                TestFixtures.OFFICER));
        assertEquals("PARTY_ID_INVALID", badId.code());
        assertEquals("party.idNumber", badId.field());
        ZhifaException badCode = assertThrows(ZhifaException.class, () -> s.file(new CaseDraft("test", "土地管理", "x",
                new Party(PartyType.ORGANISATION, "某公司", "91430421MA4L3K8X1C", "周某", null, null), List.of(), false,
                Map.of()), TestFixtures.OFFICER));
        assertEquals("PARTY_CREDIT_CODE_INVALID", badCode.code());
        ZhifaException unknownField = assertThrows(ZhifaException.class, () -> s.file(new CaseDraft("test", "土地管理",
                "x", draft(List.of()).party(), List.of(), false, Map.of("colour", "red")), TestFixtures.OFFICER));
        assertEquals("FIELD_UNKNOWN", unknownField.code());
        ZhifaException category = assertThrows(ZhifaException.class, () -> s.file(new CaseDraft("test", "海洋渔业",
                "x", draft(List.of()).party(), List.of(), false, Map.of()), TestFixtures.OFFICER));
        assertEquals("CATEGORY_UNKNOWN", category.code());
        ZhifaException reviewer = assertThrows(ZhifaException.class, () -> s.file(draft(List.of()), TestFixtures.REVIEWER));
        assertEquals(ZhifaException.Kind.FORBIDDEN, reviewer.kind());
        assertEquals(0, rows("CASE_FILE"));
        assertEquals(0, rows("CASE_EVENT"));
    }

    @Test
    void organisationsAndMinorsAreRecognised() {
        CaseServiceImpl s = service("2026-03-02");
        CaseFile org = s.file(new CaseDraft("test", "土地管理", "x", new Party(PartyType.ORGANISATION, "衡阳某矿业有限公司",
                CREDIT_CODE.toLowerCase(), "周某", null, null), List.of(), false, Map.of()), TestFixtures.OFFICER);
        assertEquals(CREDIT_CODE, org.party().idNumber());
        CaseFile minor = s.file(new CaseDraft("test", "土地管理", "x", new Party(PartyType.PERSON, "小周", MINOR_ID, null,
                null, null), List.of(), false, Map.of()), TestFixtures.OFFICER);
        assertTrue(minor.minor(), "born 2012-05-01, 13 years old on 2026-03-02");
        // 18 on 2030-05-01
        assertTrue(PartyRules.minor(minor.party(), LocalDate.parse("2030-04-30")));
        assertFalse(PartyRules.minor(minor.party(), LocalDate.parse("2030-05-01")));
    }

    @Test
    void officersMustBeCertifiedValidActiveAndOfTheCasesField() {
        // T4: only certified, unexpired officers of the case's field may act
        CaseServiceImpl s = service("2026-03-02");
        assertEquals("OFFICER_CERTIFICATE_EXPIRED", assertThrows(ZhifaException.class,
                () -> s.file(draft(List.of(1L, 3L)), TestFixtures.OFFICER)).code());
        assertEquals("OFFICER_WRONG_CATEGORY", assertThrows(ZhifaException.class,
                () -> s.file(draft(List.of(1L, 4L)), TestFixtures.OFFICER)).code());
        assertEquals("OFFICER_INACTIVE", assertThrows(ZhifaException.class,
                () -> s.file(draft(List.of(5L)), TestFixtures.OFFICER)).code());
        assertEquals("OFFICER_UNKNOWN", assertThrows(ZhifaException.class,
                () -> s.file(draft(List.of(99L)), TestFixtures.OFFICER)).code());
        assertEquals(0, rows("CASE_FILE"));
    }

    @Test
    void investigationNeedsTwoCertifiedOfficers() {
        // 处罚法 42: investigation by at least two officers holding valid certificates
        CaseServiceImpl s = service("2026-03-02");
        CaseFile c = s.file(draft(List.of(1L)), TestFixtures.OFFICER);
        long version = c.version();
        ZhifaException alone = assertThrows(ZhifaException.class,
                () -> s.transition(c.id(), "investigate", Map.of(), null, version, TestFixtures.OFFICER));
        assertEquals(ZhifaException.Kind.CONFLICT, alone.kind());
        assertEquals("STEP_NEEDS_OFFICERS", alone.code());
        assertTrue(alone.messageZh().contains("至少 2 名"), alone.messageZh());
        assertEquals(1, s.find(c.id(), TestFixtures.OFFICER).orElseThrow().events().size(), "nothing written");

        CaseFile two = s.assign(c.id(), List.of(1L, 2L), "补充承办人", TestFixtures.OFFICER);
        two = s.transition(c.id(), "investigate", Map.of("place", "西渡镇"), null, two.version(), TestFixtures.OFFICER);
        assertEquals("investigate", two.step());
        // the officer whose certificate expires afterwards no longer counts
        register.add(2, "张华", CertificateStatus.EXPIRED, true, "土地管理");
        CaseFile now = two;
        assertEquals("STEP_NEEDS_OFFICERS", assertThrows(ZhifaException.class, () -> s.assign(now.id(), List.of(1L),
                null, TestFixtures.OFFICER)).code(), "cannot drop below two during investigation");
    }

    @Test
    void illegalTransitionsAreRefusedWithTheReasonAndChangeNothing() {
        CaseServiceImpl s = service("2026-03-02");
        CaseFile c = s.file(draft(List.of(1L, 2L)), TestFixtures.OFFICER);
        ZhifaException skip = assertThrows(ZhifaException.class,
                () -> s.transition(c.id(), "serve", Map.of("servedOn", "2026-03-03"), null, -1, TestFixtures.OFFICER));
        assertEquals(ZhifaException.Kind.CONFLICT, skip.kind());
        assertEquals("TRANSITION_NOT_ALLOWED", skip.code());
        assertTrue(skip.messageZh().contains("立案") && skip.messageZh().contains("调查取证"), skip.messageZh());
        assertEquals("TRANSITION_SIMPLE_ONLY", assertThrows(ZhifaException.class,
                () -> s.transition(c.id(), "decideOnSpot", Map.of("amount", "10"), null, -1, TestFixtures.OFFICER)).code());
        assertEquals("TRANSITION_UNKNOWN", assertThrows(ZhifaException.class,
                () -> s.transition(c.id(), "fly", Map.of(), null, -1, TestFixtures.OFFICER)).code());
        assertEquals("VERSION_CONFLICT", assertThrows(ZhifaException.class,
                () -> s.transition(c.id(), "investigate", Map.of(), null, c.version() + 7, TestFixtures.OFFICER)).code());
        assertEquals("FIELD_UNKNOWN", assertThrows(ZhifaException.class,
                () -> s.transition(c.id(), "investigate", Map.of("x", "1"), null, -1, TestFixtures.OFFICER)).code());
        CaseFile after = s.find(c.id(), TestFixtures.OFFICER).orElseThrow();
        assertEquals(c, after, "nothing changed");
    }

    @Test
    void theKindsOwnRulesAreAskedAndTheirRefusalWritesNothing() {
        CaseServiceImpl s = service("2026-03-02");
        CaseFile c = s.file(draft(List.of(1L, 2L)), TestFixtures.OFFICER);
        CaseFile inv = s.transition(c.id(), "investigate", Map.of(), "现场勘验", c.version(), TestFixtures.OFFICER);
        long events = rows("CASE_EVENT");
        ZhifaException tooMuch = assertThrows(ZhifaException.class, () -> s.transition(inv.id(), "decide",
                Map.of("amount", "1000.01", "type", "罚款"), null, inv.version(), TestFixtures.OFFICER));
        assertEquals("TEST_TOO_MUCH", tooMuch.code());
        assertEquals(events, rows("CASE_EVENT"));
        assertEquals("FIELD_MONEY_INVALID", assertThrows(ZhifaException.class, () -> s.transition(inv.id(), "decide",
                Map.of("amount", "12.345", "type", "罚款"), null, inv.version(), TestFixtures.OFFICER)).code());
        assertEquals("FIELD_CHOICE", assertThrows(ZhifaException.class, () -> s.transition(inv.id(), "decide",
                Map.of("amount", "1", "type", "拘留"), null, inv.version(), TestFixtures.OFFICER)).code());
        CaseFile decided = s.transition(inv.id(), "decide", Map.of("amount", "1000", "type", "罚款"), null,
                inv.version(), TestFixtures.OFFICER);
        assertEquals("1000.00", decided.fields().get("amount"), "money is kept in canonical form");
        var check = kind.checks.get(kind.checks.size() - 1);
        assertEquals(List.of("investigate"), check.facts().transitionsTaken());
        assertEquals("群众举报", check.facts().fields().get("source"));
        assertEquals("investigate", check.facts().step());
    }

    @Test
    void aCaseRunsToItsCloseThenStops() {
        CaseServiceImpl s = service("2026-03-02");
        CaseFile c = s.file(draft(List.of(1L, 2L)), TestFixtures.OFFICER);
        c = s.transition(c.id(), "investigate", Map.of(), null, c.version(), TestFixtures.OFFICER);
        c = s.transition(c.id(), "decide", Map.of("amount", "500", "type", "罚款"), null, c.version(), TestFixtures.OFFICER);
        assertEquals(List.of("test.decision"), s.documents(c.id(), TestFixtures.OFFICER));
        c = s.transition(c.id(), "serve", Map.of("servedOn", "2026-03-03"), null, c.version(), TestFixtures.OFFICER);
        long id = c.id();
        long v = c.version();
        assertEquals(ZhifaException.Kind.FORBIDDEN, assertThrows(ZhifaException.class,
                () -> s.transition(id, "close", Map.of(), null, v, TestFixtures.OFFICER)).kind(), "结案 is the leader's");
        assertEquals(List.of(), s.availableTransitions(id, TestFixtures.OFFICER));
        assertEquals(List.of("close"), s.availableTransitions(id, TestFixtures.LEADER));
        c = s.transition(id, "close", Map.of(), "执行完毕", v, TestFixtures.LEADER);
        assertEquals(CaseStatus.CLOSED, c.status());
        assertTrue(c.timers().stream().noneMatch(CaseTimer::running));
        assertEquals(List.of("FILED", "TRANSITION", "TRANSITION", "TRANSITION", "TRANSITION"),
                c.events().stream().map(e -> e.type()).toList());
        assertEquals("执行完毕", c.events().get(4).reason());
        assertEquals("CASE_CLOSED", assertThrows(ZhifaException.class,
                () -> s.assign(id, List.of(1L), null, TestFixtures.OFFICER)).code());
    }

    @Test
    void documentsAreFilledWithTheCaseAndItsRecordedFields() {
        CaseServiceImpl s = service("2026-03-02");
        CaseFile c = s.file(draft(List.of(1L, 2L)), TestFixtures.OFFICER);
        long id = c.id();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertEquals("DOCUMENTS_UNAVAILABLE", assertThrows(ZhifaException.class,
                () -> s.renderDocument(id, "test.decision", "pdf", out, TestFixtures.OFFICER)).code());
        List<Map<String, ?>> rendered = new java.util.ArrayList<>();
        s.setRenderer((template, fields, format, o) -> rendered.add(fields));
        DocumentTemplate decision = new DocumentTemplate("test.decision", "决定书", "Decision", List.of(), List.of(), "");
        s.setTemplates(new DocumentTemplates() {
            @Override public java.util.Optional<DocumentTemplate> find(String t) {
                return t.equals("test.decision") ? java.util.Optional.of(decision) : java.util.Optional.empty();
            }
            @Override public List<DocumentTemplate> all() { return List.of(decision); }
            @Override public DocumentTemplate parse(java.io.InputStream json) { throw new UnsupportedOperationException(); }
        });
        assertEquals("DOCUMENT_NOT_IN_CASE", assertThrows(ZhifaException.class,
                () -> s.renderDocument(id, "test.decision", "pdf", out, TestFixtures.OFFICER)).code(),
                "the decision does not exist before the case is decided");
        c = s.transition(id, "investigate", Map.of(), null, -1, TestFixtures.OFFICER);
        c = s.transition(id, "decide", Map.of("amount", "500", "type", "罚款"), null, -1, TestFixtures.OFFICER);
        assertEquals("DOCUMENT_FORMAT", assertThrows(ZhifaException.class,
                () -> s.renderDocument(id, "test.decision", "exe", out, TestFixtures.OFFICER)).code());
        s.renderDocument(id, "test.decision", "PDF", out, TestFixtures.OFFICER);
        Map<String, ?> fields = rendered.get(0);
        assertEquals("衡国土资试〔2026〕1号", fields.get("case.number"));
        assertEquals("周某", fields.get("party.name"));
        assertEquals("自然人", fields.get("party.type"));
        assertEquals("500.00", fields.get("amount"));
        assertEquals("李明、张华", fields.get("officers"));
        assertEquals(List.of("CERT1", "CERT2"), fields.get("officer.certificateNo"));
        assertEquals("2026年3月2日", fields.get("case.filedOn"));
        assertEquals("2026年3月3日", CaseDocuments.display("2026-03-03"));
        assertEquals("是", CaseDocuments.display("true"));
    }

    @Test
    void withoutItsKindACaseIsReadOnlyAndComesBackWithIt() {
        CaseServiceImpl s = service("2026-03-02");
        CaseFile c = s.file(draft(List.of(1L, 2L)), TestFixtures.OFFICER);
        s.removeKind(kind);
        assertTrue(s.kinds().isEmpty());
        CaseFile read = s.find(c.id(), TestFixtures.OFFICER).orElseThrow();
        assertFalse(read.kindInstalled());
        assertEquals("测试", read.kindTitleZh());
        ZhifaException moving = assertThrows(ZhifaException.class,
                () -> s.transition(c.id(), "investigate", Map.of(), null, -1, TestFixtures.OFFICER));
        assertEquals("KIND_NOT_INSTALLED", moving.code());
        assertTrue(moving.messageZh().contains("只读"), moving.messageZh());
        assertEquals(List.of(), s.availableTransitions(c.id(), TestFixtures.OFFICER));
        assertEquals(1, s.list(CaseQuery.all(0, 10), TestFixtures.OFFICER).total());
        s.addKind(kind);
        assertEquals("investigate", s.transition(c.id(), "investigate", Map.of(), null, -1, TestFixtures.OFFICER).step());
    }

    @Test
    void recusalIsRequestedRecordedAndDecidedByALeader() {
        CaseServiceImpl s = service("2026-03-02");
        CaseFile c = s.file(draft(List.of(1L, 2L, 6L)), TestFixtures.OFFICER);
        c = s.requestRecusal(c.id(), 2L, "PARTY", "承办人与当事人系近亲属", TestFixtures.OFFICER);
        long recusal = c.recusals().get(0).id();
        long id = c.id();
        assertEquals("RECUSAL_PENDING", assertThrows(ZhifaException.class,
                () -> s.requestRecusal(id, 2L, "PARTY", "再次申请", TestFixtures.OFFICER)).code());
        assertEquals("RECUSAL_LEADER_ONLY", assertThrows(ZhifaException.class,
                () -> s.decideRecusal(id, recusal, true, "属实", TestFixtures.OFFICER)).code());
        assertEquals("RECUSAL_NOT_ASSIGNED", assertThrows(ZhifaException.class,
                () -> s.requestRecusal(id, 4L, "PARTY", "x", TestFixtures.OFFICER)).code());
        c = s.decideRecusal(id, recusal, true, "经查属实", TestFixtures.LEADER);
        assertEquals(List.of(1L, 6L), c.officers().stream().map(o -> o.officerId()).toList());
        assertTrue(c.recusals().get(0).approved());
        assertEquals("zhao", c.recusals().get(0).decisionActor());
        assertEquals(List.of("FILED", "RECUSAL_REQUESTED", "RECUSAL_DECIDED"),
                c.events().stream().map(e -> e.type()).toList());
        assertEquals("RECUSAL_DECIDED", assertThrows(ZhifaException.class,
                () -> s.decideRecusal(id, recusal, false, "改判", TestFixtures.LEADER)).code());
        assertTrue(c.fields().keySet().stream().noneMatch(k -> k.equals("officer")),
                "recusal entries do not leak into the case fields");
    }

    @Test
    void listFiltersAndDueListsFollowTheCalendar() {
        CaseServiceImpl march = service("2026-03-02");
        assertEquals(0, march.list(CaseQuery.all(0, 10), TestFixtures.OFFICER).total());
        CaseFile a = march.file(draft(List.of(1L, 2L)), TestFixtures.OFFICER);
        assertEquals(1, march.list(CaseQuery.all(0, 10), TestFixtures.OFFICER).total(), "a write shows at once");

        march.file(new CaseDraft("test", "矿产资源", "非法采矿", new Party(PartyType.ORGANISATION, "某矿业公司",
                CREDIT_CODE, "周某", null, null), List.of(4L), false, Map.of()), TestFixtures.OFFICER);
        Page<CaseSummary> mine = march.list(new CaseQuery(null, null, null, null, "矿产资源", null, null, 0, "id",
                true, 0, 10), TestFixtures.OFFICER);
        assertEquals(1, mine.total());
        assertEquals("非法采矿", mine.items().get(0).title());
        assertEquals(1, march.list(new CaseQuery("周某", null, null, null, null, 1L, null, 0, "id", true, 0, 10),
                TestFixtures.OFFICER).total());
        assertEquals(2, march.list(new CaseQuery("衡国土资试", "test", "open", CaseStatus.OPEN, null, null, null, 0,
                "filedOn", false, 0, 10), TestFixtures.OFFICER).total());
        assertEquals("SORT_UNKNOWN", assertThrows(ZhifaException.class, () -> march.list(new CaseQuery(null, null, null,
                null, null, null, null, 0, "party; drop table", true, 0, 10), TestFixtures.OFFICER)).code());

        // 90 days after 2026-03-02 is 2026-05-31, a Sunday: due Monday 2026-06-01
        assertEquals(LocalDate.parse("2026-06-01"), a.timers().get(0).dueOn());
        CaseServiceImpl lateMay = service("2026-05-27");
        assertEquals(0, lateMay.list(new CaseQuery(null, null, null, null, null, null, CaseQuery.Due.SOON, 2, "id",
                true, 0, 10), TestFixtures.OFFICER).total(), "27 May + 2 working days = 29 May < 1 June");
        assertEquals(2, lateMay.list(new CaseQuery(null, null, null, null, null, null, CaseQuery.Due.SOON, 3, "id",
                true, 0, 10), TestFixtures.OFFICER).total());
        List<DueItem> due = lateMay.due(3, TestFixtures.OFFICER);
        assertEquals(2, due.size());
        assertEquals(3, due.get(0).workingDaysLeft());
        assertFalse(due.get(0).overdue());
        CaseServiceImpl june = service("2026-06-02");
        assertEquals(2, june.list(new CaseQuery(null, null, null, null, null, null, CaseQuery.Due.OVERDUE, 0, "nextDue",
                true, 0, 10), TestFixtures.OFFICER).total());
        assertTrue(june.due(0, TestFixtures.OFFICER).get(0).overdue());
        assertNull(june.list(new CaseQuery(null, null, null, CaseStatus.CLOSED, null, null, null, 0, "id", true, 0, 10),
                TestFixtures.OFFICER).items().stream().findFirst().orElse(null));

        // remembered lists and rows never outlive a write
        march.transition(a.id(), "investigate", Map.of(), null, -1, TestFixtures.OFFICER);
        assertEquals("investigate", march.list(new CaseQuery(null, null, null, null, "土地管理", null, null, 0, "id",
                true, 0, 10), TestFixtures.OFFICER).items().get(0).step());
        assertEquals(1, march.list(new CaseQuery(null, null, "investigate", null, null, null, null, 0, "id", true, 0,
                10), TestFixtures.OFFICER).total());
    }
}
