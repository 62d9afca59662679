package org.zhifa.console.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.cases.AssignedOfficer;
import org.zhifa.api.cases.CaseEvent;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseStatus;
import org.zhifa.api.cases.CaseTimer;
import org.zhifa.api.cases.KindInfo;
import org.zhifa.api.cases.Recusal;
import org.zhifa.api.common.Actor;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Transition;

import com.vaadin.server.BrowserWindowOpener;
import com.vaadin.server.FileDownloader;
import com.vaadin.shared.ui.ContentMode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.Component;
import com.vaadin.ui.CssLayout;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * A case's page: header, read-only banner when its kind is gone, officers, timers, recusals, documents,
 * the timeline and one button per transition the user may take now, each opening the form the kind's
 * field definitions describe.
 */
final class CasePageView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CasePageView.class);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final transient CaseConsole console;
    private final Actor actor;
    private final Messages m;
    private final long caseId;
    private CaseFile current;

    CasePageView(CaseConsole console, Actor actor, Messages m, long caseId) {
        this.console = console;
        this.actor = actor;
        this.m = m;
        this.caseId = caseId;
        setId("case-page");
        setWidth("100%");
        reload();
    }

    CaseFile current() {
        return current;
    }

    /** Reads the case again and redraws the page. */
    void reload() {
        removeAllComponents();
        Button back = new Button(m.get("case.back"), e -> UI.getCurrent().getNavigator().navigateTo(CasesConsoleView.ID));
        back.setId("case-back");
        back.addStyleName(ValoTheme.BUTTON_LINK);
        addComponent(back);
        Optional<CaseFile> found;
        try {
            found = console.cases().find(caseId, actor);
        } catch (ZhifaException e) {
            Notifications.error(m.error(e));
            return;
        } catch (RuntimeException e) {
            LOG.error("reading case {} failed", caseId, e);
            Notifications.error(m.get("error.unexpected"));
            return;
        }
        if (found.isEmpty()) {
            Label l = new Label(m.get("case.notFound", String.valueOf(caseId)));
            l.setId("case-not-found");
            l.addStyleName(ValoTheme.LABEL_FAILURE);
            addComponent(l);
            return;
        }
        current = found.get();
        Optional<KindInfo> kind = current.kindInstalled() ? console.cases().kind(current.kind()) : Optional.empty();
        Map<String, FieldDef> defs = kind.map(k -> fieldDefs(k.procedure())).orElse(Map.of());

        addComponent(header(current));
        if (!current.kindInstalled()) {
            Label banner = new Label(m.get("case.readonly", m.english() ? current.kindTitleEn() : current.kindTitleZh()));
            banner.setId("case-readonly");
            banner.addStyleName("zhifa-banner");
            banner.setWidth("100%");
            addComponent(banner);
        }
        kind.ifPresent(k -> addComponent(transitions(k)));
        addComponent(section("case.section.officers", officers(current)));
        addComponent(section("case.section.timers", timers(current)));
        addComponent(section("case.section.recusals", recusals(current)));
        addComponent(section("case.section.documents", documents()));
        for (Map.Entry<String, org.zhifa.console.spi.CaseSection> s : console.sections().get()) {
            addComponent(contributed(s.getKey(), s.getValue()));
        }
        addComponent(section("case.section.timeline", timeline(current, defs)));
    }

    private Component header(CaseFile c) {
        Label number = new Label(c.number());
        number.setId("case-number");
        number.addStyleName(ValoTheme.LABEL_H2);
        number.addStyleName(ValoTheme.LABEL_NO_MARGIN);
        Label status = new Label(m.get("case.status." + c.status().name()));
        status.setId("case-status");
        status.addStyleName("zhifa-badge");
        status.addStyleName(c.status() == CaseStatus.CLOSED ? "zhifa-closed" : "zhifa-open");
        HorizontalLayout top = new HorizontalLayout(number, status);
        top.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        if (c.minor()) {
            Label minor = new Label(m.get("case.minor"));
            minor.setId("case-minor");
            minor.addStyleName("zhifa-badge");
            minor.addStyleName("zhifa-due-overdue");
            top.addComponent(minor);
        }
        if (c.simple()) {
            Label simple = new Label(m.get("case.simple.badge"));
            simple.setId("case-simple-badge");
            simple.addStyleName("zhifa-badge");
            simple.addStyleName("zhifa-due-normal");
            top.addComponent(simple);
        }
        FormLayout facts = new FormLayout();
        facts.setMargin(false);
        facts.addStyleName(ValoTheme.FORMLAYOUT_LIGHT);
        facts.addComponents(
                value("case-kind-title", "case.kind", m.english() ? c.kindTitleEn() : c.kindTitleZh()),
                value("case-category", "case.category", c.category()),
                value("case-title", "case.title", c.title()),
                value("case-party", "case.party", party(c)),
                value("case-step", "case.step", m.english() ? c.stepTitleEn() : c.stepTitleZh()),
                value("case-filed-on", "case.filedOn", m.get("case.filedBy", c.filedOn(), c.createdBy())));
        VerticalLayout header = new VerticalLayout(top, facts);
        header.setMargin(false);
        return header;
    }

    private String party(CaseFile c) {
        var p = c.party();
        StringBuilder s = new StringBuilder(p.name()).append(" (").append(m.get("party.type." + p.type().name()))
                .append(m.get("list.separator")).append(p.idNumber());
        if (p.legalRep() != null) {
            s.append(m.get("list.separator")).append(m.get("party.legalRep")).append(m.get("label.separator"))
                    .append(p.legalRep());
        }
        if (p.phone() != null) {
            s.append(m.get("list.separator")).append(p.phone());
        }
        if (p.address() != null) {
            s.append(m.get("list.separator")).append(p.address());
        }
        return s.append(")").toString();
    }

    private Label value(String id, String captionKey, String text) {
        Label l = new Label(text, ContentMode.TEXT);
        l.setId(id);
        l.setCaption(m.get(captionKey));
        l.setWidth("100%");
        return l;
    }

    /** A plug-in's section; a failing one shows an error in its place, never breaks the page. */
    private Component contributed(String id, org.zhifa.console.spi.CaseSection s) {
        Component body;
        String title;
        try {
            title = s.title(m.locale());
            body = s.create(caseId, new ConsoleContextImpl(UI.getCurrent(), actor));
        } catch (RuntimeException e) {
            LOG.error("case section {} failed", id, e);
            title = id;
            body = new Label(m.get("error.unexpected"));
        }
        Label heading = new Label(title);
        heading.addStyleName(ValoTheme.LABEL_H4);
        heading.addStyleName(ValoTheme.LABEL_NO_MARGIN);
        heading.addStyleName(ValoTheme.LABEL_COLORED);
        VerticalLayout v = new VerticalLayout(heading, body);
        v.setId("case-section-" + id);
        v.setMargin(false);
        v.setSpacing(false);
        return v;
    }

    private Component section(String titleKey, Component body) {
        Label title = new Label(m.get(titleKey));
        title.addStyleName(ValoTheme.LABEL_H4);
        title.addStyleName(ValoTheme.LABEL_NO_MARGIN);
        title.addStyleName(ValoTheme.LABEL_COLORED);
        VerticalLayout v = new VerticalLayout(title, body);
        v.setMargin(false);
        v.setSpacing(false);
        return v;
    }

    private Component transitions(KindInfo kind) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("case-transitions");
        bar.addStyleName("zhifa-wrap");
        List<String> available;
        try {
            available = console.cases().availableTransitions(caseId, actor);
        } catch (ZhifaException e) {
            Notifications.error(m.error(e));
            available = List.of();
        }
        for (String id : available) {
            Optional<Transition> t = kind.procedure().transition(id);
            if (t.isEmpty()) {
                continue;
            }
            Button b = new Button(t.get().title(m.locale()), e -> UI.getCurrent().addWindow(
                    new TransitionWindow(console, actor, m, current, t.get(), this::reload,
                            console.currentDraft(caseId, id, actor))));
            b.setId("case-transition-" + id);
            b.addStyleName(ValoTheme.BUTTON_PRIMARY);
            b.addStyleName(ValoTheme.BUTTON_SMALL);
            bar.addComponent(b);
        }
        if (available.isEmpty()) {
            Label none = new Label(m.get(current.status() == CaseStatus.CLOSED ? "case.transitions.closed"
                    : "case.transitions.none"));
            none.setId("case-transitions-none");
            bar.addComponent(none);
        }
        return bar;
    }

    private Component officers(CaseFile c) {
        VerticalLayout list = new VerticalLayout();
        list.setId("case-officers-list");
        list.setMargin(false);
        list.setSpacing(false);
        for (AssignedOfficer o : c.officers()) {
            Label l = new Label(m.get(o.certificateValid() ? "case.officer.valid" : "case.officer.invalid", o.name(),
                    o.certificateNo()));
            l.setId("case-officer-" + o.officerId());
            if (!o.certificateValid()) {
                l.addStyleName("zhifa-text-overdue");
            }
            list.addComponent(l);
        }
        if (c.officers().isEmpty()) {
            list.addComponent(new Label(m.get("case.officers.none")));
        }
        return list;
    }

    private Component timers(CaseFile c) {
        VerticalLayout list = new VerticalLayout();
        list.setId("case-timers");
        list.setMargin(false);
        list.setSpacing(false);
        LocalDate today = console.today();
        for (CaseTimer t : c.timers()) {
            String text;
            CaseConsole.Due due = CaseConsole.Due.NONE;
            if (t.running() && c.status() == CaseStatus.OPEN) {
                int left = console.workingDays().between(today, t.dueOn());
                due = console.due(t.dueOn());
                text = due == CaseConsole.Due.OVERDUE
                        ? m.get("case.timer.overdue", t.title(m.locale()), t.startedOn(), t.dueOn(), -left, t.basis())
                        : m.get("case.timer.running", t.title(m.locale()), t.startedOn(), t.dueOn(), left, t.basis());
            } else if (t.metOn() != null) {
                boolean late = t.metOn().isAfter(t.dueOn());
                text = m.get(late ? "case.timer.metLate" : "case.timer.met", t.title(m.locale()), t.startedOn(),
                        t.dueOn(), t.metOn(), t.basis());
                due = late ? CaseConsole.Due.OVERDUE : CaseConsole.Due.NONE;
            } else {
                text = m.get("case.timer.stopped", t.title(m.locale()), t.startedOn(), t.dueOn(), t.basis());
            }
            Label l = new Label(text);
            l.setId("case-timer-" + t.rule());
            if (due == CaseConsole.Due.OVERDUE) {
                l.addStyleName("zhifa-text-overdue");
            } else if (due == CaseConsole.Due.SOON) {
                l.addStyleName("zhifa-text-soon");
            }
            list.addComponent(l);
        }
        if (c.timers().isEmpty()) {
            list.addComponent(new Label(m.get("case.timers.none")));
        }
        return list;
    }

    private Component recusals(CaseFile c) {
        VerticalLayout list = new VerticalLayout();
        list.setId("case-recusals");
        list.setMargin(false);
        list.setSpacing(false);
        boolean open = c.kindInstalled() && c.status() == CaseStatus.OPEN;
        for (Recusal r : c.recusals()) {
            String text = m.get("case.recusal.request", r.officerName(), m.get("recusal.by." + r.requestedBy()),
                    r.reason(), time(r.requestedAt()), r.requestActor());
            if (r.approved() != null) {
                text += m.get("list.separator") + m.get(r.approved() ? "case.recusal.approved" : "case.recusal.refused",
                        r.decisionReason(), time(r.decidedAt()), r.decisionActor());
            } else {
                text += m.get("list.separator") + m.get("case.recusal.pending");
            }
            Label l = new Label(text);
            HorizontalLayout row = new HorizontalLayout(l);
            row.setId("case-recusal-" + r.id());
            row.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
            if (open && r.approved() == null && actor.has(Roles.LEADER)) {
                for (boolean approve : new boolean[] {true, false}) {
                    Button b = new Button(m.get(approve ? "recusal.approve" : "recusal.refuse"),
                            e -> UI.getCurrent().addWindow(RecusalDialog.decide(console, actor, m, current, r, approve,
                                    this::reload)));
                    b.setId("case-recusal-" + (approve ? "approve-" : "refuse-") + r.id());
                    b.addStyleName(ValoTheme.BUTTON_SMALL);
                    row.addComponent(b);
                }
            }
            list.addComponent(row);
        }
        if (c.recusals().isEmpty()) {
            list.addComponent(new Label(m.get("case.recusals.none")));
        }
        if (open && !c.officers().isEmpty() && (actor.has(Roles.OFFICER) || actor.has(Roles.LEADER))) {
            Button request = new Button(m.get("recusal.request"), e -> UI.getCurrent().addWindow(
                    RecusalDialog.request(console, actor, m, current, this::reload)));
            request.setId("case-recusal-request");
            request.addStyleName(ValoTheme.BUTTON_SMALL);
            list.addComponent(request);
        }
        return list;
    }

    private Component documents() {
        VerticalLayout list = new VerticalLayout();
        list.setId("case-documents");
        list.setMargin(false);
        list.setSpacing(false);
        List<String> ids;
        try {
            ids = console.cases().documents(caseId, actor);
        } catch (ZhifaException e) {
            Notifications.error(m.error(e));
            ids = List.of();
        }
        UI ui = UI.getCurrent();
        for (String doc : ids) {
            Label name = new Label(console.documentTitle(doc, m.locale()));
            name.setId("case-document-title-" + doc);
            Button preview = new Button(m.get("document.preview"));
            preview.setId("case-document-preview-" + doc);
            preview.addStyleName(ValoTheme.BUTTON_SMALL);
            // opened by the browser on the click itself, so no popup blocker stops it
            new BrowserWindowOpener(new DocumentResource(console, actor, m, ui, caseId, doc, "pdf")).extend(preview);
            Button docx = new Button(m.get("document.docx"));
            docx.setId("case-document-docx-" + doc);
            docx.addStyleName(ValoTheme.BUTTON_SMALL);
            new FileDownloader(new DocumentResource(console, actor, m, ui, caseId, doc, "docx")).extend(docx);
            HorizontalLayout row = new HorizontalLayout(name, preview, docx);
            row.setId("case-document-" + doc);
            row.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
            list.addComponent(row);
        }
        if (ids.isEmpty()) {
            list.addComponent(new Label(m.get("case.documents.none")));
        }
        return list;
    }

    private Component timeline(CaseFile c, Map<String, FieldDef> defs) {
        CssLayout list = new CssLayout();
        list.setId("case-timeline");
        list.setWidth("100%");
        Map<Integer, RecordEntry> recorded = console.recordByEvent(c.id(), actor);
        for (CaseEvent e : c.events()) {
            VerticalLayout item = new VerticalLayout();
            item.setId("case-event-" + e.seq());
            item.addStyleName("zhifa-event");
            item.setMargin(false);
            item.setSpacing(false);
            item.setWidth("100%");
            Label head = new Label(m.get("case.event.head", time(e.at()), e.actor(), e.title(m.locale())));
            head.addStyleName("zhifa-event-head");
            item.addComponent(head);
            if (e.reason() != null && !e.reason().isBlank()) {
                item.addComponent(new Label(m.get("case.event.reason", e.reason())));
            }
            if (!e.fields().isEmpty()) {
                String fields = e.fields().entrySet().stream()
                        .map(f -> label(defs, f.getKey()) + m.get("label.separator") + shown(defs.get(f.getKey()), f.getValue()))
                        .collect(Collectors.joining("\n"));
                Label l = new Label(fields, ContentMode.PREFORMATTED);
                l.addStyleName("zhifa-event-fields");
                l.setWidth("100%");
                item.addComponent(l);
            }
            RecordEntry entry = recorded.get(e.seq());
            if (entry != null) {
                // 记录: where the event stands in the tamper-evident log (R1, R3)
                Label r = new Label(m.get("case.event.record", String.valueOf(entry.seq()),
                        console.record().leafHash(entry.seq())));
                r.setId("case-event-record-" + e.seq());
                r.addStyleName("zhifa-event-record");
                r.addStyleName(ValoTheme.LABEL_SMALL);
                item.addComponent(r);
            }
            list.addComponent(item);
        }
        return list;
    }

    private String label(Map<String, FieldDef> defs, String name) {
        FieldDef d = defs.get(name);
        return d == null ? name : d.label(m.locale());
    }

    private String shown(FieldDef d, String value) {
        if (d == null) {
            return value;
        }
        return switch (d.type()) {
            case BOOLEAN -> m.get("true".equals(value) ? "common.yes" : "common.no");
            case MONEY -> m.get("field.money.value", value);
            case DATETIME -> value.replace('T', ' ');
            default -> value;
        };
    }

    private String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(console.zone()));
    }

    /** Every field a kind's procedure defines, by name (filing and transitions), for labels. */
    static Map<String, FieldDef> fieldDefs(Procedure p) {
        Map<String, FieldDef> out = new HashMap<>();
        p.filingFields().forEach(d -> out.putIfAbsent(d.name(), d));
        p.transitions().forEach(t -> t.fields().forEach(d -> out.putIfAbsent(d.name(), d)));
        return out;
    }
}
