package org.zhifa.casereview.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.casereview.CaseReviewService;
import org.zhifa.api.casereview.Deduction;
import org.zhifa.api.casereview.Grade;
import org.zhifa.api.casereview.ReviewCatalogue;
import org.zhifa.api.casereview.ReviewResult;
import org.zhifa.api.casereview.ReviewRound;
import org.zhifa.api.casereview.Reviewer;
import org.zhifa.api.casereview.RoundCase;
import org.zhifa.api.casereview.RoundDraft;
import org.zhifa.api.casereview.RoundReport;
import org.zhifa.api.casereview.RoundStatus;
import org.zhifa.api.casereview.ScoreDraft;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException.Kind;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.schema.SchemaMigrator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The case-file review on plain JDBC. Every write is one transaction: the review's own rows, then the
 * record entry appended on the same connection, so both commit or neither does.
 */
@Component(service = CaseReviewService.class, configurationPid = "org.zhifa.casereview")
@Designate(ocd = CaseReviewConfig.class)
public final class CaseReviewServiceImpl implements CaseReviewService {
    private static final Logger LOG = LoggerFactory.getLogger(CaseReviewServiceImpl.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_CASES = 5000;

    private final DataSource dataSource;
    private final RecordService record;
    private final String bureau;
    private final ReviewCatalogue current;
    private final Scoring.Thresholds thresholds;
    private final Map<String, ReviewCatalogue> catalogues = new ConcurrentHashMap<>();

    @Activate
    public CaseReviewServiceImpl(@Reference(name = "dataSource", target = "(osgi.jndi.service.name=zhifa)") DataSource dataSource,
                                 @Reference(name = "record") RecordService record,
                                 @Reference(name = "bureau") BureauInfo bureau,
                                 @Reference(name = "migrator") SchemaMigrator migrator,
                                 CaseReviewConfig config, BundleContext context) {
        this(dataSource, record, bureau.code(), load(resolve(config.catalogueFile())),
                Scoring.Thresholds.parse(config.excellentFrom(), config.passFrom()));
        migrator.migrate("casereview", context.getBundle());
        LOG.info("Case-file review of bureau {}: catalogue {} ({} items, {} points), 优秀 from {}, 合格 from {}",
                bureau.code(), current.version(), current.items().size(), current.total(),
                thresholds.excellentFrom(), thresholds.passFrom());
    }

    CaseReviewServiceImpl(DataSource dataSource, RecordService record, String bureau, ReviewCatalogue catalogue,
                          Scoring.Thresholds thresholds) {
        this.dataSource = dataSource;
        this.record = record;
        this.bureau = bureau;
        this.current = catalogue;
        if (thresholds.excellentFrom().compareTo(catalogue.total()) > 0) {
            throw new IllegalArgumentException("excellentFrom " + thresholds.excellentFrom()
                    + " is above the catalogue's " + catalogue.total() + " points");
        }
        this.thresholds = thresholds;
        catalogues.put(catalogue.version(), catalogue);
    }

    static Path resolve(String configured) {
        String etc = System.getProperty("karaf.etc", System.getProperty("karaf.base", ".") + "/etc");
        return Path.of(configured.replace("${karaf.etc}", etc));
    }

    static ReviewCatalogue load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return CatalogueJson.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("review catalogue " + file + " unusable: " + e.getMessage(), e);
        }
    }

    // --- catalogue

    @Override
    public ReviewCatalogue catalogue() {
        return current;
    }

    @Override
    public Optional<ReviewCatalogue> catalogue(String version) {
        ReviewCatalogue known = catalogues.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT CONTENT FROM CR_CATALOGUE WHERE BUREAU = ? AND VERSION = ?")) {
                ps.setString(1, bureau);
                ps.setString(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ReviewCatalogue>empty();
                    }
                    ReviewCatalogue cat = CatalogueJson.read(rs.getString(1));
                    catalogues.put(version, cat);
                    return Optional.of(cat);
                } catch (IOException e) {
                    throw new SQLException("stored catalogue " + version + " unreadable", e);
                }
            }
        });
    }

    @Override
    public Grade grade(BigDecimal score) {
        return thresholds.grade(score);
    }

    // --- rounds

    @Override
    public synchronized ReviewRound create(RoundDraft draft, Actor actor) {
        manager(actor);
        if (draft == null) {
            throw Messages.invalid("casereview.body.required", null);
        }
        if (draft.year() < 2000 || draft.year() > 2100) {
            throw Messages.invalid("casereview.year.invalid", "year", String.valueOf(draft.year()));
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw Messages.invalid("casereview.name.invalid", "name");
        }
        if (draft.sampleSize() != null && (draft.sampleSize() < 1 || draft.sampleSize() > MAX_CASES)) {
            throw Messages.invalid("casereview.sample.invalid", "sampleSize", String.valueOf(draft.sampleSize()));
        }
        List<Reviewer> reviewers = reviewers(draft.reviewers());
        Long seed = draft.sampleSize() == null ? null
                : draft.seed() != null ? draft.seed() : new SecureRandom().nextLong() & Long.MAX_VALUE;
        if (draft.sampleSize() == null && draft.seed() != null) {
            throw Messages.invalid("casereview.seed.without.sample", "seed");
        }
        return write(c -> {
            List<CaseTables.ClosedCase> closed = CaseTables.closedIn(c, bureau, draft.year());
            if (closed.isEmpty()) {
                throw Messages.error(Kind.CONFLICT, "casereview.round.empty", "year", String.valueOf(draft.year()));
            }
            List<Long> population = closed.stream().map(CaseTables.ClosedCase::id).toList();
            List<Long> chosen = seed == null ? population : Sampling.sample(population, draft.sampleSize(), seed);
            if (chosen.size() > MAX_CASES) {
                throw Messages.invalid("casereview.sample.invalid", "sampleSize", String.valueOf(chosen.size()));
            }
            storeCatalogue(c, current);
            Instant now = Instant.now();
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CR_ROUND (BUREAU, YEAR_REVIEWED, NAME,"
                    + " CATALOGUE_VERSION, SAMPLE_SIZE, SEED, POPULATION, CREATED_AT, CREATED_BY)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, bureau);
                ps.setInt(2, draft.year());
                ps.setString(3, name);
                ps.setString(4, current.version());
                setInteger(ps, 5, draft.sampleSize());
                if (seed == null) {
                    ps.setNull(6, Types.BIGINT);
                } else {
                    ps.setLong(6, seed);
                }
                ps.setInt(7, population.size());
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setString(9, actor.user());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CR_REVIEWER VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < reviewers.size(); i++) {
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, reviewers.get(i).user());
                    if (reviewers.get(i).officerId() == null) {
                        ps.setNull(4, Types.BIGINT);
                    } else {
                        ps.setLong(4, reviewers.get(i).officerId());
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Map<Long, CaseTables.ClosedCase> byId = new HashMap<>();
            closed.forEach(cc -> byId.put(cc.id(), cc));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CR_CASE VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement po = c.prepareStatement("INSERT INTO CR_CASE_OFFICER VALUES (?, ?, ?, ?)")) {
                int pos = 0;
                for (long caseId : chosen) {
                    CaseTables.ClosedCase cc = byId.get(caseId);
                    ps.setLong(1, id);
                    ps.setLong(2, caseId);
                    ps.setInt(3, pos++);
                    ps.setString(4, cc.number());
                    ps.setString(5, cc.kind());
                    ps.setString(6, cc.kindTitleZh());
                    ps.setString(7, cc.kindTitleEn());
                    ps.setString(8, cc.title());
                    ps.addBatch();
                    for (Map.Entry<Long, String> o : cc.officers().entrySet()) {
                        po.setLong(1, id);
                        po.setLong(2, caseId);
                        po.setLong(3, o.getKey());
                        po.setString(4, o.getValue());
                        po.addBatch();
                    }
                }
                ps.executeBatch();
                po.executeBatch();
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("round", id);
            payload.put("year", draft.year());
            payload.put("name", name);
            payload.put("catalogueVersion", current.version());
            payload.put("catalogueSha256", sha256(CatalogueJson.write(current)));
            payload.put("sampleSize", draft.sampleSize());
            payload.put("seed", seed);
            payload.put("sampling", "java.util.Random Fisher-Yates over the ascending population");
            payload.put("population", population);
            payload.put("cases", chosen);
            payload.put("reviewers", reviewers.stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("user", r.user());
                m.put("officerId", r.officerId());
                return m;
            }).toList());
            append(c, id, "casereview.round.created", payload, actor);
            return id;
        }, id -> round(id, actor).orElseThrow());
    }

    @Override
    public List<ReviewRound> rounds(Actor actor) {
        reader(actor);
        return read(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM CR_ROUND WHERE BUREAU = ? ORDER BY ID DESC")) {
                ps.setString(1, bureau);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            List<ReviewRound> out = new ArrayList<>();
            for (long id : ids) {
                loadRound(c, id).ifPresent(out::add);
            }
            return out;
        });
    }

    @Override
    public Optional<ReviewRound> round(long roundId, Actor actor) {
        reader(actor);
        return read(c -> loadRound(c, roundId));
    }

    @Override
    public List<RoundCase> cases(long roundId, Actor actor) {
        reader(actor);
        return read(c -> {
            requireRound(c, roundId);
            return loadCases(c, roundId);
        });
    }

    @Override
    public synchronized List<RoundCase> assign(long roundId, Map<Long, String> assignments, Actor actor) {
        manager(actor);
        if (assignments == null || assignments.isEmpty()) {
            throw Messages.invalid("casereview.assign.empty", "assignments");
        }
        return write(c -> {
            ReviewRound round = openRound(c, roundId);
            Map<Long, RoundCase> cases = new HashMap<>();
            loadCases(c, roundId).forEach(rc -> cases.put(rc.caseId(), rc));
            Map<Long, String> checked = new TreeMap<>();
            for (Map.Entry<Long, String> a : assignments.entrySet()) {
                String field = "assignments." + a.getKey();
                RoundCase rc = cases.get(a.getKey());
                if (rc == null) {
                    throw Messages.error(Kind.NOT_FOUND, "casereview.case.not.in.round", field,
                            String.valueOf(a.getKey()), String.valueOf(roundId));
                }
                String user = a.getValue() == null ? "" : a.getValue().strip();
                Reviewer reviewer = round.reviewers().stream().filter(r -> r.user().equals(user)).findFirst()
                        .orElseThrow(() -> Messages.invalid("casereview.reviewer.not.in.round", field, user));
                if (rc.revision() > 0 && !user.equals(rc.reviewer())) {
                    throw Messages.error(Kind.CONFLICT, "casereview.assign.scored", field, rc.caseNumber(), rc.reviewer());
                }
                refuseSelfReview(c, rc, reviewer, field);
                checked.put(a.getKey(), user);
            }
            insertAssignments(c, roundId, checked, actor);
            return null;
        }, x -> cases(roundId, actor));
    }

    @Override
    public synchronized List<RoundCase> assignRemaining(long roundId, Actor actor) {
        manager(actor);
        return write(c -> {
            ReviewRound round = openRound(c, roundId);
            Map<String, Integer> load = new LinkedHashMap<>();
            round.reviewers().forEach(r -> load.put(r.user(), 0));
            List<RoundCase> cases = loadCases(c, roundId);
            cases.stream().filter(rc -> rc.reviewer() != null).forEach(rc -> load.merge(rc.reviewer(), 1, Integer::sum));
            Map<Long, String> chosen = new TreeMap<>();
            List<String> impossible = new ArrayList<>();
            for (RoundCase rc : cases) {
                if (rc.reviewer() != null) {
                    continue;
                }
                CaseTables.Handlers h = CaseTables.handlers(c, rc.caseId());
                // the least loaded reviewer who did not handle the case; ties by the round's order
                Optional<Reviewer> pick = round.reviewers().stream()
                        .filter(r -> !handled(h, r))
                        .min(Comparator.comparingInt(r -> load.get(r.user())));
                if (pick.isEmpty()) {
                    impossible.add(rc.caseNumber());
                    continue;
                }
                chosen.put(rc.caseId(), pick.get().user());
                load.merge(pick.get().user(), 1, Integer::sum);
            }
            if (!impossible.isEmpty()) {
                throw Messages.error(Kind.CONFLICT, "casereview.assign.impossible", null, String.join("、", impossible));
            }
            if (!chosen.isEmpty()) {
                insertAssignments(c, roundId, chosen, actor);
            }
            return null;
        }, x -> cases(roundId, actor));
    }

    private void insertAssignments(Connection c, long roundId, Map<Long, String> assignments, Actor actor)
            throws SQLException {
        Instant now = Instant.now();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CR_ASSIGNMENT (ROUND_ID, CASE_ID, REVIEWER,"
                + " ASSIGNED_AT, ASSIGNED_BY) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, String> a : assignments.entrySet()) {
                ps.setLong(1, roundId);
                ps.setLong(2, a.getKey());
                ps.setString(3, a.getValue());
                ps.setTimestamp(4, Timestamp.from(now));
                ps.setString(5, actor.user());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("round", roundId);
        List<Map<String, Object>> list = new ArrayList<>();
        assignments.forEach((caseId, user) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("case", caseId);
            m.put("reviewer", user);
            list.add(m);
        });
        payload.put("assignments", list);
        append(c, roundId, "casereview.assigned", payload, actor);
    }

    private static boolean handled(CaseTables.Handlers h, Reviewer r) {
        return h.users().contains(r.user()) || (r.officerId() != null && h.officerIds().contains(r.officerId()));
    }

    private static void refuseSelfReview(Connection c, RoundCase rc, Reviewer reviewer, String field) throws SQLException {
        if (handled(CaseTables.handlers(c, rc.caseId()), reviewer)) {
            throw Messages.error(Kind.CONFLICT, "casereview.assign.own.case", field, reviewer.user(), rc.caseNumber());
        }
    }

    // --- results

    @Override
    public synchronized ReviewResult submit(long roundId, long caseId, ScoreDraft draft, Actor actor) {
        reader(actor);
        if (draft == null) {
            throw Messages.invalid("casereview.body.required", null);
        }
        String comment = draft.comment() == null ? null : draft.comment().strip();
        if (comment != null && comment.length() > 4000) {
            throw Messages.invalid("casereview.comment.too.long", "comment");
        }
        return write(c -> {
            ReviewRound round = openRound(c, roundId);
            RoundCase rc = loadCases(c, roundId).stream().filter(x -> x.caseId() == caseId).findFirst()
                    .orElseThrow(() -> Messages.error(Kind.NOT_FOUND, "casereview.case.not.in.round", "caseId",
                            String.valueOf(caseId), String.valueOf(roundId)));
            if (rc.reviewer() == null) {
                throw Messages.error(Kind.CONFLICT, "casereview.score.unassigned", null, rc.caseNumber());
            }
            if (!rc.reviewer().equals(actor.user())) {
                throw Messages.error(Kind.FORBIDDEN, "casereview.score.not.reviewer", null, rc.caseNumber(), rc.reviewer());
            }
            int revision = rc.revision() + 1;
            String reason = draft.revisionReason() == null ? null : draft.revisionReason().strip();
            if (revision > 1 && (reason == null || reason.isEmpty() || reason.length() > 1000)) {
                throw Messages.invalid("casereview.revision.reason", "revisionReason", rc.caseNumber(), rc.revision());
            }
            if (revision == 1) {
                reason = null;
            }
            ReviewCatalogue catalogue = catalogueOf(c, round.catalogueVersion());
            Scoring.Scored scored = Scoring.score(catalogue, draft.deductions());
            Grade grade = thresholds.grade(scored.total());
            Instant now = Instant.now();
            long resultId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CR_RESULT (ROUND_ID, CASE_ID, REVISION, REVIEWER,"
                    + " SUBMITTED_AT, TOTAL, GRADE, COMMENT_TEXT, REVISION_REASON) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, roundId);
                ps.setLong(2, caseId);
                ps.setInt(3, revision);
                ps.setString(4, actor.user());
                ps.setTimestamp(5, Timestamp.from(now));
                ps.setBigDecimal(6, scored.total());
                ps.setString(7, grade.name());
                ps.setString(8, comment == null || comment.isEmpty() ? null : comment);
                ps.setString(9, reason);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    resultId = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CR_ITEM_SCORE VALUES (?, ?, ?, ?, ?, ?)")) {
                int pos = 0;
                for (ReviewResult.ItemScore s : scored.items()) {
                    ps.setLong(1, resultId);
                    ps.setInt(2, pos++);
                    ps.setString(3, s.code());
                    ps.setString(4, s.title());
                    ps.setBigDecimal(5, s.points());
                    ps.setBigDecimal(6, s.score());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (!scored.deductions().isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO CR_DEDUCTION VALUES (?, ?, ?, ?, ?, ?)")) {
                    int pos = 0;
                    for (Deduction d : scored.deductions()) {
                        ps.setLong(1, resultId);
                        ps.setInt(2, pos++);
                        ps.setString(3, d.subItemCode());
                        ps.setString(4, d.itemCode());
                        ps.setBigDecimal(5, d.points());
                        ps.setString(6, d.reason());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("round", roundId);
            payload.put("case", caseId);
            payload.put("caseNumber", rc.caseNumber());
            payload.put("revision", revision);
            payload.put("catalogueVersion", catalogue.version());
            payload.put("total", scored.total().toPlainString());
            payload.put("grade", grade.name());
            payload.put("items", scored.items().stream().map(s -> Map.of("code", s.code(),
                    "score", s.score().toPlainString())).toList());
            payload.put("deductions", scored.deductions().stream().map(d -> Map.of("subItem", d.subItemCode(),
                    "points", d.points().toPlainString(), "reason", d.reason())).toList());
            payload.put("comment", comment);
            payload.put("revisionReason", reason);
            append(c, roundId, "casereview.result", payload, actor);
            return resultId;
        }, x -> {
            List<ReviewResult> all = results(roundId, caseId, actor);
            return all.get(all.size() - 1);
        });
    }

    @Override
    public List<ReviewResult> results(long roundId, long caseId, Actor actor) {
        reader(actor);
        return read(c -> {
            requireRound(c, roundId);
            return loadResults(c, roundId, caseId);
        });
    }

    @Override
    public synchronized ReviewRound close(long roundId, Actor actor) {
        manager(actor);
        return write(c -> {
            openRound(c, roundId);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CR_ROUND_CLOSED VALUES (?, ?, ?)")) {
                ps.setLong(1, roundId);
                ps.setTimestamp(2, Timestamp.from(Instant.now()));
                ps.setString(3, actor.user());
                ps.executeUpdate();
            }
            append(c, roundId, "casereview.round.closed", Map.of("round", roundId), actor);
            return roundId;
        }, id -> round(id, actor).orElseThrow());
    }

    @Override
    public RoundReport report(long roundId, Actor actor) {
        reader(actor);
        return read(c -> {
            ReviewRound round = requireRound(c, roundId);
            ReviewCatalogue catalogue = catalogueOf(c, round.catalogueVersion());
            List<RoundCase> cases = loadCases(c, roundId);
            Map<Long, Map<Long, String>> officers = caseOfficers(c, roundId);
            Map<String, List<BigDecimal>> byKind = new LinkedHashMap<>();
            Map<String, String[]> kindTitles = new HashMap<>();
            Map<Long, List<BigDecimal>> byOfficer = new LinkedHashMap<>();
            Map<Long, String> officerNames = new HashMap<>();
            List<BigDecimal> all = new ArrayList<>();
            int excellent = 0;
            int pass = 0;
            int fail = 0;
            for (RoundCase rc : cases) {
                if (rc.score() == null) {
                    continue;
                }
                all.add(rc.score());
                byKind.computeIfAbsent(rc.kind(), k -> new ArrayList<>()).add(rc.score());
                kindTitles.put(rc.kind(), new String[] {rc.kindTitleZh(), rc.kindTitleEn()});
                for (Map.Entry<Long, String> o : officers.getOrDefault(rc.caseId(), Map.of()).entrySet()) {
                    byOfficer.computeIfAbsent(o.getKey(), k -> new ArrayList<>()).add(rc.score());
                    officerNames.put(o.getKey(), o.getValue());
                }
                switch (rc.grade()) {
                    case EXCELLENT -> excellent++;
                    case PASS -> pass++;
                    default -> fail++;
                }
            }
            List<RoundReport.Average> kinds = new ArrayList<>();
            byKind.forEach((k, v) -> kinds.add(new RoundReport.Average(k, kindTitles.get(k)[0], kindTitles.get(k)[1],
                    v.size(), average(v))));
            List<RoundReport.Average> officerAverages = new ArrayList<>();
            byOfficer.forEach((id, v) -> officerAverages.add(new RoundReport.Average(String.valueOf(id),
                    officerNames.get(id), officerNames.get(id), v.size(), average(v))));
            officerAverages.sort(Comparator.comparing(RoundReport.Average::average).reversed()
                    .thenComparing(RoundReport.Average::key));
            return new RoundReport(round, thresholds.excellentFrom(), thresholds.passFrom(), cases,
                    all.isEmpty() ? null : average(all), kinds, officerAverages, frequentDeductions(c, roundId, catalogue),
                    excellent, pass, fail);
        });
    }

    private static BigDecimal average(List<BigDecimal> scores) {
        return scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(scores.size()), 2, RoundingMode.HALF_UP);
    }

    /** The sub-items deducted for in the latest results, most often first (then most points), at most 10. */
    private static List<RoundReport.FrequentDeduction> frequentDeductions(Connection c, long roundId,
                                                                         ReviewCatalogue catalogue) throws SQLException {
        List<RoundReport.FrequentDeduction> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.SUB_ITEM, COUNT(*), SUM(d.POINTS) FROM CR_DEDUCTION d"
                + " JOIN CR_RESULT r ON r.ID = d.RESULT_ID WHERE r.ROUND_ID = ? AND r.REVISION = (SELECT MAX(x.REVISION)"
                + " FROM CR_RESULT x WHERE x.ROUND_ID = r.ROUND_ID AND x.CASE_ID = r.CASE_ID)"
                + " GROUP BY d.SUB_ITEM ORDER BY 2 DESC, 3 DESC, 1")) {
            ps.setLong(1, roundId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < 10) {
                    String code = rs.getString(1);
                    ReviewCatalogue.Item item = catalogue.itemOfSubItem(code).orElse(null);
                    out.add(new RoundReport.FrequentDeduction(code, item == null ? "" : item.title(),
                            item == null ? code : item.subItem(code).map(ReviewCatalogue.SubItem::title).orElse(code),
                            rs.getInt(2), rs.getBigDecimal(3).setScale(2)));
                }
            }
        }
        return out;
    }

    // --- loading

    private ReviewRound requireRound(Connection c, long roundId) throws SQLException {
        return loadRound(c, roundId).orElseThrow(() -> Messages.error(Kind.NOT_FOUND, "casereview.round.not.found",
                "roundId", String.valueOf(roundId)));
    }

    private ReviewRound openRound(Connection c, long roundId) throws SQLException {
        ReviewRound round = requireRound(c, roundId);
        if (round.status() == RoundStatus.CLOSED) {
            throw Messages.error(Kind.CONFLICT, "casereview.round.closed", null, round.name());
        }
        return round;
    }

    private Optional<ReviewRound> loadRound(Connection c, long roundId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT r.ID, r.YEAR_REVIEWED, r.NAME, r.CATALOGUE_VERSION,"
                + " r.SAMPLE_SIZE, r.SEED, r.POPULATION, r.CREATED_AT, r.CREATED_BY, k.CLOSED_AT,"
                + " (SELECT COUNT(*) FROM CR_CASE x WHERE x.ROUND_ID = r.ID),"
                + " (SELECT COUNT(DISTINCT a.CASE_ID) FROM CR_ASSIGNMENT a WHERE a.ROUND_ID = r.ID),"
                + " (SELECT COUNT(DISTINCT s.CASE_ID) FROM CR_RESULT s WHERE s.ROUND_ID = r.ID)"
                + " FROM CR_ROUND r LEFT JOIN CR_ROUND_CLOSED k ON k.ROUND_ID = r.ID WHERE r.ID = ? AND r.BUREAU = ?")) {
            ps.setLong(1, roundId);
            ps.setString(2, bureau);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Integer sample = (Integer) rs.getObject(5);
                Object seed = rs.getObject(6);
                ReviewRound partial = new ReviewRound(rs.getLong(1), bureau, rs.getInt(2), rs.getString(3),
                        rs.getString(4), sample, seed == null ? null : ((Number) seed).longValue(), rs.getInt(7),
                        List.of(), rs.getTimestamp(10) == null ? RoundStatus.OPEN : RoundStatus.CLOSED,
                        rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getTimestamp(8).toInstant(), rs.getString(9));
                List<Reviewer> reviewers = new ArrayList<>();
                try (PreparedStatement pr = c.prepareStatement("SELECT USER_NAME, OFFICER_ID FROM CR_REVIEWER"
                        + " WHERE ROUND_ID = ? ORDER BY POS")) {
                    pr.setLong(1, roundId);
                    try (ResultSet rr = pr.executeQuery()) {
                        while (rr.next()) {
                            Object o = rr.getObject(2);
                            reviewers.add(new Reviewer(rr.getString(1), o == null ? null : ((Number) o).longValue()));
                        }
                    }
                }
                return Optional.of(new ReviewRound(partial.id(), partial.bureau(), partial.year(), partial.name(),
                        partial.catalogueVersion(), partial.sampleSize(), partial.seed(), partial.population(),
                        reviewers, partial.status(), partial.cases(), partial.assigned(), partial.scored(),
                        partial.createdAt(), partial.createdBy()));
            }
        }
    }

    private List<RoundCase> loadCases(Connection c, long roundId) throws SQLException {
        Map<Long, Map<Long, String>> officers = caseOfficers(c, roundId);
        Map<Long, String> reviewers = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE_ID, REVIEWER FROM CR_ASSIGNMENT WHERE ROUND_ID = ? ORDER BY ID")) {
            ps.setLong(1, roundId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reviewers.put(rs.getLong(1), rs.getString(2)); // later rows supersede earlier ones
                }
            }
        }
        record Latest(int revision, BigDecimal total, Grade grade) {}
        Map<Long, Latest> latest = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE_ID, REVISION, TOTAL, GRADE FROM CR_RESULT"
                + " WHERE ROUND_ID = ? ORDER BY CASE_ID, REVISION")) {
            ps.setLong(1, roundId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    latest.put(rs.getLong(1), new Latest(rs.getInt(2), rs.getBigDecimal(3).setScale(2),
                            Grade.valueOf(rs.getString(4))));
                }
            }
        }
        List<RoundCase> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE_ID, CASE_NUMBER, KIND, KIND_TITLE_ZH, KIND_TITLE_EN,"
                + " TITLE FROM CR_CASE WHERE ROUND_ID = ? ORDER BY POS")) {
            ps.setLong(1, roundId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long caseId = rs.getLong(1);
                    Latest l = latest.get(caseId);
                    out.add(new RoundCase(roundId, caseId, rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6),
                            List.copyOf(officers.getOrDefault(caseId, Map.of()).values()), reviewers.get(caseId),
                            l == null ? 0 : l.revision(), l == null ? null : l.total(), l == null ? null : l.grade()));
                }
            }
        }
        return out;
    }

    private static Map<Long, Map<Long, String>> caseOfficers(Connection c, long roundId) throws SQLException {
        Map<Long, Map<Long, String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE_ID, OFFICER_ID, OFFICER_NAME FROM CR_CASE_OFFICER"
                + " WHERE ROUND_ID = ? ORDER BY CASE_ID, OFFICER_ID")) {
            ps.setLong(1, roundId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getLong(2), rs.getString(3));
                }
            }
        }
        return out;
    }

    private static List<ReviewResult> loadResults(Connection c, long roundId, long caseId) throws SQLException {
        record Row(long id, int revision, String reviewer, Instant at, BigDecimal total, Grade grade, String comment,
                   String reason) {}
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, REVISION, REVIEWER, SUBMITTED_AT, TOTAL, GRADE,"
                + " COMMENT_TEXT, REVISION_REASON FROM CR_RESULT WHERE ROUND_ID = ? AND CASE_ID = ? ORDER BY REVISION")) {
            ps.setLong(1, roundId);
            ps.setLong(2, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            rs.getBigDecimal(5).setScale(2), Grade.valueOf(rs.getString(6)), rs.getString(7),
                            rs.getString(8)));
                }
            }
        }
        List<ReviewResult> out = new ArrayList<>();
        for (Row r : rows) {
            List<ReviewResult.ItemScore> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT CODE, TITLE, POINTS, SCORE FROM CR_ITEM_SCORE"
                    + " WHERE RESULT_ID = ? ORDER BY POS")) {
                ps.setLong(1, r.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(new ReviewResult.ItemScore(rs.getString(1), rs.getString(2),
                                rs.getBigDecimal(3).setScale(2), rs.getBigDecimal(4).setScale(2)));
                    }
                }
            }
            List<Deduction> deductions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT SUB_ITEM, ITEM, POINTS, REASON FROM CR_DEDUCTION"
                    + " WHERE RESULT_ID = ? ORDER BY POS")) {
                ps.setLong(1, r.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        deductions.add(new Deduction(rs.getString(1), rs.getString(2), rs.getBigDecimal(3).setScale(2),
                                rs.getString(4)));
                    }
                }
            }
            out.add(new ReviewResult(roundId, caseId, r.revision(), r.reviewer(), r.at(), r.total(), r.grade(), items,
                    deductions, r.comment(), r.reason()));
        }
        return out;
    }

    private ReviewCatalogue catalogueOf(Connection c, String version) throws SQLException {
        ReviewCatalogue known = catalogues.get(version);
        if (known != null) {
            return known;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT CONTENT FROM CR_CATALOGUE WHERE BUREAU = ? AND VERSION = ?")) {
            ps.setString(1, bureau);
            ps.setString(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("catalogue " + version + " of a round is not stored");
                }
                ReviewCatalogue cat = CatalogueJson.read(rs.getString(1));
                catalogues.put(version, cat);
                return cat;
            } catch (IOException e) {
                throw new SQLException("stored catalogue " + version + " unreadable", e);
            }
        }
    }

    /** Keeps the catalogue a round is created with; a changed file under a known version is refused. */
    private void storeCatalogue(Connection c, ReviewCatalogue catalogue) throws SQLException {
        String content = CatalogueJson.write(catalogue);
        String hash = sha256(content);
        try (PreparedStatement ps = c.prepareStatement("SELECT SHA256 FROM CR_CATALOGUE WHERE BUREAU = ? AND VERSION = ?")) {
            ps.setString(1, bureau);
            ps.setString(2, catalogue.version());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    if (!rs.getString(1).equals(hash)) {
                        throw Messages.error(Kind.CONFLICT, "casereview.catalogue.changed", null, catalogue.version());
                    }
                    return;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CR_CATALOGUE VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, bureau);
            ps.setString(2, catalogue.version());
            ps.setString(3, hash);
            ps.setString(4, content);
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.executeUpdate();
        }
    }

    // --- helpers

    private static List<Reviewer> reviewers(List<Reviewer> input) {
        if (input.isEmpty()) {
            throw Messages.invalid("casereview.reviewers.empty", "reviewers");
        }
        List<Reviewer> out = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            Reviewer r = input.get(i);
            String user = r == null || r.user() == null ? "" : r.user();
            if (user.isEmpty() || user.length() > 64 || !user.matches("[\\p{L}\\p{N}._@-]+")) {
                throw Messages.invalid("casereview.reviewer.invalid", "reviewers[" + i + "]", user);
            }
            if (out.stream().anyMatch(x -> x.user().equals(user))) {
                throw Messages.invalid("casereview.reviewer.twice", "reviewers[" + i + "]", user);
            }
            out.add(new Reviewer(user, r.officerId()));
        }
        return out;
    }

    private static void setInteger(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    private void append(Connection c, long roundId, String entryType, Map<String, ?> payload, Actor actor) {
        String json;
        try {
            json = JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        record.append(c, EntryDraft.of(OBJECT_TYPE, String.valueOf(roundId), null, entryType, json), actor);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reader(Actor actor) {
        if (actor == null) {
            throw Messages.error(Kind.UNAUTHENTICATED, "casereview.unauthenticated", null);
        }
        if (!actor.isStaff()) {
            throw Messages.error(Kind.FORBIDDEN, "casereview.forbidden.read", null);
        }
    }

    private static void manager(Actor actor) {
        reader(actor);
        if (!actor.has(Roles.LEADER) && !actor.has(Roles.ADMIN)) {
            throw Messages.error(Kind.FORBIDDEN, "casereview.forbidden.manage", null);
        }
    }

    // --- transactions

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            LOG.warn("case-file review read failed", e);
            throw Messages.error(Kind.UNAVAILABLE, "casereview.database", null);
        }
    }

    /** Runs {@code work} in one transaction, then {@code after} on its result once committed. */
    private <T, R> R write(Work<T> work, java.util.function.Function<T, R> after) {
        T result;
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                result = work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            LOG.warn("case-file review write failed", e);
            throw Messages.error(Kind.UNAVAILABLE, "casereview.database", null);
        }
        return after.apply(result);
    }
}
