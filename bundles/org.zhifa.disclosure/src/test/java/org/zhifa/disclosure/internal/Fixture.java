package org.zhifa.disclosure.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.zhifa.api.cases.CaseDraft;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.Party;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.PublishingChannel;
import org.zhifa.api.kind.CaseFacts;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.DecisionFacts;
import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.FieldDef.Type;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.Transition;
import org.zhifa.api.legalreview.DecisionGate;
import org.zhifa.api.legalreview.MajorEvaluation;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.ImportResult;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerChange;
import org.zhifa.api.personnel.OfficerDraft;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.personnel.PublicCertificate;
import org.zhifa.cases.internal.DisclosureTestEngine;
import org.zhifa.disclosure.internal.redact.RedactorImpl;
import org.zhifa.documents.internal.DocumentsConfig;
import org.zhifa.documents.internal.Renderer;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.DerbyJpa;
import org.zhifa.testsupport.TransactionalLog;

/**
 * The real case engine, the disclosure service, the redactor and the PDF renderer on one in-memory Derby with
 * the shipped schemas, the State Council's calendar from the shared test data, a clock the test moves, and a
 * small 行政处罚-like kind. The gate admits every decision (the legal review has its own tests).
 */
final class Fixture implements AutoCloseable {
    static final String BUREAU = "430421";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Actor OFFICER = new Actor("wang", Set.of(Roles.OFFICER));
    static final Actor LEADER = new Actor("zhao", Set.of(Roles.LEADER));
    static final Actor ADMIN = new Actor("admin", Set.of(Roles.ADMIN));
    static final Actor REVIEWER = new Actor("qian", Set.of(Roles.REVIEWER));

    final DerbyJpa db;
    final TransactionalLog log;
    final DataSource dataSource;
    final TestClock clock;
    final CnHolidays days = new CnHolidays();
    final CaseService cases;
    DisclosureServiceImpl service;
    final Settings settings;

    Fixture(String day) {
        this(day, settings(Map.of()));
    }

