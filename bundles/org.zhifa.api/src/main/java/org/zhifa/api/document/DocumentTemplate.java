package org.zhifa.api.document;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An enforcement document (执法文书) as data, independent of any PDF or Word library: its declared
 * {@link Field fields} and a list of {@link Block blocks}, plus an optional page footer.
 *
 * <p>Texts may hold placeholders {@code ${name}} ({@link #PLACEHOLDER}); every name used must be a
 * declared field, except {@value #PAGE} and {@value #PAGES} (page number and page count), which only the
 * footer may use. {@code $${} writes a literal {@code ${}. Placeholders are replaced once: a value is
 * never scanned for placeholders again.
 *
 * @param id      stable identifier, lower case words joined by dots, e.g. {@code penalty.decision}
 * @param titleZh the document's name, e.g. 行政处罚决定书 (document metadata; print it with a
 *                {@link Block.Title} block)
 * @param titleEn its English name; the Chinese one when null
 * @param fields  the fields the blocks may use
 * @param blocks  the content, top to bottom
 * @param footer  text at the bottom of every page, e.g. {@code 第 ${page} 页 共 ${pages} 页}; empty for none
 */
public record DocumentTemplate(String id, String titleZh, String titleEn, List<Field> fields, List<Block> blocks,
                               String footer) {

    /** Page number, for the footer only. */
    public static final String PAGE = "page";
    /** Page count, for the footer only. */
    public static final String PAGES = "pages";
    /** A placeholder; group 1 is the field name. {@code $${} (an escaped one) is not matched. */
    public static final Pattern PLACEHOLDER = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z0-9_.\\-]+)}");
    /** What an id looks like. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

    public DocumentTemplate {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("template id must be lower-case words joined by dots: " + id);
        }
        if (titleZh == null || titleZh.isBlank()) {
            throw new IllegalArgumentException("template " + id + " has no title");
        }
        titleEn = titleEn == null || titleEn.isBlank() ? titleZh : titleEn;
        fields = List.copyOf(fields);
        blocks = List.copyOf(blocks);
        footer = footer == null ? "" : footer;
    }

    /** The title in {@code locale}: English for an English locale, Chinese otherwise. */
    public String title(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? titleEn : titleZh;
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * A value the document needs.
     *
     * @param name     what the placeholders say, e.g. {@code party.name}
     * @param label    what a person calls it, e.g. 当事人 (for forms and error messages); the name when null
     * @param required whether rendering is refused without it (absent, blank or an empty list)
     * @param list     a list of strings, for the columns of a {@link Block.ListTable}
     */
    public record Field(String name, String label, boolean required, boolean list) {
        public Field {
            Objects.requireNonNull(name, "name");
            if (!PLACEHOLDER.matcher("${" + name + "}").matches() || PAGE.equals(name) || PAGES.equals(name)) {
                throw new IllegalArgumentException("not a field name: " + name);
            }
            label = label == null || label.isBlank() ? name : label;
        }
    }

    /** One piece of content. Every text may hold placeholders; {@code \n} is a line break. */
    public sealed interface Block {

        /** The document's name, centred and large, e.g. 行政处罚决定书. */
        record Title(String text) implements Block {
            public Title {
                Objects.requireNonNull(text, "text");
            }
        }

        /** A section heading, bold, e.g. 一、违法事实. */
        record Heading(String text) implements Block {
            public Heading {
                Objects.requireNonNull(text, "text");
            }
        }

        /** Body text; {@link Align#BODY} indents the first line by two characters. */
        record Paragraph(String text, Align align) implements Block {
            public Paragraph {
                Objects.requireNonNull(text, "text");
                align = align == null ? Align.BODY : align;
            }
        }

        /** How a paragraph sits on the line. */
        enum Align { BODY, LEFT, CENTER, RIGHT }

        /** A two-column table of labels and values, e.g. 当事人 | ${party.name}. */
        record KeyValueTable(List<Row> rows) implements Block {
            public KeyValueTable {
                rows = List.copyOf(rows);
                if (rows.isEmpty()) {
                    throw new IllegalArgumentException("a table needs rows");
                }
            }
        }

        /** One row of a {@link KeyValueTable}. */
        record Row(String label, String value) {
            public Row {
                Objects.requireNonNull(label, "label");
                Objects.requireNonNull(value, "value");
            }
        }

        /**
         * A table with a header row and one row per element of its list fields (the i-th row shows
         * the i-th element of each column's field), e.g. the evidence list.
         */
        record ListTable(List<Column> columns) implements Block {
            public ListTable {
                columns = List.copyOf(columns);
                if (columns.isEmpty()) {
                    throw new IllegalArgumentException("a list table needs columns");
                }
            }
        }

        /** A column of a {@link ListTable}: its header and the name of a list field (no {@code ${}}). */
        record Column(String header, String field) {
            public Column {
                Objects.requireNonNull(header, "header");
                Objects.requireNonNull(field, "field");
            }
        }

        /**
         * The signature block at the right: the signing authority, room for the seal (印章) when
         * {@code seal}, and the date, e.g. {@code ${bureau.name}} / {@code ${decision.date}}.
         */
        record Signature(String signer, String date, boolean seal) implements Block {
            public Signature {
                Objects.requireNonNull(signer, "signer");
                Objects.requireNonNull(date, "date");
            }
        }
    }
}
