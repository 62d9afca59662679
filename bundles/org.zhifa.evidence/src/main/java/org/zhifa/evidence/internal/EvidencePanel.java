package org.zhifa.evidence.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.KindInfo;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.evidence.AvCoverage;
import org.zhifa.api.evidence.AvInterruption;
import org.zhifa.api.evidence.Device;
import org.zhifa.api.evidence.EvidenceDraft;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.api.evidence.EvidenceService;
import org.zhifa.api.kind.AvRule;
import org.zhifa.api.kind.Step;
import org.zhifa.console.spi.ConsoleContext;

import com.vaadin.server.BrowserWindowOpener;
import com.vaadin.server.FileDownloader;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateTimeField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.Upload;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The 证据 section of one case page: the evidence list (name, type, step, device, recording time, size,
 * hash, with play and download), an upload streamed into the store with its step, device and recording
 * time, the A/V coverage of every step of the kind that needs A/V, and the recorded interruptions with a
 * form for a new one. Writes are the service's: it validates and records; refusals are shown.
 */
final class EvidencePanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EvidencePanel.class);

    private final transient EvidenceService evidence;
    private final transient CaseService cases;
    private final long caseId;
    private final Actor actor;
    private final ConsoleTexts tx;
    private final boolean writer;

    EvidencePanel(EvidenceService evidence, CaseService cases, long caseId, ConsoleContext context, ZoneId zone) {
        this.evidence = evidence;
        this.cases = cases;
        this.caseId = caseId;
        this.actor = context.actor();
        this.tx = new ConsoleTexts(context, zone);
        this.writer = actor.has(Roles.OFFICER) || actor.has(Roles.LEADER);
        setId("evidence-section");
        setMargin(false);
        setWidth("100%");
        draw();
    }

    /** Reads everything again and redraws the section. */
    void draw() {
        removeAllComponents();
        Optional<CaseFile> file = Optional.empty();
        List<Step> steps = List.of();
        try {
            if (cases != null) {
                file = cases.find(caseId, actor);
                steps = file.filter(CaseFile::kindInstalled).flatMap(f -> cases.kind(f.kind()))
                        .map(KindInfo::procedure).map(p -> p.steps()).orElse(List.of());
            }
        } catch (ZhifaException e) {
            tx.error(e);
        }
        List<EvidenceItem> items;
        try {
            items = evidence.ofCase(caseId, actor);
        } catch (ZhifaException e) {
            Label l = new Label(tx.message(e));
            l.setId("evidence-error");
            l.addStyleName(ValoTheme.LABEL_FAILURE);
            addComponent(l);
            return;
        }
        List<Step> known = steps;
        addComponent(list(items, known));
        if (writer && file.map(f -> f.kindInstalled()).orElse(false)) {
            addComponent(upload(known, file.get().step()));
        }
        addComponent(coverage(known, file.map(EvidencePanel::reached).orElse(java.util.Set.of())));
        addComponent(interruptions(known, file.map(CaseFile::step).orElse(null)));
    }

    private String stepTitle(List<Step> steps, String id) {
        if (id == null) {
            return "";
        }
        return steps.stream().filter(s -> s.id().equals(id)).findFirst()
                .map(s -> tx.english() ? s.titleEn() : s.titleZh()).orElse(id);
    }

    private String span(Instant from, Instant to) {
        if (from == null) {
            return "";
        }
        return to == null ? tx.time(from) : tx.time(from) + " – " + tx.time(to);
    }

    private Grid<EvidenceItem> list(List<EvidenceItem> items, List<Step> steps) {
        Grid<EvidenceItem> grid = new Grid<>();
        grid.setId("evidence-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(Math.max(1, Math.min(8, items.size())));
        grid.addColumn(EvidenceItem::fileName).setCaption(tx.t("console.evidence.col.name")).setId("name");
        grid.addColumn(EvidenceItem::hash).setCaption(tx.t("console.evidence.col.hash")).setId("hash")
                .setDescriptionGenerator(EvidenceItem::hash);
        grid.addComponentColumn(this::actions).setCaption("").setMinimumWidth(150);
        grid.addColumn(i -> stepTitle(steps, i.step())).setCaption(tx.t("console.evidence.col.step"));
        grid.addColumn(i -> span(i.recordedFrom(), i.recordedTo())).setCaption(tx.t("console.evidence.col.recorded"));
        grid.addColumn(i -> i.deviceId() == null ? "" : i.deviceId()).setCaption(tx.t("console.evidence.col.device"));
        grid.addColumn(i -> ConsoleTexts.size(i.size())).setCaption(tx.t("console.evidence.col.size"));
        grid.addColumn(EvidenceItem::mediaType).setCaption(tx.t("console.evidence.col.type"));
        grid.addColumn(i -> i.uploadedBy() + " " + tx.time(i.uploadedAt())).setCaption(tx.t("console.evidence.col.uploaded"));
        grid.setItems(items);
        grid.setStyleGenerator(i -> i.purged() ? "zhifa-evidence-purged" : null);
        return grid;
    }

    private HorizontalLayout actions(EvidenceItem i) {
        HorizontalLayout h = new HorizontalLayout();
        h.setSpacing(false);
        if (i.purged()) {
            h.addComponent(new Label(tx.t("console.evidence.purged")));
            return h;
        }
        Button open = new Button(tx.t(i.isAudioVideo() ? "console.evidence.play" : "console.evidence.open"));
        open.setId("evidence-open-" + i.id());
        open.addStyleName(ValoTheme.BUTTON_LINK);
        open.addStyleName(ValoTheme.BUTTON_SMALL);
        new BrowserWindowOpener(new EvidenceDownload(evidence, actor, i, true)).extend(open);
        Button download = new Button(tx.t("console.evidence.download"));
        download.setId("evidence-download-" + i.id());
        download.addStyleName(ValoTheme.BUTTON_LINK);
        download.addStyleName(ValoTheme.BUTTON_SMALL);
        new FileDownloader(new EvidenceDownload(evidence, actor, i, false)).extend(download);
        h.addComponents(open, download);
        return h;
    }

    private ComboBox<Step> stepBox(String id, List<Step> steps, String current) {
        ComboBox<Step> box = new ComboBox<>(tx.t("console.evidence.col.step"));
        box.setId(id);
        box.setItems(steps);
        box.setItemCaptionGenerator(s -> tx.english() ? s.titleEn() : s.titleZh());
        box.setEmptySelectionAllowed(false);
        box.setTextInputAllowed(false);
        steps.stream().filter(s -> s.id().equals(current)).findFirst().ifPresent(box::setValue);
        return box;
    }

    private DateTimeField timeField(String id, String captionKey) {
        DateTimeField f = new DateTimeField(tx.t(captionKey));
        f.setId(id);
        f.setDateFormat("yyyy-MM-dd HH:mm:ss");
        f.setResolution(com.vaadin.shared.ui.datefield.DateTimeResolution.SECOND);
        return f;
    }

    private Instant instant(DateTimeField f) {
        LocalDateTime v = f.getValue();
        return v == null ? null : v.atZone(tx.zone()).toInstant();
    }

    private VerticalLayout upload(List<Step> steps, String currentStep) {
        ComboBox<Step> step = stepBox("evidence-step", steps, currentStep);
        ComboBox<Device> device = new ComboBox<>(tx.t("console.evidence.col.device"));
        device.setId("evidence-device");
        try {
            device.setItems(evidence.devices(false, actor).stream().filter(d -> d.status() == Device.Status.ACTIVE));
        } catch (ZhifaException e) {
            tx.error(e);
        }
        device.setItemCaptionGenerator(d -> d.id() + " · " + d.type() + (d.holder() == null ? "" : " · " + d.holder()));
        device.setPlaceholder(tx.t("console.evidence.noDevice"));
        DateTimeField from = timeField("evidence-from", "console.evidence.from");
        DateTimeField to = timeField("evidence-to", "console.evidence.to");
        TextField place = new TextField(tx.t("console.evidence.place"));
        place.setId("evidence-place");
        Label status = new Label();
        status.setId("evidence-upload-status");

        Upload upload = new Upload();
        upload.setId("evidence-upload");
        upload.setButtonCaption(tx.t("console.evidence.upload"));
        upload.setImmediateMode(true);
        StreamingReceiver[] current = new StreamingReceiver[1];
        upload.setReceiver((fileName, mimeType) -> {
            EvidenceDraft draft = new EvidenceDraft(baseName(fileName), mimeType, caseId,
                    step.getValue() == null ? null : step.getValue().id(),
                    device.getValue() == null ? null : device.getValue().id(), blank(place.getValue()),
                    instant(from), instant(to), null);
            StreamingReceiver r = new StreamingReceiver();
            current[0] = r;
            return r.start(in -> evidence.store(draft, in, actor));
        });
        upload.addSucceededListener(e -> {
            StreamingReceiver r = current[0];
            try {
                EvidenceItem item = r.succeeded();
                tx.info(tx.t("console.evidence.stored", item.fileName(), item.hash()));
                draw();
            } catch (ExecutionException ex) {
                refused(ex.getCause(), status);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                refused(ex, status);
            } catch (java.util.concurrent.TimeoutException ex) {
                refused(ex, status);
            }
        });
        upload.addFailedListener(e -> {
            StreamingReceiver r = current[0];
            Throwable why = r == null ? e.getReason() : r.failed();
            refused(why == null ? e.getReason() : why, status);
        });

        FormLayout form = new FormLayout(step, device, from, to, place, upload, status);
        form.setMargin(false);
        Label heading = new Label(tx.t("console.evidence.uploadHeading"));
        heading.addStyleName(ValoTheme.LABEL_BOLD);
        VerticalLayout v = new VerticalLayout(heading, form);
        v.setId("evidence-upload-form");
        v.setMargin(false);
        return v;
    }

    private void refused(Throwable why, Label status) {
        String text;
        if (why instanceof ZhifaException z) {
            text = tx.message(z);
        } else {
            LOG.warn("evidence upload to case {} failed", caseId, why);
            text = tx.t("console.evidence.uploadFailed");
        }
        status.setValue(text);
        status.addStyleName(ValoTheme.LABEL_FAILURE);
        tx.error(text);
    }

    /** The steps the case is in or has been in. */
    private static java.util.Set<String> reached(CaseFile f) {
        java.util.Set<String> s = new java.util.HashSet<>();
        s.add(f.step());
        f.events().forEach(e -> {
            if (e.toStep() != null) {
                s.add(e.toStep());
            }
        });
        return s;
    }

    private VerticalLayout coverage(List<Step> steps, java.util.Set<String> reached) {
        VerticalLayout v = new VerticalLayout();
        v.setId("evidence-coverage");
        v.setMargin(false);
        v.setSpacing(false);
        Label heading = new Label(tx.t("console.evidence.coverage"));
        heading.addStyleName(ValoTheme.LABEL_BOLD);
        v.addComponent(heading);
        List<Step> av = steps.stream().filter(s -> s.av() != AvRule.NONE).toList();
        if (av.isEmpty()) {
            v.addComponent(new Label(tx.t("console.evidence.coverage.none")));
        }
        for (Step s : av) {
            String title = tx.english() ? s.titleEn() : s.titleZh();
            Label l;
            if (!reached.contains(s.id())) {
                l = new Label(tx.t("console.evidence.coverage.notReached", title,
                        tx.t("console.evidence.rule." + s.av().name())));
                l.setId("evidence-coverage-" + s.id());
                l.addStyleName(ValoTheme.LABEL_LIGHT);
                v.addComponent(l);
                continue;
            }
            try {
                AvCoverage c = evidence.coverage(caseId, s.id(), s.av());
                l = new Label(tx.t(c.satisfied() ? "console.evidence.coverage.ok" : "console.evidence.coverage.missing",
                        title, tx.t("console.evidence.rule." + s.av().name()), tx.english() ? c.messageEn() : c.messageZh()));
                l.addStyleName(c.satisfied() ? ValoTheme.LABEL_SUCCESS : ValoTheme.LABEL_FAILURE);
            } catch (ZhifaException e) {
                l = new Label(title + ": " + tx.message(e));
                l.addStyleName(ValoTheme.LABEL_FAILURE);
            }
            l.setId("evidence-coverage-" + s.id());
            l.setWidth("100%");
            v.addComponent(l);
        }
        return v;
    }

    private VerticalLayout interruptions(List<Step> steps, String currentStep) {
        VerticalLayout v = new VerticalLayout();
        v.setMargin(false);
        Label heading = new Label(tx.t("console.evidence.interruptions"));
        heading.addStyleName(ValoTheme.LABEL_BOLD);
        Grid<AvInterruption> grid = new Grid<>();
        grid.setId("evidence-interruptions");
        grid.setWidth("100%");
        List<AvInterruption> list = new ArrayList<>();
        try {
            list.addAll(evidence.interruptions(caseId, actor));
        } catch (ZhifaException e) {
            tx.error(e);
        }
        grid.setHeightByRows(Math.max(1, Math.min(5, list.size())));
        grid.addColumn(x -> stepTitle(steps, x.step())).setCaption(tx.t("console.evidence.col.step"));
        grid.addColumn(x -> span(x.from(), x.to())).setCaption(tx.t("console.evidence.interruption.span"));
        grid.addColumn(AvInterruption::reason).setCaption(tx.t("console.evidence.interruption.reason"));
        grid.addColumn(x -> x.recordedBy() + " " + tx.time(x.recordedAt())).setCaption(tx.t("console.evidence.col.uploaded"));
        grid.setItems(list);
        v.addComponents(heading, grid);
        List<Step> av = steps.stream().filter(s -> s.av() != AvRule.NONE).toList();
        if (writer && !av.isEmpty()) {
            ComboBox<Step> step = stepBox("interruption-step", av, currentStep);
            DateTimeField from = timeField("interruption-from", "console.evidence.from");
            DateTimeField to = timeField("interruption-to", "console.evidence.to");
            TextField reason = new TextField(tx.t("console.evidence.interruption.reason"));
            reason.setId("interruption-reason");
            reason.setWidth("100%");
            Button save = new Button(tx.t("console.evidence.interruption.save"), e -> {
                try {
                    evidence.recordInterruption(caseId, step.getValue() == null ? null : step.getValue().id(),
                            instant(from), instant(to), reason.getValue(), actor);
                    tx.info(tx.t("console.evidence.interruption.saved"));
                    draw();
                } catch (ZhifaException ex) {
                    tx.error(ex);
                }
            });
            save.setId("interruption-save");
            FormLayout form = new FormLayout(step, from, to, reason, save);
            form.setMargin(false);
            v.addComponent(form);
        }
        return v;
    }

    /** Browsers (old Edge, IE) may send the client's full path: keep the name only. */
    static String baseName(String fileName) {
        if (fileName == null) {
            return null;
        }
        int cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return cut < 0 ? fileName : fileName.substring(cut + 1);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
