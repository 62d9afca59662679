package org.zhifa.spotcheck.internal.shell;

import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.common.Texts;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.spotcheck.Draw;
import org.zhifa.api.spotcheck.DrawInspector;
import org.zhifa.api.spotcheck.DrawResult;
import org.zhifa.api.spotcheck.InspectionTarget;
import org.zhifa.api.spotcheck.SeedSource;
import org.zhifa.api.spotcheck.TargetFilter;
import org.zhifa.spotcheck.internal.Labels;

/** What the commands share: texts in both languages, refusals that make {@code bin/client -b} exit non-zero, a draw in full. */
final class Shell {
    static final Texts T = Texts.of(Shell.class, "org.zhifa.spotcheck.internal.shell.messages");
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private Shell() {}

    /** "中文 / English". */
    static String both(String key, Object... args) {
        Object[] a = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i] instanceof Number ? args[i].toString() : args[i];    // ids without digit grouping
        }
        return T.zh(key, a) + " / " + T.en(key, a);
    }

    static ShellTable table(String... keys) {
        ShellTable t = new ShellTable();
        for (String k : keys) {
            t.column(T.zh(k) + " " + T.en(k));
        }
        return t;
    }

    static IllegalArgumentException refusal(ZhifaException e) {
        return new IllegalArgumentException("[" + e.code() + "] " + e.messageZh() + " / " + e.messageEn());
    }

    static IllegalArgumentException invalid(String key, Object... args) {
        return new IllegalArgumentException(both(key, args));
    }

    /** A positive id typed by the user; {@code what} names it in the refusal. */
    static long id(String text, String what) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("[1-9]\\d{0,17}")) {
            throw invalid("id.invalid", T.zh(what), T.en(what), t);
        }
        return Long.parseLong(t);
    }

    /** A target filter from the options typed: Chinese names or constants; a wrong one is refused. */
    static TargetFilter filter(String q, List<String> types, List<String> areas, List<String> risks, List<String> tags) {
        Set<InspectionTarget.TargetType> ts = new HashSet<>();
        for (String t : types == null ? List.<String>of() : types) {
            InspectionTarget.TargetType type = Labels.parseType(t);
            if (type == null) {
                throw invalid("type.invalid", t);
            }
            ts.add(type);
        }
        Set<InspectionTarget.Risk> rs = new HashSet<>();
        for (String r : risks == null ? List.<String>of() : risks) {
            InspectionTarget.Risk risk = Labels.parseRisk(r);
            if (risk == null) {
                throw invalid("risk.invalid", r);
            }
            rs.add(risk);
        }
        return new TargetFilter(q, ts, areas == null ? null : Set.copyOf(areas), rs, tags == null ? null : Set.copyOf(tags));
    }

    /** A file the user names: relative to the Karaf base folder unless absolute. */
    static Path file(String name) {
        Path path = Paths.get(name == null ? "" : name.strip());
        if (!path.isAbsolute()) {
            path = Paths.get(System.getProperty("karaf.base", ".")).resolve(path);
        }
        return path.toAbsolutePath().normalize();
    }

    static String orEmpty(Object o) {
        return o == null ? "" : o.toString();
    }

    /** A draw as the record holds it: announcement, sources and values, key, hashes, result, recusals. */
    static void print(Draw d, PrintStream out) {
        line(out, "label.draw", d.id() + "  " + both("status." + d.status().name()));
        line(out, "label.plan", d.planId() + "  " + both("label.round", d.round()));
        if (d.supersedes() != null) {
            line(out, "label.supersedes", d.supersedes() + "  " + orEmpty(d.redrawReason()));
        }
        line(out, "label.announced", AT.format(d.announcedAt()) + "  " + d.announcedBy());
        line(out, "label.mode", both("mode." + d.seedMode().name()));
        for (int i = 0; i < d.sources().size(); i++) {
            SeedSource s = d.sources().get(i);
            out.println("  " + (i + 1) + ". " + s.label() + (s.ordered() ? "" : "  (" + both("label.unordered") + ")")
                    + (s.values().isEmpty() ? "" : "  = " + String.join(" ", s.values())));
        }
        if (d.status() == Draw.Status.ANNOUNCED) {
            out.println(both("draw.pending", d.id()));
            return;
        }
        line(out, "label.drawn", AT.format(d.drawnAt()) + "  " + d.drawnBy());
        line(out, "label.algorithm", d.algorithm());
        line(out, "label.key", d.key());
        line(out, "label.pool", both("label.poolSize", d.poolSize(), d.targetCount()));
        line(out, "label.targetsHash", d.targetsHash());
        line(out, "label.inspectorsHash", d.inspectorsHash());
        line(out, "label.conflictsHash", d.conflictsHash());
        line(out, "label.recordSeq", orEmpty(d.recordSeq()));
        DrawResult r = d.result();
        if (r == null) {
            return;
        }
        ShellTable t = table("col.order", "col.targetId", "col.target", "col.creditCode", "col.area", "col.inspectors");
        int n = 0;
        for (DrawResult.Assignment a : r.assignments()) {
            t.addRow().addContent(++n, a.target().id(), a.target().name(), a.target().creditCode(), a.target().area(),
                    a.inspectors().stream().map(i -> i.name() + " (" + i.id() + ")").collect(Collectors.joining("、")));
        }
        t.print(out);
        if (!r.recusals().isEmpty()) {
            out.println(both("label.recusals", r.recusals().size()));
            ShellTable rt = table("col.targetId", "col.inspectorId", "col.ground", "col.reason");
            r.recusals().forEach(x -> rt.addRow().addContent(x.targetId(), x.inspectorId(),
                    both("ground." + x.ground().name()), orEmpty(x.reason())));
            rt.print(out);
        }
    }

    static String names(List<DrawInspector> inspectors) {
        return inspectors.stream().map(DrawInspector::name).collect(Collectors.joining("、"));
    }

    static void line(PrintStream out, String key, String value) {
        out.println(T.zh(key) + " " + T.en(key) + ": " + value);
    }

    static Locale zh() {
        return Locale.SIMPLIFIED_CHINESE;
    }
}
