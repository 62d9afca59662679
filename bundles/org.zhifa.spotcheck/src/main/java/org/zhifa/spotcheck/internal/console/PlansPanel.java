package org.zhifa.spotcheck.internal.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.zhifa.api.catalogue.CatalogueService;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.spotcheck.Draw;
import org.zhifa.api.spotcheck.DrawInspector;
import org.zhifa.api.spotcheck.DrawResult;
import org.zhifa.api.spotcheck.DrawVerification;
import org.zhifa.api.spotcheck.InspectionOutcome;
import org.zhifa.api.spotcheck.Plan;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.server.ExternalResource;
import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Link;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * 抽查计划 / 抽取: the plans; the selected plan's draws, superseded ones kept with the reason of the redraw that
 * replaced them; the selected draw's record entry, key, snapshot hashes and result (shown only once drawn,
 * that is recorded), its verification, and the outcomes of its targets with a link to each inspection case.
 * Plans are made by 负责人 and 管理员, draws by a 负责人; the others see the buttons disabled.
 */
final class PlansPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient SpotCheckService service;
    private final transient CatalogueService catalogue;
    private final ConsoleContext context;
    private final ConsoleTexts m;
    private final Label error = Refusals.errorLabel("sc-plan-error");
    private final Grid<Plan> plans = new Grid<>();
    private final Label drawsTitle = new Label();
    private final Grid<Draw> draws = new Grid<>();
    private final Button announce = new Button();
    private final Button make = new Button();
    private final Button verify = new Button();
    private final Button redraw = new Button();
    private final VerticalLayout detail = new VerticalLayout();
    private final Label seq = new Label();
    private final Label key = new Label();
    private final Label hashes = new Label();
    private final Label verification = new Label();
    private final Button drawFile = new Button();
    private final StreamResource drawFileResource = new StreamResource(this::drawFileStream, "draw.json");
    private final Grid<DrawResult.Assignment> result = new Grid<>();
    private final Label recusals = new Label();
    private final Grid<InspectionOutcome> outcomes = new Grid<>();
    private final Label outcomeNote = new Label();
    private List<Draw> planDraws = List.of();

    PlansPanel(SpotCheckService service, CatalogueService catalogue, ConsoleContext context) {
        this.service = service;
        this.catalogue = catalogue;
        this.context = context;
        this.m = new ConsoleTexts(context.locale());
        setId("sc-plans");
        setWidth("100%");
        configurePlans();
        configureDraws();
        configureDetail();
        Button create = new Button(m.get("plans.new"), e -> Refusals.act(context, error,
                () -> PlanWindow.open(service, catalogue, context, p -> {
                    loadPlans();
                    plans.select(p);
                })));
        create.setId("sc-plan-new");
        create.addStyleName(ValoTheme.BUTTON_PRIMARY);
        allow(create, ConsoleTexts.keeper(context.actor()), "plans.notAllowed");
        drawsTitle.setId("sc-draws-title");
        drawsTitle.addStyleName(ValoTheme.LABEL_H3);
        addComponents(ConsoleTexts.heading(m.get("plans.title"), ValoTheme.LABEL_H2), error, plans, create,
                drawsTitle, draws, drawActions(), detail);
        loadPlans();
        showPlan(null);
    }

    private void allow(Button b, boolean allowed, String why) {
        if (!allowed) {
            b.setEnabled(false);
            b.setDescription(m.get(why));
        }
    }

    private void configurePlans() {
        plans.setId("sc-plan-grid");
        plans.setWidth("100%");
        plans.setHeightByRows(6);
        plans.addColumn(Plan::number).setCaption(m.get("plan.number")).setId("number");
        plans.addColumn(Plan::title).setCaption(m.get("plan.title")).setId("title").setExpandRatio(2);
        plans.addColumn(Plan::itemName).setCaption(m.get("plan.item")).setId("item").setExpandRatio(2);
        plans.addColumn(p -> m.get(p.keyItem() ? "plan.key" : "plan.general")).setCaption(m.get("plan.kind"));
        plans.addColumn(p -> p.ratio() != null ? p.ratio().toPlainString() : m.get("plan.count.value", p.count()))
                .setCaption(m.get("plan.share")).setId("share");
        plans.addColumn(Plan::frequency).setCaption(m.get("plan.frequency"));
        plans.addColumn(p -> p.periodFrom() + " ~ " + p.periodTo()).setCaption(m.get("plan.period"));
        plans.addColumn(Plan::inspectorsPerTarget).setCaption(m.get("plan.inspectorsPerTarget"));
        plans.addColumn(p -> m.time(p.createdAt()) + " " + p.createdBy()).setCaption(m.get("plan.created"));
        plans.addSelectionListener(e -> showPlan(e.getFirstSelectedItem().orElse(null)));
    }

    private void configureDraws() {
        draws.setId("sc-draw-grid");
        draws.setWidth("100%");
        draws.setHeightByRows(4);
        draws.addColumn(Draw::round).setCaption(m.get("draw.round")).setId("round").setWidth(80);
        draws.addColumn(d -> m.of("draw.status", d.status())).setCaption(m.get("draw.status")).setId("status");
        draws.addColumn(d -> m.of("seedMode", d.seedMode())).setCaption(m.get("draw.mode"));
        draws.addColumn(d -> d.sources().stream().map(s -> s.label()).collect(Collectors.joining("；")))
                .setCaption(m.get("draw.sources")).setId("sources");
        draws.addColumn(d -> m.time(d.announcedAt()) + " " + d.announcedBy()).setCaption(m.get("draw.announced"));
        draws.addColumn(d -> d.drawnAt() == null ? "" : m.time(d.drawnAt()) + " " + d.drawnBy())
                .setCaption(m.get("draw.drawn"));
        draws.addColumn(d -> d.recordSeq() == null ? "" : String.valueOf(d.recordSeq()))
                .setCaption(m.get("draw.recordSeq")).setId("seq");
        draws.addColumn(this::history).setCaption(m.get("draw.history")).setId("history").setWidth(360);
        draws.setStyleGenerator(d -> d.status() == Draw.Status.SUPERSEDED ? "zhifa-expired" : null);
        draws.addSelectionListener(e -> showDraw(e.getFirstSelectedItem().orElse(null)));
    }

    /** Why a draw exists (a redraw's reason) and, for a superseded one, which redraw replaced it and why. */
    private String history(Draw d) {
        List<String> parts = new ArrayList<>();
        if (d.supersedes() != null) {
            parts.add(m.get("draw.redrawOf", round(d.supersedes()), d.redrawReason()));
        }
        planDraws.stream().filter(o -> d.id() == Optional.ofNullable(o.supersedes()).orElse(-1L)).findFirst()
                .ifPresent(o -> parts.add(m.get(d.status() == Draw.Status.SUPERSEDED ? "draw.supersededBy"
                        : "draw.redrawAnnounced", o.round(), o.redrawReason())));
        return String.join("；", parts);
    }

    private String round(long drawId) {
        return planDraws.stream().filter(d -> d.id() == drawId).map(d -> String.valueOf(d.round())).findFirst()
                .orElse("#" + drawId);
    }

    private HorizontalLayout drawActions() {
        boolean drawer = ConsoleTexts.drawer(context.actor());
        announce.setCaption(m.get("draws.announce"));
        announce.setId("sc-draw-announce");
        announce.addClickListener(e -> selectedPlan().ifPresent(p -> Refusals.act(context, error,
                () -> DrawWindows.announce(service, context, p.id(), null, this::drawChanged))));
        make.setCaption(m.get("draws.make"));
        make.setId("sc-draw-make");
        make.addClickListener(e -> selectedDraw().ifPresent(d -> Refusals.act(context, error,
                () -> DrawWindows.make(service, context, d, this::drawChanged))));
        redraw.setCaption(m.get("draws.redraw"));
        redraw.setId("sc-draw-redraw");
        redraw.addClickListener(e -> selectedDraw().ifPresent(d -> Refusals.act(context, error,
                () -> DrawWindows.announce(service, context, d.planId(), d, this::drawChanged))));
        for (Button b : List.of(announce, make, redraw)) {
            allow(b, drawer, "draws.notAllowed");
        }
        verify.setCaption(m.get("draws.verify"));
        verify.setId("sc-draw-verify");
        verify.addClickListener(e -> selectedDraw().ifPresent(d -> Refusals.act(context, error, () -> {
            DrawVerification v = service.verify(d.id(), context.actor());
            verification.removeStyleNames(ValoTheme.LABEL_SUCCESS, ValoTheme.LABEL_FAILURE);
            verification.addStyleName(v.ok() ? ValoTheme.LABEL_SUCCESS : ValoTheme.LABEL_FAILURE);
            verification.setValue(v.ok() ? m.get("verify.ok", d.round(), v.algorithm())
                    : m.get("verify.problems", d.round(), String.join("\n", v.problems())));
            verification.setVisible(true);
            context.notify(verification.getValue(), !v.ok());
        })));
        announce.addStyleName(ValoTheme.BUTTON_PRIMARY);
        HorizontalLayout bar = new HorizontalLayout(announce, make, verify, redraw);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        if (!drawer) {
            Label why = new Label(m.get("draws.notAllowed"));
            why.setId("sc-draw-not-allowed");
            why.addStyleName(ValoTheme.LABEL_SMALL);
            bar.addComponent(why);
        }
        return bar;
    }

    private void configureDetail() {
        detail.setId("sc-draw-detail");
        detail.setMargin(false);
        seq.setId("sc-draw-seq");
        key.setId("sc-draw-key");
        key.setWidth("100%");
        hashes.setId("sc-draw-hashes");
        hashes.setWidth("100%");
        verification.setId("sc-draw-verify-result");
        verification.setWidth("100%");
        result.setId("sc-draw-result");
        result.setWidth("100%");
        result.setHeightByRows(6);
        result.addColumn(a -> a.target().id()).setCaption("#").setId("target-id").setWidth(90);
        result.addColumn(a -> a.target().name()).setCaption(m.get("target.name")).setId("target");
        result.addColumn(a -> a.target().creditCode()).setCaption(m.get("target.code"));
        result.addColumn(a -> a.target().area()).setCaption(m.get("target.area"));
        result.addColumn(a -> a.inspectors().stream().map(DrawInspector::name).collect(Collectors.joining("、")))
                .setCaption(m.get("draw.inspectors")).setId("inspectors");
        recusals.setId("sc-draw-recusals");
        recusals.setWidth("100%");
        outcomes.setId("sc-outcome-grid");
        outcomes.setWidth("100%");
        outcomes.setHeightByRows(6);
        outcomes.addColumn(InspectionOutcome::targetName).setCaption(m.get("target.name")).setId("target");
        outcomes.addColumn(o -> inspectorsOf(o.targetId())).setCaption(m.get("draw.inspectors")).setId("inspectors");
        outcomes.addComponentColumn(this::caseLink).setCaption(m.get("outcome.case")).setId("case");
        outcomes.addColumn(o -> o.caseStep() == null ? "" : o.caseStep()).setCaption(m.get("outcome.step"));
        outcomes.addColumn(o -> o.finding() == null ? "" : o.finding().label()).setCaption(m.get("outcome.result"))
                .setId("result");
        outcomes.addColumn(o -> o.endedOn() == null ? "" : o.endedOn().toString()).setCaption(m.get("outcome.ended"));
        outcomes.addColumn(o -> o.publishBy() == null ? "" : o.publishBy().toString())
                .setCaption(m.get("outcome.publishBy")).setId("publishBy");
        outcomes.addColumn(o -> o.publishedOn() == null ? "" : o.publishedOn().toString())
                .setCaption(m.get("outcome.published"));
        outcomes.addColumn(o -> o.caseProblem() == null ? "" : o.caseProblem()).setCaption(m.get("outcome.problem"))
                .setId("problem");
        outcomeNote.setId("sc-outcome-note");
        outcomeNote.setWidth("100%");
        drawFile.setCaption(m.get("draw.file"));
        drawFile.setId("sc-draw-file");
        drawFile.addStyleName(ValoTheme.BUTTON_LINK);
        drawFileResource.setMIMEType("application/json");
        new FileDownloader(drawFileResource).extend(drawFile);
        Label offline = new Label(m.get("draw.file.hint"));
        offline.addStyleName(ValoTheme.LABEL_SMALL);
        HorizontalLayout file = new HorizontalLayout(drawFile, offline);
        file.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        detail.addComponents(seq, key, hashes, file, verification,
                ConsoleTexts.heading(m.get("draw.result"), ValoTheme.LABEL_H4), result, recusals,
                ConsoleTexts.heading(m.get("outcome.title"), ValoTheme.LABEL_H4), outcomeNote, outcomes);
    }

    /** The selected draw's file for the offline verifier; public, so no actor is needed. */
    private java.io.InputStream drawFileStream() {
        Draw d = selectedDraw().orElse(null);
        if (d == null) {
            return null;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            service.drawFile(d.id(), out);
        } catch (ZhifaException e) {
            context.notify(Refusals.message(context, e), true);
            return null;
        }
        return new java.io.ByteArrayInputStream(out.toByteArray());
    }

    private com.vaadin.ui.Component caseLink(InspectionOutcome o) {
        if (o.caseId() == null) {
            return new Label();
        }
        Link l = new Link(o.caseNumber() == null ? "#" + o.caseId() : o.caseNumber(),
                new ExternalResource("#!cases/" + o.caseId()));
        l.setId("sc-outcome-case-" + o.targetId());
        return l;
    }

    private String inspectorsOf(long targetId) {
        Draw d = selectedDraw().orElse(null);
        if (d == null || d.result() == null) {
            return "";
        }
        return d.result().assignments().stream().filter(a -> a.target().id().equals(String.valueOf(targetId)))
                .findFirst().map(a -> a.inspectors().stream().map(DrawInspector::name)
                        .collect(Collectors.joining("、"))).orElse("");
    }

    private Optional<Plan> selectedPlan() {
        return plans.getSelectedItems().stream().findFirst();
    }

    private Optional<Draw> selectedDraw() {
        return draws.getSelectedItems().stream().findFirst();
    }

    private void loadPlans() {
        Refusals.act(context, error, () -> plans.setItems(service.plans(context.actor())));
    }

    private void showPlan(Plan p) {
        drawsTitle.setValue(p == null ? m.get("draws.choosePlan") : m.get("draws.title", p.number(), p.title()));
        Refusals.act(context, error, () -> {
            planDraws = p == null ? List.of() : service.draws(p.id(), context.actor());
            draws.setItems(planDraws);
        });
        announce.setVisible(p != null);
        showDraw(null);
    }

    /** After an announcement or a draw: the plan's draws again, the changed one selected. */
    private void drawChanged(Draw d) {
        selectedPlan().ifPresent(p -> {
            Refusals.act(context, error, () -> {
                planDraws = service.draws(p.id(), context.actor());
                draws.setItems(planDraws);
            });
            planDraws.stream().filter(x -> x.id() == d.id()).findFirst().ifPresent(draws::select);
        });
    }

    private void showDraw(Draw d) {
        make.setVisible(d != null && d.status() == Draw.Status.ANNOUNCED);
        verify.setVisible(d != null && d.status() != Draw.Status.ANNOUNCED);
        redraw.setVisible(d != null && d.status() == Draw.Status.DRAWN);
        verification.setVisible(false);
        // nothing of a result before it is recorded: an announced draw shows only what was announced
        detail.setVisible(d != null && d.status() != Draw.Status.ANNOUNCED && d.result() != null);
        if (!detail.isVisible()) {
            return;
        }
        drawFileResource.setFilename("draw-" + d.id() + ".json");
        seq.setValue(m.get("draw.seq", d.round(), d.recordSeq(), m.time(d.drawnAt()), d.drawnBy()));
        key.setValue(m.get("draw.key", d.algorithm(), d.key()));
        hashes.setValue(m.get("draw.hashes", d.poolSize(), d.targetCount(), d.targetsHash(), d.inspectorsHash(),
                d.conflictsHash()));
        result.setItems(d.result().assignments());
        Map<String, String> names = d.result().assignments().stream().flatMap(a -> a.inspectors().stream())
                .collect(Collectors.toMap(DrawInspector::id, DrawInspector::name, (a, b) -> a));
        Function<DrawResult.Recusal, String> line = r -> m.get("draw.recusal", names.getOrDefault(r.inspectorId(),
                "#" + r.inspectorId()), r.targetId(), m.of("recusal", r.ground()), r.reason());
        recusals.setValue(d.result().recusals().isEmpty() ? m.get("draw.noRecusals")
                : d.result().recusals().stream().map(line).collect(Collectors.joining("；")));
        loadOutcomes(d);
    }

    private void loadOutcomes(Draw d) {
        outcomeNote.setVisible(false);
        outcomes.setItems(List.of());
        if (d.status() != Draw.Status.DRAWN) {
            outcomeNote.setValue(m.get("outcome.superseded"));
            outcomeNote.setVisible(true);
            return;
        }
        try {
            outcomes.setItems(service.outcomes(d.id(), context.actor()));
        } catch (ZhifaException e) {
            // a read: said beside the grid, not as an alarm
            outcomeNote.setValue(Refusals.message(context, e));
            outcomeNote.addStyleName(ValoTheme.LABEL_FAILURE);
            outcomeNote.setVisible(true);
        }
    }
}