    Fixture(String day, Settings settings) {
        String name = "disc" + System.nanoTime();
        db = DerbyJpa.open(name, "zhifa-cases-test", "/db/cases/V1__cases.sql", "/db/disclosure/V1__disclosure.sql",
                "/db/disclosure/V2__disclosure_list_indexes.sql", "/db/disclosure/V3__disclosure_item_state.sql");
        log = new TransactionalLog(db);
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + name);
        dataSource = ds;
        clock = new TestClock(LocalDate.parse(day).atTime(10, 0).atZone(ZONE).toInstant());
        this.settings = settings;
        service = newService();
        DecisionGate admitAll = (tx, decision, actor) -> new MajorEvaluation(Boolean.parseBoolean(
                decision.fields().getOrDefault("major", "false")), false, 1, LocalDate.parse("2021-07-15"), List.of());
        cases = DisclosureTestEngine.create(db.template(), new Register(), days, log, BUREAU, clock, new TestKind(),
                admitAll, (tx, c, rule, major, on, actor) -> service.decided(tx, c, rule, major, on, actor));
    }

    /** A service as after a restart: same database, nothing in memory. */
    DisclosureServiceImpl newService() {
        DisclosureServiceImpl s = new DisclosureServiceImpl(dataSource, log, BUREAU, "衡阳县自然资源局", days,
                new RedactorImpl(), new Renderer(Configs.defaults(DocumentsConfig.class)), settings, clock);
        s.addKind(new TestKind());
        return s;
    }

    static Settings settings(Map<String, Object> overrides) {
        Map<String, Object> typed = new java.util.HashMap<>(overrides);
        typed.keySet().removeIf(k -> k.contains("."));
        return Settings.of(Configs.of(DisclosureConfig.class, typed), overrides);
    }

    void moveTo(String day) {
        clock.at = LocalDate.parse(day).atTime(10, 0).atZone(ZONE).toInstant();
    }

    /** A penalty case against {@code party}, decided (its item is then created) on the clock's day. */
    CaseFile decided(Party party, String fine) {
        CaseFile c = cases.file(new CaseDraft("penalty", "土地管理", party.name() + "未经批准占用耕地建房案", party,
                List.of(1L, 2L), false, Map.of("cause", "未经批准占用耕地建房")), OFFICER);
        c = cases.transition(c.id(), "investigate", Map.of(), null, -1, OFFICER);
        return cases.transition(c.id(), "decide", Map.of("penaltyType", "罚款", "fineAmount", fine,
                "facts", "当事人于 2026 年 3 月在某村未经批准占用耕地 300 平方米建房，证人李秀英在场。",
                "witness", "李秀英"), null, -1, LEADER);
    }

    static Party person(String name) {
        return new Party(PartyType.PERSON, name, id("430421", "19800517", "001"), null, "13907341234", "衡阳县西渡镇某村 3 组");
    }

    static Party minor(String name) {
        return new Party(PartyType.PERSON, name, id("430421", "20120517", "002"), null, null, null);
    }

    static Party company(String name, String rep) {
        return new Party(PartyType.ORGANISATION, name, "91430421MA4L3K8X1B", rep, null, null);
    }

    /** An 18-character resident ID with its GB 11643 check digit. */
    static String id(String area, String birth, String seq) {
        String body = area + birth + seq;
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    @Override
    public void close() {
        service.deactivate();
        db.close();
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        volatile Instant at;

        TestClock(Instant at) {
            this.at = at;
        }

        @Override public ZoneId getZone() { return ZONE; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return at; }

        void plusSeconds(long s) {
            at = at.plusSeconds(s);
        }
    }

    /** A channel that answers what the test tells it and remembers what it got. */
    static final class TestChannel implements PublishingChannel {
        final String id;
        final List<Delivery> got = Collections.synchronizedList(new ArrayList<>());
        final List<DeliveryResult> answers = Collections.synchronizedList(new ArrayList<>());
        volatile RuntimeException throwNext;

        TestChannel(String id) {
            this.id = id;
        }

        @Override public String id() { return id; }
        @Override public String title(Locale l) { return "en".equals(l.getLanguage()) ? "Test " + id : "测试" + id; }

        @Override
        public DeliveryResult deliver(Delivery d) {
            got.add(d);
            RuntimeException t = throwNext;
            if (t != null) {
                throwNext = null;
                throw t;
            }
            if (!answers.isEmpty()) {
                return answers.remove(0);
            }
            return DeliveryResult.done(id + "-" + d.item().publicId());
        }
    }

    /**
     * A small 行政处罚: 立案 → 调查取证 → 决定 (disclosed within 7 working days: type, fine, facts) → 结案.
     */
    static final class TestKind implements EnforcementKind {
        @Override public String id() { return "penalty"; }
        @Override public String title(Locale l) { return "en".equals(l.getLanguage()) ? "Penalty" : "行政处罚"; }
        @Override public String numberCode() { return "罚"; }

        @Override
        public Procedure procedure() {
            return new Procedure("open",
                    List.of(Step.of("open", "立案", "Filed"), Step.of("investigate", "调查取证", "Investigation"),
                            Step.of("decided", "决定", "Decided"), Step.of("closed", "结案", "Closed").closes()),
                    List.of(Transition.of("investigate", "open", "investigate", "调查取证", "Investigate"),
                            Transition.of("decide", "investigate", "decided", "作出处罚决定", "Decide",
                                    FieldDef.choice("penaltyType", true, "处罚种类", "Penalty", "警告", "罚款"),
                                    FieldDef.optional("fineAmount", Type.MONEY, "罚款金额", "Fine"),
                                    FieldDef.optional("facts", Type.LONGTEXT, "违法事实", "Facts"),
                                    FieldDef.optional("witness", Type.TEXT, "证人", "Witness"),
                                    FieldDef.optional("major", Type.TEXT, "重大", "Major"))
                                    .roles(Roles.LEADER),
                            Transition.of("close", "decided", "closed", "结案", "Close")),
                    List.of(FieldDef.required("cause", Type.TEXT, "案由", "Cause")), List.of());
        }

        @Override
        public DecisionFacts decisionFacts(CaseFacts f) {
            return new DecisionFacts(f.text("penaltyType").map(List::of).orElse(List.of()),
                    f.money("fineAmount").filter(v -> v.signum() > 0), Optional.empty(), false);
        }

        @Override
        public DisclosureRule disclosure() {
            return new DisclosureRule("decided", 7, List.of("cause", "facts", "penaltyType", "fineAmount"));
        }
    }

    /** The register as the engine reads it: every officer valid. */
    static final class Register implements PersonnelService {
        @Override
        public Optional<Officer> find(long id, Actor actor) {
            String name = id == 1 ? "张执法" : "李执法";
            return Optional.of(new Officer(id, BUREAU, name, "执法大队", "队员", "4304212024000" + id, List.of("土地管理"),
                    "衡阳县", LocalDate.parse("2024-01-01"), LocalDate.parse("2030-12-31"), false, true,
                    CertificateStatus.VALID, 0, Instant.EPOCH, "admin", Instant.EPOCH, "admin"));
        }

        @Override public List<String> categories() { return List.of("土地管理"); }
        @Override public long count(OfficerQuery q, Actor a) { return 20; }
        @Override public Officer create(OfficerDraft d, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Officer update(long id, OfficerDraft d, long v, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Officer deactivate(long id, String r, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Page<Officer> list(OfficerQuery q, Actor a) { throw new UnsupportedOperationException(); }
        @Override public List<String> units(Actor a) { throw new UnsupportedOperationException(); }
        @Override public ImportResult importCsv(Path f, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Optional<PublicCertificate> lookupCertificate(String no) { throw new UnsupportedOperationException(); }
        @Override public long probe() { return 20; }
        @Override public List<OfficerChange> history(long id, Actor a) { throw new UnsupportedOperationException(); }
    }
}
