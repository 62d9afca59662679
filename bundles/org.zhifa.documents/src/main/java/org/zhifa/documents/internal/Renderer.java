package org.zhifa.documents.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import com.lowagie.text.DocumentException;
import com.lowagie.text.ExceptionConverter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.document.DocumentTemplate;

/** PDF through OpenPDF, DOCX through the embedded Apache POI; configuration PID {@code org.zhifa.documents}. */
@Component(service = DocumentRenderer.class, configurationPid = "org.zhifa.documents")
@Designate(ocd = DocumentsConfig.class)
public class Renderer implements DocumentRenderer {
    /** Word substitutes a font it lacks; 宋体 is on every Chinese Windows. */
    private static final String FALLBACK_FAMILY = "宋体";

    private final Fonts fonts;
    private final PdfWriterOpenPdf pdf;
    private final Supplier<String> docxFamily;
    private final float size;

    @Activate
    public Renderer(DocumentsConfig config) {
        // the font is looked for at the first document, not here: reading a 19 MB collection slows the boot
        fonts = new Fonts(Arrays.asList(config.fontFiles()));
        size = config.fontSize() >= 6 && config.fontSize() <= 72 ? config.fontSize() : 14f;
        String family = config.fontFamily() == null ? "" : config.fontFamily().trim();
        pdf = new PdfWriterOpenPdf(fonts, size);
        docxFamily = family.isEmpty()
                ? () -> Objects.requireNonNullElse(fonts.family(), FALLBACK_FAMILY) : () -> family;
    }

    @Override
    public void render(DocumentTemplate template, Map<String, ?> fields, Format format, OutputStream out) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(out, "out");
        Fill fill = Fill.of(template, fields == null ? Map.of() : fields);
        OutputStream target = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        };
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // XMLBeans and the XML factories POI uses look at the context class loader; ours has them embedded
        thread.setContextClassLoader(Renderer.class.getClassLoader());
        try {
            switch (format) {
                case PDF -> pdf.write(fill, target);
                case DOCX -> new DocxWriterPoi(docxFamily.get(), size).write(fill, target);
            }
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new UncheckedIOException(new IOException(e.getMessage(), e));
        } catch (ExceptionConverter e) {
            if (e.getException() instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
