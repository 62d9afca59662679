package org.zhifa.casereview.internal;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.zhifa.api.casereview.CaseStatistics;
import org.zhifa.api.casereview.RoundCase;
import org.zhifa.api.casereview.RoundReport;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplate.Block;

/**
 * A round's report as CSV and as PDF, and the statistics as CSV. The PDF is rendered by the documents
 * bundle's {@link DocumentRenderer} (OpenPDF with the configured Chinese font) from a template built here.
 */
final class ReportWriter {
    private ReportWriter() {}

    static Csv csv(RoundReport r, Locale locale) {
        Csv csv = new Csv();
        csv.row(t(locale, "report.round"), r.round().name(), t(locale, "report.year"), r.round().year(),
                t(locale, "report.catalogue"), r.round().catalogueVersion());
        csv.row(t(locale, "report.col.number"), t(locale, "report.col.title"), t(locale, "report.col.kind"),
                t(locale, "report.col.officers"), t(locale, "report.col.reviewer"), t(locale, "report.col.revision"),
                t(locale, "report.col.score"), t(locale, "report.col.grade"));
        for (RoundCase c : r.cases()) {
            csv.row(c.caseNumber(), c.title(), en(locale) ? c.kindTitleEn() : c.kindTitleZh(), String.join("、", c.officers()),
                    c.reviewer(), c.revision(), c.score(), c.grade() == null ? null : c.grade().title(locale));
        }
        csv.row();
        csv.row(t(locale, "report.average"), r.average(), t(locale, "grade.excellent"), r.excellent(),
                t(locale, "grade.pass"), r.pass(), t(locale, "grade.fail"), r.fail());
        csv.row();
        csv.row(t(locale, "report.byKind"), t(locale, "report.col.cases"), t(locale, "report.col.average"));
        r.byKind().forEach(a -> csv.row(en(locale) ? a.titleEn() : a.titleZh(), a.cases(), a.average()));
        csv.row();
        csv.row(t(locale, "report.byOfficer"), t(locale, "report.col.cases"), t(locale, "report.col.average"));
        r.byOfficer().forEach(a -> csv.row(a.titleZh(), a.cases(), a.average()));
        csv.row();
        csv.row(t(locale, "report.deductions"), t(locale, "report.col.item"), t(locale, "report.col.subItem"),
                t(locale, "report.col.count"), t(locale, "report.col.points"));
        r.deductions().forEach(d -> csv.row(d.subItemCode(), d.itemTitle(), d.subItemTitle(), d.count(), d.points()));
        return csv;
    }

    static Csv csv(CaseStatistics s, Locale locale) {
        Csv csv = new Csv();
        csv.row(t(locale, "stats.col.dimension"), t(locale, "stats.col.key"), t(locale, "stats.col.title"),
                t(locale, "stats.col.count"));
        Map<String, List<CaseStatistics.Count>> dims = new LinkedHashMap<>();
        dims.put("kind", s.byKind());
        dims.put("step", s.byStep());
        dims.put("officer", s.byOfficer());
        dims.put("filedMonth", s.filedByMonth());
        dims.put("closedMonth", s.closedByMonth());
        dims.forEach((dim, counts) -> counts.forEach(c -> csv.row(t(locale, "stats.dim." + dim), c.key(),
                c.title(locale), c.count())));
        return csv;
    }

