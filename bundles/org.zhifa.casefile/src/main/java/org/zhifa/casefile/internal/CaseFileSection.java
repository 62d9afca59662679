package org.zhifa.casefile.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.casefile.CaseFileService;
import org.zhifa.api.casefile.Completeness;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.console.spi.CaseSection;
import org.zhifa.console.spi.ConsoleContext;

import com.vaadin.server.DownloadStream;
import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Button;
import com.vaadin.ui.Label;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** 案卷 on the case page: 导出案卷 (a download) and the completeness report. */
@Component(service = CaseSection.class, property = {CaseSection.PROPERTY_SECTION + "=casefile", "service.ranking:Integer=50"})
public class CaseFileSection implements CaseSection {
    private static final Logger LOG = LoggerFactory.getLogger(CaseFileSection.class);

    private final CaseFileService casefiles;

    @Activate
    public CaseFileSection(@Reference CaseFileService casefiles) {
        this.casefiles = casefiles;
    }

    @Override
    public String title(Locale locale) {
        return Messages.text(locale, "section.title");
    }

    @Override
    public com.vaadin.ui.Component create(long caseId, ConsoleContext context) {
        Locale locale = context.locale();
        VerticalLayout v = new VerticalLayout();
        v.setMargin(false);
        Button export = new Button(Messages.text(locale, "section.export"));
        export.setId("casefile-export");
        new FileDownloader(new Download(casefiles, context.actor(), caseId, locale, UI.getCurrent(), context)).extend(export);
        v.addComponent(export);
        try {
            Completeness c = casefiles.completeness(caseId, context.actor());
            boolean en = "en".equals(locale.getLanguage());
            Label head = new Label(c.complete() ? Messages.text(locale, "section.complete")
                    : Messages.text(locale, "section.incomplete", c.missing().size()));
            head.setId("casefile-completeness");
            head.addStyleName(c.complete() ? ValoTheme.LABEL_SUCCESS : ValoTheme.LABEL_FAILURE);
            v.addComponent(head);
            for (Completeness.Missing m : c.missing()) {
                Label l = new Label(en ? m.messageEn() : m.messageZh());
                l.addStyleName("casefile-missing");
                l.setWidth("100%");
                v.addComponent(l);
            }
        } catch (ZhifaException e) {
            Label l = new Label("en".equals(locale.getLanguage()) ? e.messageEn() : e.messageZh());
            l.setId("casefile-completeness");
            l.addStyleName(ValoTheme.LABEL_FAILURE);
            v.addComponent(l);
        }
        return v;
    }

    /** Written to a temporary file when the browser asks (never whole in memory), deleted once sent. */
    static final class Download extends StreamResource {
        private static final long serialVersionUID = 1L;
        private final transient CaseFileService casefiles;
        private final Actor actor;
        private final long caseId;
        private final Locale locale;
        private final UI ui;
        private final transient ConsoleContext context;

        Download(CaseFileService casefiles, Actor actor, long caseId, Locale locale, UI ui, ConsoleContext context) {
            super(() -> null, "case-" + caseId + ".zip");
            this.casefiles = casefiles;
            this.actor = actor;
            this.caseId = caseId;
            this.locale = locale;
            this.ui = ui;
            this.context = context;
            setMIMEType("application/zip");
            setCacheTime(0);
        }

        @Override
        public DownloadStream getStream() {
            Path tmp = null;
            try {
                String name = casefiles.fileName(caseId, actor);
                tmp = Files.createTempFile("zhifa-casefile", ".zip");
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    casefiles.export(caseId, out, actor);
                }
                Path file = tmp;
                InputStream in = new FilterInputStream(Files.newInputStream(file)) {
                    @Override
                    public void close() throws IOException {
                        super.close();
                        Files.deleteIfExists(file);
                    }
                };
                DownloadStream s = new DownloadStream(in, getMIMEType(), name);
                s.setParameter(DownloadStream.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
                s.setCacheTime(0);
                return s;
            } catch (ZhifaException e) {
                delete(tmp);
                String shown = "en".equals(locale.getLanguage()) ? e.messageEn() : e.messageZh();
                context.notify(shown, true);
            } catch (IOException | RuntimeException e) {
                delete(tmp);
                LOG.error("case file export of case {} failed", caseId, e);
                context.notify(Messages.text(locale, "CASEFILE_FAILED", String.valueOf(e.getMessage())), true);
            }
            return new DownloadStream(null, getMIMEType(), getFilename());
        }

        private static void delete(Path p) {
            try {
                if (p != null) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                LOG.warn("could not delete {}", p);
            }
        }
    }
}
