package org.zhifa.cases.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.evidence.AvCoverage;
import org.zhifa.api.evidence.AvInterruption;
import org.zhifa.api.evidence.Device;
import org.zhifa.api.evidence.EvidenceDraft;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.api.evidence.EvidenceService;
import org.zhifa.api.evidence.UploadSession;
import org.zhifa.api.kind.AvRule;
import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.FieldDef.Type;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.TimerRule;
import org.zhifa.api.kind.TimerRule.DayCount;
import org.zhifa.api.kind.Transition;
import org.zhifa.api.kind.TransitionCheck;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.ImportResult;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerChange;
import org.zhifa.api.personnel.OfficerDraft;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.personnel.PublicCertificate;

/** Stand-ins for the engine's neighbours: a register and a small kind. */
final class TestFixtures {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Actor OFFICER = new Actor("wang", Set.of(Roles.OFFICER));
    static final Actor LEADER = new Actor("zhao", Set.of(Roles.LEADER));
    static final Actor REVIEWER = new Actor("qian", Set.of(Roles.REVIEWER));

    private TestFixtures() {}

    static Clock at(String day) {
        return Clock.fixed(LocalDate.parse(day).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
    }

    /** The register as the engine reads it: officers by id, certificate status given. */
    static final class Register implements PersonnelService {
        final Map<Long, Officer> officers = new TreeMap<>();

        Officer add(long id, String name, CertificateStatus status, boolean active, String... categories) {
            Officer o = new Officer(id, "430421", name, "执法大队", "队员", "CERT" + id, List.of(categories), "衡阳县",
                    LocalDate.parse("2024-01-01"), LocalDate.parse("2028-12-31"), false, active, status, 0,
                    Instant.EPOCH, "admin", Instant.EPOCH, "admin");
            officers.put(id, o);
            return o;
        }

        @Override
        public Optional<Officer> find(long id, Actor actor) {
            if (!actor.isStaff()) {
                throw new IllegalStateException("not staff");
            }
            return Optional.ofNullable(officers.get(id));
        }

        @Override
        public List<String> categories() {
            return List.of("土地管理", "矿产资源");
        }

        @Override public Officer create(OfficerDraft d, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Officer update(long id, OfficerDraft d, long v, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Officer deactivate(long id, String r, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Page<Officer> list(OfficerQuery q, Actor a) { throw new UnsupportedOperationException(); }
        @Override public long count(OfficerQuery q, Actor a) { throw new UnsupportedOperationException(); }
        @Override public List<String> units(Actor a) { throw new UnsupportedOperationException(); }
        @Override public ImportResult importCsv(Path f, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Optional<PublicCertificate> lookupCertificate(String no) { throw new UnsupportedOperationException(); }
        @Override public long probe() { return officers.size(); }
        @Override public List<OfficerChange> history(long id, Actor a) { throw new UnsupportedOperationException(); }
    }

    /**
     * A small kind: open → investigate (2 officers) → decide → serve → closed, a simple path
     * open → decideOnSpot, a decision within 90 days of filing and service within 7 working days.
     * Its own rule: an amount above 1000 is refused.
     */
    static class TestKind implements EnforcementKind {
        final List<TransitionCheck> checks = new ArrayList<>();

        @Override public String id() { return "test"; }
        @Override public String title(Locale l) { return "en".equals(l.getLanguage()) ? "Test" : "测试"; }
        @Override public String numberCode() { return "试"; }

        @Override
        public Procedure procedure() {
            FieldDef amount = FieldDef.required("amount", Type.MONEY, "金额", "Amount");
            return new Procedure("open",
                    List.of(Step.of("open", "立案", "Filed"),
                            Step.of("investigate", "调查取证", "Investigation").officers(2).av(AvRule.REQUIRED),
                            Step.of("decided", "决定", "Decided").documents("test.decision"),
                            Step.of("served", "送达", "Served"),
                            Step.of("closed", "结案", "Closed").closes()),
                    List.of(Transition.of("investigate", "open", "investigate", "调查取证", "Investigate",
                                    FieldDef.optional("place", Type.TEXT, "地点", "Place")).variant(Transition.Variant.ORDINARY),
                            Transition.of("extend", "investigate", "investigate", "延长期限", "Extend",
                                    FieldDef.required("extended", Type.BOOLEAN, "已批准延长", "Extension approved")),
                            Transition.of("decide", "investigate", "decided", "作出决定", "Decide", amount,
                                    FieldDef.choice("type", true, "种类", "Type", "警告", "罚款")),
                            Transition.of("decideOnSpot", "open", "decided", "当场决定", "Decide on the spot", amount)
                                    .variant(Transition.Variant.SIMPLE),
                            Transition.of("serve", "decided", "served", "送达", "Serve",
                                    FieldDef.required("servedOn", Type.DATE, "送达日期", "Served on")),
                            Transition.of("close", "served", "closed", "结案", "Close").roles("zhifa-leader")),
                    List.of(FieldDef.optional("source", Type.TEXT, "案件来源", "Source")),
                    List.of(new TimerRule("decision", "作出决定期限", "Decision", "open", null, Set.of("decided"), 90,
                                    DayCount.CALENDAR_DAYS, "《测试法》第六十条").extendedBy("extended", 30),
                            new TimerRule("service", "送达期限", "Service", "decided", null, Set.of("served"), 7,
                                    DayCount.WORKING_DAYS, "《测试法》第六十一条")));
        }

        @Override
        public void check(TransitionCheck c) {
            checks.add(c);
            if (c.money("amount").map(m -> m.compareTo(new java.math.BigDecimal("1000")) > 0).orElse(false)) {
                throw new ZhifaException(ZhifaException.Kind.CONFLICT, "TEST_TOO_MUCH", "太多", "too much", "amount");
            }
        }

        @Override
        public DisclosureRule disclosure() {
            return new DisclosureRule("decided", 7, List.of("amount"));
        }
    }

    /**
     * The evidence store as the engine asks it (R4): a step is covered once {@link #cover} said so,
     * and every question is kept.
     */
    static final class Evidence implements EvidenceService {
        final Map<String, List<EvidenceItem>> covered = new java.util.HashMap<>();
        final List<String> asked = new ArrayList<>();

        /** Records one video of {@code step} with this content hash. */
        void cover(long caseId, String step, String hash) {
            covered.computeIfAbsent(caseId + "|" + step, k -> new ArrayList<>()).add(new EvidenceItem(
                    covered.size() + 1, hash, 1024, "v.mp4", "video/mp4", caseId, step, "DSJ-1", "现场",
                    Instant.parse("2026-03-02T01:00:00Z"), Instant.parse("2026-03-02T01:30:00Z"), null, "wang",
                    Instant.parse("2026-03-02T02:00:00Z"), 0, false));
        }

        /** Covers every A/V step of every case: for tests about other things. */
        boolean coverAll;

        @Override
        public AvCoverage coverage(long caseId, String step, AvRule rule) {
            asked.add(caseId + "|" + step + "|" + rule);
            int n = covered.getOrDefault(caseId + "|" + step, List.of()).size();
            boolean ok = coverAll || n > 0;
            return new AvCoverage(caseId, step, rule, ok, n, List.of(), ok ? "" : "尚无音像记录",
                    ok ? "" : "no audio/video recorded yet");
        }

        @Override
        public List<EvidenceItem> ofCase(long caseId, Actor actor) {
            return covered.entrySet().stream().filter(e -> e.getKey().startsWith(caseId + "|"))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        @Override public EvidenceItem store(EvidenceDraft d, InputStream in, Actor a) { throw new UnsupportedOperationException(); }
        @Override public UploadSession startUpload(EvidenceDraft d, long size, Actor a) { throw new UnsupportedOperationException(); }
        @Override public UploadSession appendChunk(String id, long off, InputStream in, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Optional<UploadSession> upload(String id, Actor a) { throw new UnsupportedOperationException(); }
        @Override public EvidenceItem finishUpload(String id, String hash, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Optional<EvidenceItem> find(long id, Actor a) { throw new UnsupportedOperationException(); }
        @Override public void copy(long id, long from, long to, OutputStream out, Actor a) { throw new UnsupportedOperationException(); }
        @Override public AvInterruption recordInterruption(long c, String s, Instant f, Instant t, String r, Actor a) { throw new UnsupportedOperationException(); }
        @Override public List<AvInterruption> interruptions(long c, Actor a) { throw new UnsupportedOperationException(); }
        @Override public List<Device> devices(boolean r, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Optional<Device> device(String id, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Device saveDevice(Device d, Actor a) { throw new UnsupportedOperationException(); }
        @Override public List<Device> deviceHistory(String id, Actor a) { throw new UnsupportedOperationException(); }
    }

    /**
     * The legal-review gate as the engine asks it (V2): admits every decision as not major, or refuses
     * while {@link #refuse} is set; keeps every decision it was asked about and the connection's state.
     */
    static final class Gate implements org.zhifa.api.legalreview.DecisionGate {
        final List<org.zhifa.api.cases.PreparedDecision> asked = new ArrayList<>();
        ZhifaException refuse;

        @Override
        public org.zhifa.api.legalreview.MajorEvaluation admit(java.sql.Connection transaction,
                                                                org.zhifa.api.cases.PreparedDecision decision,
                                                                Actor actor) {
            try {
                if (transaction.getAutoCommit()) {
                    throw new IllegalStateException("the gate must run inside the engine's transaction");
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            asked.add(decision);
            if (refuse != null) {
                throw refuse;
            }
            return new org.zhifa.api.legalreview.MajorEvaluation(false, false, 1, LocalDate.parse("2021-07-15"),
                    List.of());
        }
    }

    static CasesConfig config() {
        return new CasesConfig() {
            @Override public Class<? extends Annotation> annotationType() { return CasesConfig.class; }
            @Override public String numberFormat() { return "{prefix}{code}\u3014{year}\u3015{seq}\u53f7"; }
            @Override public String numberPrefix() { return "衡国土资"; }
            @Override public int dueSoonWorkingDays() { return 3; }
            @Override public String zone() { return "Asia/Shanghai"; }
        };
    }
}
