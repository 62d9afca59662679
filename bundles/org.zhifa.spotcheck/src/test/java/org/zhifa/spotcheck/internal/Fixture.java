package org.zhifa.spotcheck.internal;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.zhifa.api.catalogue.CatalogueDraft;
import org.zhifa.api.catalogue.CatalogueItem;
import org.zhifa.api.catalogue.CatalogueService;
import org.zhifa.api.catalogue.CatalogueStatus;
import org.zhifa.api.catalogue.CatalogueType;
import org.zhifa.api.catalogue.CatalogueVersion;
import org.zhifa.api.catalogue.Flowchart;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.ImportResult;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerChange;
import org.zhifa.api.personnel.OfficerDraft;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.personnel.PublicCertificate;
import org.zhifa.api.spotcheck.InspectionTarget;
import org.zhifa.api.spotcheck.TargetDraft;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.DerbyJpa;
import org.zhifa.testsupport.TransactionalLog;

/**
 * The random-inspection service on an in-memory Derby with the shipped schema and the test log; a small
 * register and a published 随机抽查事项清单 stand in for the personnel and catalogue bundles.
 */
final class Fixture implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Actor OFFICER = new Actor("wang", Set.of(Roles.OFFICER));
    static final Actor LEADER = new Actor("zhao", Set.of(Roles.LEADER));
    static final Actor ADMIN = new Actor("admin", Set.of(Roles.ADMIN));
    static final long CATALOGUE = 7;
    static final String ITEM = "矿产资源开采情况的检查";

    final DerbyJpa db;
    final TransactionalLog log;
    final DataSource dataSource;
    final List<Officer> officers = new ArrayList<>();
    final SpotCheckServiceImpl service;
    CatalogueStatus catalogueStatus = CatalogueStatus.PUBLISHED;

    Fixture(String day) {
        this(day, Configs.defaults(SpotCheckConfig.class));
    }

    Fixture(String day, SpotCheckConfig config) {
        String name = "sc" + System.nanoTime();
        db = DerbyJpa.open(name, "zhifa-spotcheck-test", "/db/spotcheck/V1__spotcheck.sql");
        log = new TransactionalLog(db);
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + name);
        dataSource = ds;
        Clock clock = Clock.fixed(LocalDate.parse(day).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
        service = new SpotCheckServiceImpl(dataSource, log, "430421", new Register(), new Catalogues(), noCases(), clock,
                config);
    }

    Officer officer(String name, String area, String validTo, boolean active, String... categories) {
        Officer o = new Officer(officers.size() + 1, "430421", name, "执法监察大队", "执法员",
                String.format("430421202400%02d", officers.size() + 1),
                categories.length == 0 ? List.of("土地管理", "矿产资源") : List.of(categories), area,
                LocalDate.parse("2024-01-01"), LocalDate.parse(validTo), false, active, CertificateStatus.VALID, 1,
                Instant.EPOCH, "admin", Instant.EPOCH, "admin");
        officers.add(o);
        return o;
    }

    /**
     * The case engine is not here: every call is refused, as a case engine refusing a filing would, so a draw
     * still stands and reports its targets without cases (SpotCheckIT opens them in the real bureau).
     */
    static CaseService noCases() {
        return (CaseService) java.lang.reflect.Proxy.newProxyInstance(Fixture.class.getClassLoader(),
                new Class<?>[] {CaseService.class}, (proxy, method, args) -> {
                    throw new ZhifaException(ZhifaException.Kind.UNAVAILABLE, "NO_CASE_ENGINE", "无案件引擎",
                            "no case engine", null);
                });
    }

    /** A valid 统一社会信用代码 made from a number. */
    static String code(int n) {
        String first17 = String.format("91430421MA4L%05d", n);
        return first17 + CreditCode.check(first17);
    }

    InspectionTarget target(int n, String area, InspectionTarget.Risk risk, String... tags) {
        return service.addTarget(new TargetDraft("衡阳某某矿业有限公司" + n, code(n), InspectionTarget.TargetType.ENTERPRISE,
                area, risk, Set.of(tags)), LEADER);
    }

    long count(String table) {
        return db.count("SELECT COUNT(*) FROM " + table);
    }

    @Override
    public void close() {
        db.close();
    }

    final class Register implements PersonnelService {
        @Override
        public Page<Officer> list(OfficerQuery q, Actor actor) {
            List<Officer> all = officers.stream().filter(o -> q.active() == null || o.active() == q.active()).toList();
            List<Officer> page = all.subList(Math.min(q.offset(), all.size()), Math.min(q.offset() + q.limit(), all.size()));
            return new Page<>(page, all.size(), q.offset(), q.limit());
        }

        @Override public Optional<Officer> find(long id, Actor a) {
            return officers.stream().filter(o -> o.id() == id).findFirst();
        }
        @Override public Officer create(OfficerDraft d, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Officer update(long id, OfficerDraft d, long v, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Officer deactivate(long id, String r, Actor a) { throw new UnsupportedOperationException(); }
        @Override public long count(OfficerQuery q, Actor a) { return list(q, a).total(); }
        @Override public List<String> units(Actor a) { return List.of(); }
        @Override public List<String> categories() { return List.of(); }
        @Override public ImportResult importCsv(Path f, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Optional<PublicCertificate> lookupCertificate(String no) { return Optional.empty(); }
        @Override public long probe() { return officers.size(); }
        @Override public List<OfficerChange> history(long id, Actor a) { return List.of(); }
    }

    /** Version 7: the published 随机抽查事项清单 with one item. */
    final class Catalogues implements CatalogueService {
        @Override
        public Optional<CatalogueVersion> version(long id, Actor actor) {
            if (id != CATALOGUE) {
                return Optional.empty();
            }
            CatalogueItem item = new CatalogueItem(1, Map.of("subject", "衡阳县自然资源局", "name", ITEM,
                    "basis", "《矿产资源法》", "target", "辖区内采矿权人", "content", "开采情况", "ratio", "5%",
                    "method", "双随机", "frequency", "每年一次"));
            return Optional.of(new CatalogueVersion(CATALOGUE, CatalogueType.INSPECTIONS, 3, 1, catalogueStatus,
                    LocalDate.parse("2026-01-01"), List.of(item), null, null, null, List.of("wang"), "wang",
                    Instant.EPOCH, "qian", null, "zhao", Instant.EPOCH, true, null, List.of()));
        }

        @Override public List<CatalogueVersion> versions(CatalogueType t, Actor a) { return List.of(); }
        @Override public Optional<CatalogueVersion> inForce(CatalogueType t, LocalDate d, Actor a) { return Optional.empty(); }
        @Override public CatalogueVersion createDraft(CatalogueType t, CatalogueDraft d, Actor a) { throw new UnsupportedOperationException(); }
        @Override public CatalogueVersion revise(long id, CatalogueDraft d, int r, Actor a) { throw new UnsupportedOperationException(); }
        @Override public CatalogueVersion submit(long id, Actor a) { throw new UnsupportedOperationException(); }
        @Override public CatalogueVersion review(long id, boolean p, String o, Actor a) { throw new UnsupportedOperationException(); }
        @Override public CatalogueVersion publish(long id, Actor a) { throw new UnsupportedOperationException(); }
        @Override public CatalogueVersion correct(long id, String r, CatalogueDraft d, Actor a) { throw new UnsupportedOperationException(); }
        @Override public byte[] render(long id, RenderFormat f, Actor a) { throw new UnsupportedOperationException(); }
        @Override public List<String> flowchartKinds(Actor a) { return List.of(); }
        @Override public Flowchart flowchart(String k, Flowchart.Format f, Actor a) { throw new UnsupportedOperationException(); }
        @Override public void filingPackage(OutputStream out, Actor a) { throw new UnsupportedOperationException(); }
    }
}
