package org.zhifa.casefile.internal;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zhifa.api.casefile.Completeness;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplate.Block;
import org.zhifa.api.document.DocumentTemplate.Field;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.api.record.CanonicalJson;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.SignedTreeHead;

/**
 * index.pdf: the readable index of a case file, as a document template rendered by the documents bundle
 * (OpenPDF with its configured Chinese font), so fonts and layout are configured in one place.
 */
final class IndexPdf {
    private static final Locale ZH = Locale.ROOT;

    /** One document of the case: its id and title. */
    record Doc(String id, String title) {}

    /** One evidence item as the archive holds it: its path, or null for a reference. */
    record Ev(EvidenceItem item, String path) {}

    private IndexPdf() {}

    static DocumentTemplate template() {
        List<Field> fields = new ArrayList<>();
        for (String f : List.of("bureau", "number", "kind", "title", "party", "status", "step", "filedOn", "exported",
                "sth", "completeness", "verify")) {
            fields.add(new Field(f, f, false, false));
        }
        for (String f : List.of("doc.id", "doc.title", "ev.name", "ev.size", "ev.hash", "ev.where", "en.seq", "en.at",
                "en.type", "en.hash", "missing")) {
            fields.add(new Field(f, f, false, true));
        }
        List<Block> blocks = List.of(
                new Block.Paragraph("${bureau}", Block.Align.CENTER),
                new Block.Title(t("index.title")),
                new Block.KeyValueTable(List.of(row("index.number", "number"), row("index.kind", "kind"),
                        row("index.caseTitle", "title"), row("index.party", "party"), row("index.status", "status"),
                        row("index.step", "step"), row("index.filedOn", "filedOn"), row("index.exported", "exported"))),
                new Block.Heading(t("index.documents")),
                new Block.ListTable(List.of(new Block.Column(t("index.document"), "doc.id"),
                        new Block.Column(t("index.caseTitle"), "doc.title"))),
                new Block.Heading(t("index.evidence")),
                new Block.ListTable(List.of(new Block.Column(t("index.evidence.name"), "ev.name"),
                        new Block.Column(t("index.evidence.size"), "ev.size"),
                        new Block.Column(t("index.evidence.hash"), "ev.hash"),
                        new Block.Column(t("index.evidence.where"), "ev.where"))),
                new Block.Heading(t("index.entries")),
                new Block.ListTable(List.of(new Block.Column(t("index.entry.seq"), "en.seq"),
                        new Block.Column(t("index.entry.at"), "en.at"), new Block.Column(t("index.entry.type"), "en.type"),
                        new Block.Column(t("index.entry.hash"), "en.hash"))),
                new Block.Heading(t("index.sth")),
                new Block.Paragraph("${sth}", Block.Align.LEFT),
                new Block.Heading(t("index.completeness")),
                new Block.Paragraph("${completeness}", Block.Align.LEFT),
                new Block.ListTable(List.of(new Block.Column(t("index.completeness"), "missing"))),
                new Block.Paragraph("${verify}", Block.Align.LEFT));
        return new DocumentTemplate("casefile.index", t("index.title"), "Case file index", fields, blocks,
                t("index.footer"));
    }

    static void render(DocumentRenderer renderer, String bureauName, CaseFile c, String exported, List<Doc> docs,
                       List<Ev> evidence, List<RecordEntry> entries, List<String> leafHashes, SignedTreeHead sth,
                       Completeness completeness, OutputStream out) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("bureau", bureauName);
        f.put("number", c.number());
        f.put("kind", c.kindTitleZh());
        f.put("title", c.title());
        f.put("party", c.party() == null ? "" : c.party().name());
        f.put("status", t("status." + c.status().name()));
        f.put("step", c.stepTitleZh());
        f.put("filedOn", String.valueOf(c.filedOn()));
        f.put("exported", exported);
        f.put("doc.id", docs.stream().map(Doc::id).toList());
        f.put("doc.title", docs.stream().map(Doc::title).toList());
        f.put("ev.name", evidence.stream().map(e -> String.valueOf(e.item().fileName())).toList());
        f.put("ev.size", evidence.stream().map(e -> Long.toString(e.item().size())).toList());
        f.put("ev.hash", evidence.stream().map(e -> e.item().hash()).toList());
        f.put("ev.where", evidence.stream().map(e -> e.path() == null ? t("index.evidence.reference") : e.path()).toList());
        f.put("en.seq", entries.stream().map(e -> Long.toString(e.seq())).toList());
        f.put("en.at", entries.stream().map(e -> CanonicalJson.instant(e.at())).toList());
        f.put("en.type", entries.stream().map(e -> e.entryType() + (e.step() == null ? "" : " / " + e.step())).toList());
        f.put("en.hash", leafHashes);
        f.put("sth", Messages.text(ZH, "index.sth.text", sth.bureau(), sth.hashAlgorithm(), Long.toString(sth.treeSize()),
                CanonicalJson.instant(sth.timestamp()), sth.rootHash(), sth.keyId()));
        f.put("completeness", completeness.complete() ? t("index.complete")
                : Messages.text(ZH, "section.incomplete", completeness.missing().size()));
        f.put("missing", completeness.missing().stream().map(Completeness.Missing::messageZh).toList());
        f.put("verify", t("index.verify"));
        renderer.render(template(), f, DocumentRenderer.Format.PDF, out);
    }

    private static Block.Row row(String labelKey, String field) {
        return new Block.Row(t(labelKey), "${" + field + "}");
    }

    private static String t(String key) {
        return Messages.text(ZH, key);
    }
}
