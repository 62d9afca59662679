package org.zhifa.catalogue.internal;

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
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.ImportResult;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerChange;
import org.zhifa.api.personnel.OfficerDraft;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.personnel.PublicCertificate;
import org.zhifa.documents.internal.DocumentsConfig;
import org.zhifa.documents.internal.Renderer;
import org.zhifa.kind.penalty.internal.PenaltyConfig;
import org.zhifa.kind.penalty.internal.PenaltyKind;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.DerbyJpa;
import org.zhifa.testsupport.TransactionalLog;

/**
 * The catalogue service on an in-memory Derby with the shipped schema, the test log, the real PDF renderer and
 * the real penalty kind; a small register stands in for the personnel bundle.
 */
final class Fixture implements AutoCloseable {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String BUREAU_NAME = "衡阳县自然资源局";
    static final Actor OFFICER = new Actor("wang", Set.of(Roles.OFFICER));
    static final Actor LEADER = new Actor("zhao", Set.of(Roles.LEADER));
    static final Actor LEADER2 = new Actor("liu", Set.of(Roles.LEADER));
    static final Actor ADMIN = new Actor("admin", Set.of(Roles.ADMIN));
    static final Actor REVIEWER = new Actor("qian", Set.of(Roles.REVIEWER));

    final DerbyJpa db;
    final TransactionalLog log;
    final DataSource dataSource;
    final List<Officer> officers = new ArrayList<>();
    final DocumentRenderer renderer = new Renderer(Configs.defaults(DocumentsConfig.class));
    final Flowcharts flowcharts = new Flowcharts(CatalogueServiceImpl.resolveAll(
            Configs.defaults(CatalogueConfig.class).flowchartFonts()));
    final CatalogueServiceImpl service;
    final PenaltyKind penalty = new PenaltyKind(Configs.defaults(PenaltyConfig.class));

    Fixture(String day) {
        String name = "cat" + System.nanoTime();
        db = DerbyJpa.open(name, "zhifa-catalogue-test", "/db/catalogue/V1__catalogue.sql");
        log = new TransactionalLog(db);
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + name);
        dataSource = ds;
        Clock clock = Clock.fixed(LocalDate.parse(day).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
        service = new CatalogueServiceImpl(dataSource, log, "430421", BUREAU_NAME, new Register(), renderer, clock,
                flowcharts);
        service.addKind(penalty);
        officer("王建国", "执法监察大队", "43042120240001", CertificateStatus.VALID, true);
        officer("李明", "执法监察大队", "43042120240002", CertificateStatus.EXPIRING, true);
        officer("赵过期", "执法监察大队", "43042120240003", CertificateStatus.EXPIRED, true);
        officer("钱调离", "矿管股", "43042120240004", CertificateStatus.VALID, false);
    }

    void officer(String name, String unit, String no, CertificateStatus status, boolean active) {
        officers.add(new Officer(officers.size() + 1, "430421", name, unit, "执法员", no, List.of("土地管理", "矿产资源"),
                "衡阳县全域", LocalDate.parse("2024-01-01"), LocalDate.parse("2029-12-31"), false, active, status, 1,
                Instant.EPOCH, "admin", Instant.EPOCH, "admin"));
    }

    static CatalogueItem item(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new CatalogueItem(0, m);
    }

    static CatalogueItem penaltyItem(String name) {
        return item("subject", BUREAU_NAME, "name", name, "kind", "行政处罚", "duty", "查处违法占地",
                "authority", "责令退还、罚款", "basis", "《中华人民共和国土地管理法》第七十七条");
    }

    static CatalogueDraft draft(String from, CatalogueItem... items) {
        return new CatalogueDraft(LocalDate.parse(from), List.of(items), null);
    }

    static Path defaultFile() {
        return Path.of("../../etc/zhifa-catalogue-default.json");
    }

    @Override
    public void close() {
        db.close();
    }

    /** Active officers only when asked so, as the register does. */
    final class Register implements PersonnelService {
        @Override
        public Page<Officer> list(OfficerQuery q, Actor actor) {
            List<Officer> all = officers.stream().filter(o -> q.active() == null || o.active() == q.active()).toList();
            List<Officer> page = all.subList(Math.min(q.offset(), all.size()), Math.min(q.offset() + q.limit(), all.size()));
            return new Page<>(page, all.size(), q.offset(), q.limit());
        }

        @Override public Officer create(OfficerDraft d, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Officer update(long id, OfficerDraft d, long v, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Officer deactivate(long id, String r, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Optional<Officer> find(long id, Actor a) { return Optional.empty(); }
        @Override public long count(OfficerQuery q, Actor a) { return list(q, a).total(); }
        @Override public List<String> units(Actor a) { return List.of(); }
        @Override public List<String> categories() { return List.of(); }
        @Override public ImportResult importCsv(Path f, Actor a) { throw new UnsupportedOperationException(); }
        @Override public Optional<PublicCertificate> lookupCertificate(String no) { return Optional.empty(); }
        @Override public long probe() { return officers.size(); }
        @Override public List<OfficerChange> history(long id, Actor a) { return List.of(); }
    }
}
