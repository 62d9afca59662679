package org.zhifa.catalogue.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zhifa.api.catalogue.CatalogueItem;
import org.zhifa.api.catalogue.CatalogueType;
import org.zhifa.api.catalogue.CatalogueVersion;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplate.Block;

/**
 * A catalogue version as a PDF (through the documents bundle's renderer, Chinese font embedded), as an XLSX
 * workbook and as plain text. Values are data, never template text: they only ever fill fields.
 */
final class Render {
    private Render() {}

    static String title(CatalogueType type) {
        return Messages.zh("type." + type);
    }

    static String subtitle(CatalogueVersion v) {
        return Messages.zh("version.subtitle", v.number(), String.valueOf(v.effectiveFrom()));
    }

    static byte[] pdf(CatalogueVersion v, String bureauName, DocumentRenderer renderer) {
        List<DocumentTemplate.Field> fields = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Title(title(v.type())));
        fields.add(new DocumentTemplate.Field("bureau", null, false, false));
        fields.add(new DocumentTemplate.Field("subtitle", null, false, false));
        values.put("bureau", bureauName);
        values.put("subtitle", subtitle(v));
        blocks.add(new Block.Paragraph("${bureau}　${subtitle}", Block.Align.CENTER));
        if (v.type() == CatalogueType.GUIDES) {
            for (CatalogueItem item : v.items()) {
                String p = "g" + item.no() + ".";
                List<Block.Row> rows = new ArrayList<>();
                for (String key : v.type().fields()) {
                    fields.add(new DocumentTemplate.Field(p + key, null, false, false));
                    values.put(p + key, item.value(key));
                    rows.add(new Block.Row(Messages.fieldZh(v.type(), key), "${" + p + key + "}"));
                }
                blocks.add(new Block.Heading(Messages.zh("pdf.guide.heading", item.no()) + "${" + p + "name}"));
                blocks.add(new Block.KeyValueTable(rows));
            }
        } else {
            List<Block.Column> columns = new ArrayList<>();
            fields.add(new DocumentTemplate.Field("col.no", null, false, true));
            values.put("col.no", v.items().stream().map(i -> String.valueOf(i.no())).toList());
            columns.add(new Block.Column(Messages.zh("field.no"), "col.no"));
            for (String key : v.type().fields()) {
                fields.add(new DocumentTemplate.Field("col." + key, null, false, true));
                values.put("col." + key, v.items().stream().map(i -> i.value(key)).toList());
                columns.add(new Block.Column(Messages.fieldZh(v.type(), key), "col." + key));
            }
            blocks.add(new Block.ListTable(columns));
        }
        if (v.note() != null) {
            fields.add(new DocumentTemplate.Field("note", null, false, false));
            values.put("note", v.note());
            blocks.add(new Block.Paragraph(Messages.zh("pdf.note") + "${note}", Block.Align.LEFT));
        }
        DocumentTemplate t = new DocumentTemplate("catalogue." + v.type().fileName(), title(v.type()), null, fields,
                blocks, Messages.zh("pdf.footer"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(t, values, DocumentRenderer.Format.PDF, out);
        return out.toByteArray();
    }

    static byte[] xlsx(CatalogueVersion v) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        header.add(Messages.zh("field.no"));
        v.type().fields().forEach(k -> header.add(Messages.fieldZh(v.type(), k)));
        rows.add(header);
        for (CatalogueItem i : v.items()) {
            List<String> row = new ArrayList<>();
            row.add(String.valueOf(i.no()));
            v.type().fields().forEach(k -> row.add(i.value(k)));
            rows.add(row);
        }
        return Xlsx.workbook(title(v.type()), rows);
    }

    /** The plain text a disclosure item carries: title, version and every item's values. */
    static String text(CatalogueVersion v) {
        StringBuilder b = new StringBuilder();
        b.append(title(v.type())).append('\n').append(subtitle(v)).append("\n\n");
        for (CatalogueItem i : v.items()) {
            b.append(i.no()).append(". ");
            boolean first = true;
            for (String k : v.type().fields()) {
                if (i.value(k).isEmpty()) {
                    continue;
                }
                b.append(first ? "" : "；").append(Messages.fieldZh(v.type(), k)).append("：").append(i.value(k));
                first = false;
            }
            b.append('\n');
        }
        return b.toString();
    }
}
