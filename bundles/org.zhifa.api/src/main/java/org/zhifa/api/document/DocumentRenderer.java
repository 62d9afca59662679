package org.zhifa.api.document;

import java.io.OutputStream;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Fills a {@link DocumentTemplate} with field values and writes the document. Values are text, never
 * markup: {@code <b>x</b>} or {@code ${other}} in a value appear literally; a {@code \n} in a value is a
 * line break. A scalar field takes a {@link CharSequence} (other objects by {@code String.valueOf}),
 * a list field a {@link java.util.List} of them; field names not in the template are ignored.
 */
@ProviderType
public interface DocumentRenderer {

    /** The output formats; each knows its media type and file extension. */
    enum Format {
        /** PDF with the configured Chinese font embedded (subset). */
        PDF("application/pdf", "pdf"),
        /** Editable Word document: real paragraphs and tables. */
        DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() { return mediaType; }

        public String extension() { return extension; }
    }

    /**
     * Renders {@code template} with {@code fields} as {@code format} into {@code out}, streaming, and
     * flushes but does not close {@code out}.
     *
     * @throws org.zhifa.api.common.ZhifaException {@code DOCUMENT_FIELD_MISSING} (INVALID, field = the
     *         name) for a required field that is absent or blank, {@code DOCUMENT_FIELD_TYPE} (INVALID)
     *         for a list given to a scalar field or the reverse, {@code DOCUMENT_TEMPLATE_INVALID} for a
     *         template that uses an undeclared field, {@code DOCUMENT_FONT_MISSING} (UNAVAILABLE) when no
     *         configured Chinese font file can be read for a PDF
     * @throws java.io.UncheckedIOException when {@code out} fails
     */
    void render(DocumentTemplate template, Map<String, ?> fields, Format format, OutputStream out);
}