    static void pdf(RoundReport r, Locale locale, DocumentRenderer renderer, OutputStream out) {
        List<DocumentTemplate.Field> fields = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Title(t(locale, "report.title")));
        blocks.add(new Block.KeyValueTable(List.of(
                new Block.Row(t(locale, "report.round"), "${round.name}"),
                new Block.Row(t(locale, "report.year"), "${round.year}"),
                new Block.Row(t(locale, "report.catalogue"), "${round.catalogue}"),
                new Block.Row(t(locale, "report.sampling"), "${round.sampling}"),
                new Block.Row(t(locale, "report.thresholds"), "${round.thresholds}"),
                new Block.Row(t(locale, "report.summary"), "${round.summary}"))));
        values.put("round.name", r.round().name());
        values.put("round.year", String.valueOf(r.round().year()));
        values.put("round.catalogue", r.round().catalogueVersion());
        values.put("round.sampling", r.round().seed() == null
                ? t(locale, "report.sampling.all", r.round().cases())
                : t(locale, "report.sampling.sample", r.round().cases(), r.round().population(), String.valueOf(r.round().seed())));
        values.put("round.thresholds", t(locale, "report.thresholds.text", plain(r.excellentFrom()), plain(r.passFrom())));
        values.put("round.summary", t(locale, "report.summary.text", r.round().scored(), r.round().cases(),
                r.average() == null ? "—" : plain(r.average()), r.excellent(), r.pass(), r.fail()));
        for (String f : List.of("round.name", "round.year", "round.catalogue", "round.sampling", "round.thresholds",
                "round.summary")) {
            fields.add(new DocumentTemplate.Field(f, f, false, false));
        }
        table(blocks, fields, values, t(locale, "report.cases"), r.cases(), List.of(
                column(t(locale, "report.col.number"), "cases.number", RoundCase::caseNumber),
                column(t(locale, "report.col.title"), "cases.title", RoundCase::title),
                column(t(locale, "report.col.officers"), "cases.officers", c -> String.join("、", c.officers())),
                column(t(locale, "report.col.reviewer"), "cases.reviewer", c -> c.reviewer() == null ? "—" : c.reviewer()),
                column(t(locale, "report.col.score"), "cases.score", c -> c.score() == null ? "—" : plain(c.score())),
                column(t(locale, "report.col.grade"), "cases.grade", c -> c.grade() == null ? "—" : c.grade().title(locale))));
        table(blocks, fields, values, t(locale, "report.byKind"), r.byKind(), List.of(
                column(t(locale, "report.col.kind"), "kinds.title", a -> en(locale) ? a.titleEn() : a.titleZh()),
                column(t(locale, "report.col.cases"), "kinds.cases", a -> String.valueOf(a.cases())),
                column(t(locale, "report.col.average"), "kinds.average", a -> plain(a.average()))));
        table(blocks, fields, values, t(locale, "report.byOfficer"), r.byOfficer(), List.of(
                column(t(locale, "report.col.officer"), "officers.name", RoundReport.Average::titleZh),
                column(t(locale, "report.col.cases"), "officers.cases", a -> String.valueOf(a.cases())),
                column(t(locale, "report.col.average"), "officers.average", a -> plain(a.average()))));
        table(blocks, fields, values, t(locale, "report.deductions"), r.deductions(), List.of(
                column(t(locale, "report.col.item"), "deductions.item", d -> d.itemTitle()),
                column(t(locale, "report.col.subItem"), "deductions.sub", d -> d.subItemCode() + " " + d.subItemTitle()),
                column(t(locale, "report.col.count"), "deductions.count", d -> String.valueOf(d.count())),
                column(t(locale, "report.col.points"), "deductions.points", d -> plain(d.points()))));
        DocumentTemplate template = new DocumentTemplate("casereview.report", Messages.text(Locale.SIMPLIFIED_CHINESE,
                "report.title"), Messages.text(Locale.ENGLISH, "report.title"), fields, blocks, t(locale, "report.footer"));
        renderer.render(template, values, DocumentRenderer.Format.PDF, out);
    }

    private record Col<T>(String header, String field, Function<T, String> value) {}

    private static <T> Col<T> column(String header, String field, Function<T, String> value) {
        return new Col<>(header, field, value);
    }

    private static <T> void table(List<Block> blocks, List<DocumentTemplate.Field> fields, Map<String, Object> values,
                                  String heading, List<T> rows, List<Col<T>> columns) {
        blocks.add(new Block.Heading(heading));
        if (rows.isEmpty()) {
            blocks.add(new Block.Paragraph("—", Block.Align.LEFT));
            return;
        }
        List<Block.Column> cols = new ArrayList<>();
        for (Col<T> c : columns) {
            cols.add(new Block.Column(c.header(), c.field()));
            fields.add(new DocumentTemplate.Field(c.field(), c.header(), false, true));
            values.put(c.field(), rows.stream().map(x -> {
                String v = c.value().apply(x);
                return v == null ? "" : v;
            }).toList());
        }
        blocks.add(new Block.ListTable(cols));
    }

    private static String plain(BigDecimal b) {
        return b == null ? "" : b.stripTrailingZeros().toPlainString();
    }

    private static boolean en(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    static String t(Locale locale, String key, Object... args) {
        return Messages.text(locale, key, args);
    }
}
