package org.zhifa.channel.city.internal;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.zhifa.api.casereview.CaseStatistics;
import org.zhifa.api.casereview.StatisticsService;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.ItemQuery;
import org.zhifa.api.record.CanonicalJson;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * §7 of docs/city-api.md: one month's counts by kind — cases filed and closed (the case statistics, when
 * that feature is installed) and items published and withdrawn (disclosure). Only counts leave the county.
 */
final class MonthlyStatistics {
    private static final int PAGE = 500;
    private static final String NO_KIND = "";

    private MonthlyStatistics() {}

    static ObjectNode body(YearMonth month, ZoneId zone, Instant now, String county, String bureauName,
                           StatisticsService cases, DisclosureService disclosure, Actor reader) {
        Map<String, long[]> counts = new TreeMap<>(Comparator.comparing((String k) -> k.isEmpty()).thenComparing(k -> k));
        Map<String, String> titles = new HashMap<>();
        String key = month.toString();
        if (cases != null) {
            CaseStatistics all = cases.cases(month.getYear(), null, reader);
            for (CaseStatistics.Count k : all.byKind()) {
                CaseStatistics one = cases.cases(month.getYear(), k.key(), reader);
                titles.put(k.key(), k.titleZh());
                long[] c = counts.computeIfAbsent(k.key(), x -> new long[4]);
                c[0] += count(one.filedByMonth(), key);
                c[1] += count(one.closedByMonth(), key);
            }
        }
        if (disclosure != null) {
            for (int offset = 0; ; offset += PAGE) {
                Page<DisclosureItem> page = disclosure.items(ItemQuery.all(offset, PAGE), reader);
                for (DisclosureItem i : page.items()) {
                    String kind = i.kind() == null ? NO_KIND : i.kind();
                    if (i.kindTitleZh() != null) {
                        titles.putIfAbsent(kind, i.kindTitleZh());
                    }
                    if (in(i.publishedAt(), month, zone)) {
                        counts.computeIfAbsent(kind, x -> new long[4])[2]++;
                    }
                    if (in(i.withdrawnAt(), month, zone)) {
                        counts.computeIfAbsent(kind, x -> new long[4])[3]++;
                    }
                }
                if (page.items().isEmpty() || offset + PAGE >= page.total()) {
                    break;
                }
            }
        }
        ObjectNode o = Bodies.start();
        o.put("month", key);
        o.put("generatedAt", CanonicalJson.instant(now));
        Bodies.bureau(o, county, bureauName);
        ArrayNode kinds = o.putArray("kinds");
        long[] totals = new long[4];
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            long[] c = e.getValue();
            if (c[0] + c[1] + c[2] + c[3] == 0) {
                continue;
            }
            ObjectNode k = kinds.addObject();
            k.put("kind", e.getKey().isEmpty() ? null : e.getKey());
            k.put("kindTitleZh", e.getKey().isEmpty() ? null : titles.get(e.getKey()));
            put(k, c);
            for (int i = 0; i < 4; i++) {
                totals[i] += c[i];
            }
        }
        put(o.putObject("totals"), totals);
        return o;
    }

    private static void put(ObjectNode o, long[] c) {
        o.put("filed", c[0]);
        o.put("decided", c[1]);
        o.put("disclosed", c[2]);
        o.put("withdrawn", c[3]);
    }

    private static long count(java.util.List<CaseStatistics.Count> counts, String month) {
        return counts.stream().filter(c -> month.equals(c.key())).mapToLong(CaseStatistics.Count::count).sum();
    }

    private static boolean in(Instant at, YearMonth month, ZoneId zone) {
        return at != null && YearMonth.from(at.atZone(zone)).equals(month);
    }
}
