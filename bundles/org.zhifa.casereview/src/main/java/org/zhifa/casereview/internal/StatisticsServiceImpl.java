package org.zhifa.casereview.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.casereview.CaseStatistics;
import org.zhifa.api.casereview.CaseStatistics.Count;
import org.zhifa.api.casereview.StatisticsService;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.ZhifaException.Kind;

/**
 * Counts cases from the case engine's tables. With a year, the counts by kind, step and officer and the
 * monthly filings are of the cases filed in that year, the monthly closings of the cases closed in it.
 */
@Component(service = StatisticsService.class)
public final class StatisticsServiceImpl implements StatisticsService {
    private static final Logger LOG = LoggerFactory.getLogger(StatisticsServiceImpl.class);

    private final DataSource dataSource;
    private final String bureau;

    @Activate
    public StatisticsServiceImpl(@Reference(name = "dataSource", target = "(osgi.jndi.service.name=zhifa)") DataSource dataSource,
                                 @Reference(name = "bureau") BureauInfo bureau) {
        this(dataSource, bureau.code());
    }

    StatisticsServiceImpl(DataSource dataSource, String bureau) {
        this.dataSource = dataSource;
        this.bureau = bureau;
    }

    @Override
    public CaseStatistics cases(Integer year, String kind, Actor actor) {
        if (actor == null) {
            throw Messages.error(Kind.UNAUTHENTICATED, "casereview.unauthenticated", null);
        }
        if (!actor.isStaff()) {
            throw Messages.error(Kind.FORBIDDEN, "casereview.forbidden.read", null);
        }
        if (year != null && (year < 2000 || year > 2100)) {
            throw Messages.invalid("casereview.year.invalid", "year", String.valueOf(year));
        }
        String k = kind == null || kind.isBlank() ? null : kind.strip();
        if (k != null && !k.matches("[a-z][a-z0-9-]{0,31}")) {
            throw Messages.invalid("statistics.kind.invalid", "kind", k);
        }
        try (Connection c = dataSource.getConnection()) {
            return count(year, k, CaseTables.cases(c, bureau, k), CaseTables.closedAt(c, bureau, k),
                    CaseTables.officers(c, bureau));
        } catch (SQLException e) {
            LOG.warn("statistics failed", e);
            throw Messages.error(Kind.UNAVAILABLE, "statistics.unavailable", null);
        }
    }

    static CaseStatistics count(Integer year, String kind, List<CaseTables.StatRow> rows,
                                Map<Long, LocalDateTime> closedAt, Map<Long, Map<Long, String>> officers) {
        List<CaseTables.StatRow> filed = rows.stream()
                .filter(r -> year == null || r.filedOn().getYear() == year).toList();
        Map<String, long[]> kinds = new LinkedHashMap<>();
        Map<String, String[]> kindTitles = new HashMap<>();
        Map<String, long[]> steps = new LinkedHashMap<>();
        Map<String, String[]> stepTitles = new HashMap<>();
        Map<Long, long[]> byOfficer = new HashMap<>();
        Map<Long, String> officerNames = new HashMap<>();
        TreeMap<YearMonth, long[]> filedByMonth = new TreeMap<>();
        TreeMap<YearMonth, long[]> closedByMonth = new TreeMap<>();
        Set<String> kindsSeen = new HashSet<>();
        filed.forEach(r -> kindsSeen.add(r.kind()));
        boolean oneKind = kindsSeen.size() <= 1;
        if (year != null) {
            for (int m = 1; m <= 12; m++) {
                filedByMonth.put(YearMonth.of(year, m), new long[1]);
                closedByMonth.put(YearMonth.of(year, m), new long[1]);
            }
        }
        long open = 0;
        long closed = 0;
        for (CaseTables.StatRow r : filed) {
            if (r.closed()) {
                closed++;
            } else {
                open++;
            }
            kinds.computeIfAbsent(r.kind(), x -> new long[1])[0]++;
            kindTitles.put(r.kind(), new String[] {r.kindTitleZh(), r.kindTitleEn()});
            String stepKey = r.kind() + "/" + r.step();
            steps.computeIfAbsent(stepKey, x -> new long[1])[0]++;
            stepTitles.put(stepKey, oneKind ? new String[] {r.stepTitleZh(), r.stepTitleEn()}
                    : new String[] {r.kindTitleZh() + "·" + r.stepTitleZh(), r.kindTitleEn() + ": " + r.stepTitleEn()});
            for (Map.Entry<Long, String> o : officers.getOrDefault(r.id(), Map.of()).entrySet()) {
                byOfficer.computeIfAbsent(o.getKey(), x -> new long[1])[0]++;
                officerNames.put(o.getKey(), o.getValue());
            }
            filedByMonth.computeIfAbsent(YearMonth.from(r.filedOn()), x -> new long[1])[0]++;
        }
        Set<Long> known = new HashSet<>();
        rows.forEach(r -> known.add(r.id()));
        for (Map.Entry<Long, LocalDateTime> e : closedAt.entrySet()) {
            if (known.contains(e.getKey()) && (year == null || e.getValue().getYear() == year)) {
                closedByMonth.computeIfAbsent(YearMonth.from(e.getValue()), x -> new long[1])[0]++;
            }
        }
        List<Count> kindCounts = new ArrayList<>();
        kinds.forEach((key, n) -> kindCounts.add(new Count(key, kindTitles.get(key)[0], kindTitles.get(key)[1], n[0])));
        kindCounts.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key));
        List<Count> stepCounts = new ArrayList<>();
        steps.forEach((key, n) -> stepCounts.add(new Count(key, stepTitles.get(key)[0], stepTitles.get(key)[1], n[0])));
        stepCounts.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key));
        List<Count> officerCounts = new ArrayList<>();
        byOfficer.forEach((id, n) -> officerCounts.add(new Count(String.valueOf(id), officerNames.get(id),
                officerNames.get(id), n[0])));
        officerCounts.sort(Comparator.comparingLong(Count::count).reversed()
                .thenComparing(x -> Long.parseLong(x.key())));
        return new CaseStatistics(year, kind, filed.size(), open, closed, kindCounts, stepCounts, officerCounts,
                months(filedByMonth), months(closedByMonth));
    }

    private static List<Count> months(TreeMap<YearMonth, long[]> m) {
        List<Count> out = new ArrayList<>();
        m.forEach((ym, n) -> out.add(new Count(ym.toString(), ym.getYear() + "年" + ym.getMonthValue() + "月",
                ym.toString(), n[0])));
        return out;
    }
}
