package org.zhifa.documents.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplate.Block;
import org.zhifa.api.document.DocumentTemplate.Field;

/**
 * A template's texts with the field values put in: checked once, then asked for text by the writers.
 * Values are inserted as they are and never scanned again, so a value cannot smuggle in a placeholder.
 */
final class Fill {
    /** {@code $${} (a literal {@code ${}) or a placeholder, group 1 = its name. */
    private static final Pattern TOKEN = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z0-9_.\\-]+)}");
    /** Characters XML 1.0 and PDF text cannot carry; tabs and line breaks stay. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");

    private final DocumentTemplate template;
    private final Map<String, String> scalars = new HashMap<>();
    private final Map<String, List<String>> lists = new HashMap<>();

    private Fill(DocumentTemplate template) {
        this.template = template;
    }

    /** Checks the template and the values; refuses a missing required field or a wrong type. */
    static Fill of(DocumentTemplate template, Map<String, ?> values) {
        check(template);
        Fill fill = new Fill(template);
        for (Field f : template.fields()) {
            Object v = values == null ? null : values.get(f.name());
            if (f.list()) {
                if (v != null && !(v instanceof Collection<?>)) {
                    throw Errors.wrongType(template.id(), f.name(), true);
                }
                List<String> items = new ArrayList<>();
                if (v != null) {
                    for (Object item : (Collection<?>) v) {
                        items.add(item == null ? "" : clean(String.valueOf(item)));
                    }
                }
                if (f.required() && items.stream().allMatch(String::isBlank)) {
                    throw missing(template, f);
                }
                fill.lists.put(f.name(), List.copyOf(items));
            } else {
                if (v instanceof Collection<?>) {
                    throw Errors.wrongType(template.id(), f.name(), false);
                }
                String text = v == null ? "" : clean(String.valueOf(v));
                if (f.required() && text.isBlank()) {
                    throw missing(template, f);
                }
                fill.scalars.put(f.name(), text);
            }
        }
        return fill;
    }

    private static RuntimeException missing(DocumentTemplate t, Field f) {
        return Errors.invalid("DOCUMENT_FIELD_MISSING", f.name(), t.titleZh(), f.label(), f.name());
    }

    private static String clean(String s) {
        return CONTROL.matcher(s.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
    }

    /** Every placeholder names a declared field of the right kind; list tables name list fields. */
    static void check(DocumentTemplate t) {
        Consumer<String> scalarText = text -> names(text).forEach(n -> {
            Field f = t.field(n).orElseThrow(() -> Errors.template(t.id(), "undeclared field ${" + n + "}"));
            if (f.list()) {
                throw Errors.template(t.id(), "list field ${" + n + "} used as text (only list tables show lists)");
            }
        });
        for (Block b : t.blocks()) {
            if (b instanceof Block.Title x) {
                scalarText.accept(x.text());
            } else if (b instanceof Block.Heading x) {
                scalarText.accept(x.text());
            } else if (b instanceof Block.Paragraph x) {
                scalarText.accept(x.text());
            } else if (b instanceof Block.KeyValueTable x) {
                x.rows().forEach(r -> {
                    scalarText.accept(r.label());
                    scalarText.accept(r.value());
                });
            } else if (b instanceof Block.ListTable x) {
                x.columns().forEach(c -> {
                    scalarText.accept(c.header());
                    Field f = t.field(c.field()).orElseThrow(
                            () -> Errors.template(t.id(), "undeclared list field " + c.field()));
                    if (!f.list()) {
                        throw Errors.template(t.id(), "column field " + c.field() + " is not a list");
                    }
                });
            } else if (b instanceof Block.Signature x) {
                scalarText.accept(x.signer());
                scalarText.accept(x.date());
            }
        }
        String footer = t.footer().replace("${" + DocumentTemplate.PAGE + "}", "")
                .replace("${" + DocumentTemplate.PAGES + "}", "");
        scalarText.accept(footer);
    }

    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    DocumentTemplate template() {
        return template;
    }

    /** {@code text} with its placeholders replaced by the values. */
    String text(String text) {
        return replace(text, Map.of());
    }

    /** The footer of one page: {@code ${page}} and {@code ${pages}} given, the rest from the values. */
    String footer(String page, String pages) {
        return replace(template.footer(), Map.of(DocumentTemplate.PAGE, page, DocumentTemplate.PAGES, pages));
    }

    /** The footer split around the page placeholders, for writers that insert page fields themselves. */
    List<FooterPart> footerParts() {
        List<FooterPart> parts = new ArrayList<>();
        Matcher m = Pattern.compile("\\$\\{(" + DocumentTemplate.PAGE + "|" + DocumentTemplate.PAGES + ")}")
                .matcher(template.footer());
        int at = 0;
        while (m.find()) {
            if (m.start() > 0 && template.footer().charAt(m.start() - 1) == '$') {
                continue;
            }
            parts.add(new FooterPart(replace(template.footer().substring(at, m.start()), Map.of()), null));
            parts.add(new FooterPart(null, m.group(1)));
            at = m.end();
        }
        parts.add(new FooterPart(replace(template.footer().substring(at), Map.of()), null));
        parts.removeIf(p -> p.text() != null && p.text().isEmpty());
        return parts;
    }

    /** A piece of the footer: literal text, or the page field {@value DocumentTemplate#PAGE}/{@value DocumentTemplate#PAGES}. */
    record FooterPart(String text, String pageField) {}

    private String replace(String text, Map<String, String> extra) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        int at = 0;
        while (m.find()) {
            out.append(text, at, m.start());
            if (m.group(1) == null) {
                out.append("${");
            } else {
                String v = extra.containsKey(m.group(1)) ? extra.get(m.group(1)) : scalars.get(m.group(1));
                out.append(v == null ? "" : v);
            }
            at = m.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** The rows of a list table: the i-th element of each column's list, blank where a list is shorter. */
    List<List<String>> rows(Block.ListTable table) {
        int n = table.columns().stream().mapToInt(c -> lists.get(c.field()).size()).max().orElse(0);
        List<List<String>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>();
            for (Block.Column c : table.columns()) {
                List<String> items = lists.get(c.field());
                row.add(i < items.size() ? items.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
