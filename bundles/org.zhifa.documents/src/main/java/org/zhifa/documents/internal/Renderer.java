package org.zhifa.documents.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import com.lowagie.text.DocumentException;
import com.lowagie.text.ExceptionConverter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.document.DocumentTemplate;

/** PDF through OpenPDF, DOCX through the embedded Apache POI; configuration PID {@code org.zhifa.documents}. */
@Component(service = DocumentRenderer.class, configurationPid = "org.zhifa.documents")
@Designate(ocd = DocumentsConfig.class)
public class Renderer implements DocumentRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(Renderer.class);
    /** Word substitutes a font it lacks; 宋体 is on every Chinese Windows. */
    private static final String FALLBACK_FAMILY = "宋体";

    private final Fonts fonts;
    private final PdfWriterOpenPdf pdf;
    private final DocxWriterPoi docx;

    @Activate
    public Renderer(DocumentsConfig config) {
        fonts = new Fonts(Arrays.asList(config.fontFiles()));
        float size = config.fontSize() >= 6 && config.fontSize() <= 72 ? config.fontSize() : 14f;
        String family = config.fontFamily() == null ? "" : config.fontFamily().trim();
        try {
            LOG.info("Documents: PDF font {}", fonts.find());
        } catch (ZhifaException e) {
            LOG.warn("Documents: no PDF can be made until a Chinese font is configured: {}", e.messageEn());
        }
        if (family.isEmpty()) {
            family = Objects.requireNonNullElse(fonts.family(), FALLBACK_FAMILY);
        }
        pdf = new PdfWriterOpenPdf(fonts, size);
        docx = new DocxWriterPoi(family, size);
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
                case DOCX -> docx.write(fill, target);
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
