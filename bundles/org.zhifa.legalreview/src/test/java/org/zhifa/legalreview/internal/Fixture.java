package org.zhifa.legalreview.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.zhifa.api.legalreview.CatalogueDraft;
import org.zhifa.api.legalreview.Reviewer;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.ImportResult;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerChange;
import org.zhifa.api.personnel.OfficerDraft;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.personnel.PublicCertificate;
import org.zhifa.cases.internal.TestEngine;
import org.zhifa.testsupport.DerbyJpa;
import org.zhifa.testsupport.FixedWorkingDays;
import org.zhifa.testsupport.TransactionalLog;

/**
 * The real case engine and the legal review on one in-memory Derby with the shipped schemas, the national
 * catalogue file, the 2026 Spring Festival calendar and a small penalty-like kind.
 */
final class Fixture implements AutoCloseable {
    static final String BUREAU = "430421";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Actor OFFICER = new Actor("wang", Set.of(Roles.OFFICER));
    static final Actor LEADER = new Actor("zhao", Set.of(Roles.LEADER));
    static final Actor ADMIN = new Actor("admin", Set.of(Roles.ADMIN));
    static final Actor REVIEWER = new Actor("qian", Set.of(Roles.REVIEWER));
    static final Actor NOVICE = new Actor("sun", Set.of(Roles.REVIEWER));

    final DerbyJpa db;
    final TransactionalLog log;
    final DataSource dataSource;
    final CaseService cases;
    final LegalReviewServiceImpl review;
    final Register register = new Register();

    Fixture(String day) {
        this(day, LegalReviewServiceImpl.Settings.of(org.zhifa.testsupport.Configs.defaults(LegalReviewConfig.class)));
    }

    Fixture(String day, LegalReviewServiceImpl.Settings settings) {
        String name = "lr" + System.nanoTime();
        db = DerbyJpa.open(name, "zhifa-cases-test", "/db/cases/V1__cases.sql", "/db/legalreview/V1__legalreview.sql");
        log = new TransactionalLog(db);
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + name);
        dataSource = ds;
        Clock clock = Clock.fixed(LocalDate.parse(day).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
        review = new LegalReviewServiceImpl(dataSource, log, BUREAU, null, FixedWorkingDays.spring2026(), register,
                settings, clock);
        cases = TestEngine.create(db.template(), register, FixedWorkingDays.spring2026(), log, BUREAU, clock,
                new TestKind(), review);
        review.bindCases(cases);
        review.addKind(new TestKind());
        review.seed(Path.of("../../etc/zhifa-legalreview-catalogue.json"));
    }

    /** A penalty case against a citizen (or an organisation), investigated and ready for its decision. */
    long kase(PartyType party) {
        CaseFile c = cases.file(new CaseDraft("test", "土地管理", "某某违法占地案", new Party(party, "某某",
                party == PartyType.PERSON ? "430421198001011239" : "91430421MA4L3K8X1B", null, null, null),
                List.of(), false, Map.of()), OFFICER);
        return cases.transition(c.id(), "investigate", Map.of(), null, -1, OFFICER).id();
    }

    static Map<String, String> fine(String amount) {
        return Map.of("type", "罚款", "amount", amount);
    }

    void reviewers() {
        review.saveReviewer(new Reviewer("qian", "钱审核", "法规科", true, "A20190001", true, 0, List.of()), ADMIN);
        review.saveReviewer(new Reviewer("sun", "孙新", "法规科", false, null, true, 0, List.of()), ADMIN);
    }

    static CatalogueDraft national(LocalDate from) {
        return new CatalogueDraft(from, false, List.of(), null);
    }

    @Override
    public void close() {
        db.close();
    }

    /**
     * A small kind like 行政处罚: open → investigate (⇄ hear: a hearing) → decided → closed, and the simple
     * decideOnSpot; its decisions decide their type, amount and the hearing.
     */
    static final class TestKind implements EnforcementKind {
        @Override public String id() { return "test"; }
        @Override public String title(Locale l) { return "en".equals(l.getLanguage()) ? "Test" : "测试处罚"; }
        @Override public String numberCode() { return "试"; }

        @Override
        public Procedure procedure() {
            FieldDef type = FieldDef.choice("type", true, "种类", "Type", "警告", "罚款", "责令停产停业");
            FieldDef amount = FieldDef.optional("amount", Type.MONEY, "金额", "Amount");
            return new Procedure("open",
                    List.of(Step.of("open", "立案", "Filed"), Step.of("investigate", "调查取证", "Investigation"),
                            Step.of("decided", "决定", "Decided"), Step.of("closed", "结案", "Closed").closes()),
                    List.of(Transition.of("investigate", "open", "investigate", "调查取证", "Investigate")
                                    .variant(Transition.Variant.ORDINARY),
                            Transition.of("hear", "investigate", "investigate", "听证", "Hearing"),
                            Transition.of("decide", "investigate", "decided", "作出处罚决定", "Decide", type, amount)
                                    .roles(Roles.LEADER),
                            Transition.of("decideOnSpot", "open", "decided", "当场处罚", "Decide on the spot", type,
                                    amount).variant(Transition.Variant.SIMPLE),
                            Transition.of("close", "decided", "closed", "结案", "Close")),
                    List.of(), List.of());
        }

        @Override
        public DecisionFacts decisionFacts(CaseFacts f) {
            return new DecisionFacts(f.text("type").map(List::of).orElse(List.of()),
                    f.money("amount").filter(v -> v.signum() > 0), Optional.empty(), f.took("hear"));
        }

        @Override
        public DisclosureRule disclosure() {
            return new DisclosureRule("decided", 7, List.of("amount"));
        }
    }

    /** The register as the engine and the staffing report read it: 20 active officers. */
    static final class Register implements PersonnelService {
        @Override
        public Optional<Officer> find(long id, Actor actor) {
            return Optional.of(new Officer(id, BUREAU, "官" + id, "执法大队", "队员", "CERT" + id, List.of("土地管理"),
                    "衡阳县", LocalDate.parse("2024-01-01"), LocalDate.parse("2030-12-31"), false, true,
                    CertificateStatus.VALID, 0, Instant.EPOCH, "admin", Instant.EPOCH, "admin"));
        }

        @Override public List<String> categories() { return List.of("土地管理"); }
        @Override public long count(OfficerQuery q, Actor a) { return Boolean.TRUE.equals(q.active()) ? 20 : 25; }
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

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
