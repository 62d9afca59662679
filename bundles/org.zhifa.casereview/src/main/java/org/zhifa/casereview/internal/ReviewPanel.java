package org.zhifa.casereview.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.zhifa.api.casereview.CaseReviewService;
import org.zhifa.api.casereview.Deduction;
import org.zhifa.api.casereview.ReviewCatalogue;
import org.zhifa.api.casereview.ReviewRound;
import org.zhifa.api.casereview.Reviewer;
import org.zhifa.api.casereview.RoundCase;
import org.zhifa.api.casereview.RoundDraft;
import org.zhifa.api.casereview.RoundReport;
import org.zhifa.api.casereview.ScoreDraft;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.console.spi.ConsoleContext;

import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The 案卷评查 view: rounds, a new round (负责人/管理员), a round's cases with assignment, scoring a case
 * with the round's catalogue (the assigned reviewer), and the report as PDF and CSV.
 */
final class ReviewPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient CaseReviewService service;
    private final transient Supplier<DocumentRenderer> renderer;
    private final ConsoleContext context;
    private final Locale locale;
    private final boolean manager;

    private final Grid<ReviewRound> rounds = new Grid<>();
    private final Grid<RoundCase> cases = new Grid<>();
    private final VerticalLayout roundBox = new VerticalLayout();
    private final Label roundTitle = new Label();
    private final Label reportSummary = new Label();
    private final ComboBox<String> reviewer = new ComboBox<>();
    private final Label error = new Label();
    private ReviewRound current;

    ReviewPanel(ConsoleContext context, CaseReviewService service, Supplier<DocumentRenderer> renderer) {
        this.context = context;
        this.locale = context.locale();
        this.service = service;
        this.renderer = renderer;
        this.manager = context.actor().has(Roles.LEADER) || context.actor().has(Roles.ADMIN);
        setId("casereview-view");
        Label title = new Label(t("review.view.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
        error.setId("cr-error");
        error.addStyleName(ValoTheme.LABEL_FAILURE);
        error.setVisible(false);
        error.setWidth("100%");

        rounds.setId("cr-rounds");
        rounds.addColumn(ReviewRound::id).setCaption("#");
        rounds.addColumn(ReviewRound::name).setCaption(t("review.col.name"));
        rounds.addColumn(ReviewRound::year).setCaption(t("review.col.year"));
        rounds.addColumn(r -> t("review.status." + r.status().name())).setCaption(t("review.col.status"));
        rounds.addColumn(ReviewRound::cases).setCaption(t("review.col.cases"));
        rounds.addColumn(ReviewRound::assigned).setCaption(t("review.col.assigned"));
        rounds.addColumn(ReviewRound::scored).setCaption(t("review.col.scored"));
        rounds.setHeightByRows(5);
        rounds.setWidth("100%");
        rounds.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

        addComponents(title, error, rounds);
        if (manager) {
            addComponent(createForm());
        }
        buildRoundBox();
        addComponent(roundBox);
        reloadRounds(null);
    }

    private FormLayout createForm() {
        TextField year = new TextField(t("review.new.year"), String.valueOf(LocalDate.now().getYear()));
        year.setId("cr-new-year");
        TextField name = new TextField(t("review.new.name"));
        name.setId("cr-new-name");
        TextField sample = new TextField(t("review.new.sample"));
        sample.setId("cr-new-sample");
        sample.setPlaceholder(t("review.new.sample.all"));
        TextField seed = new TextField(t("review.new.seed"));
        seed.setId("cr-new-seed");
        TextField reviewers = new TextField(t("review.new.reviewers"));
        reviewers.setId("cr-new-reviewers");
        reviewers.setPlaceholder("reviewer, wang:3");
        reviewers.setWidth("30em");
        Button create = new Button(t("review.new.create"));
        create.setId("cr-create");
        create.addStyleName(ValoTheme.BUTTON_PRIMARY);
        create.addClickListener(e -> act(() -> {
            ReviewRound r = service.create(new RoundDraft(integer(year.getValue(), "year"), name.getValue(),
                    sample.getValue().isBlank() ? null : integer(sample.getValue(), "sampleSize"),
                    seed.getValue().isBlank() ? null : longValue(seed.getValue(), "seed"),
                    reviewers(reviewers.getValue())), context.actor());
            context.notify(t("review.created", r.name(), r.cases()), false);
            reloadRounds(r.id());
        }));
        FormLayout form = new FormLayout(new Label(t("review.new.title")), year, name, sample, seed, reviewers, create);
        form.setId("cr-new");
        return form;
    }

    private void buildRoundBox() {
        roundTitle.addStyleName(ValoTheme.LABEL_H3);
        roundTitle.setId("cr-round-title");
        cases.setId("cr-cases");
        cases.addColumn(RoundCase::caseNumber).setCaption(t("report.col.number")).setId("number");
        cases.addColumn(RoundCase::title).setCaption(t("report.col.title"));
        cases.addColumn(c -> String.join("、", c.officers())).setCaption(t("report.col.officers"));
        cases.addColumn(c -> c.reviewer() == null ? "" : c.reviewer()).setCaption(t("report.col.reviewer")).setId("reviewer");
        cases.addColumn(c -> c.score() == null ? "" : c.score().stripTrailingZeros().toPlainString())
                .setCaption(t("report.col.score")).setId("score");
        cases.addColumn(c -> c.grade() == null ? "" : c.grade().title(locale)).setCaption(t("report.col.grade")).setId("grade");
        cases.setWidth("100%");
        cases.setHeightByRows(8);

        HorizontalLayout actions = new HorizontalLayout();
        actions.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);
        if (manager) {
            reviewer.setId("cr-reviewer");
            reviewer.setCaption(t("report.col.reviewer"));
            Button assign = new Button(t("review.assign"));
            assign.setId("cr-assign");
            assign.addClickListener(e -> act(() -> {
                RoundCase c = selectedCase();
                if (reviewer.getValue() == null) {
                    throw Messages.invalid("casereview.reviewer.invalid", "reviewer", "");
                }
                service.assign(current.id(), Map.of(c.caseId(), reviewer.getValue()), context.actor());
                reloadRounds(current.id());
            }));
            Button rest = new Button(t("review.assign.rest"));
            rest.setId("cr-assign-rest");
            rest.addClickListener(e -> act(() -> {
                service.assignRemaining(current.id(), context.actor());
                reloadRounds(current.id());
            }));
            Button close = new Button(t("review.close"));
            close.setId("cr-close");
            close.addClickListener(e -> act(() -> {
                service.close(current.id(), context.actor());
                reloadRounds(current.id());
            }));
            actions.addComponents(reviewer, assign, rest, close);
        }
        Button score = new Button(t("review.score"));
        score.setId("cr-score");
        score.addStyleName(ValoTheme.BUTTON_PRIMARY);
        score.addClickListener(e -> act(() -> openScoring(selectedCase())));
        Button pdf = new Button(t("review.report.pdf"));
        pdf.setId("cr-report-pdf");
        Button csv = new Button(t("review.report.csv"));
        csv.setId("cr-report-csv");
        download(pdf, "pdf");
        download(csv, "csv");
        actions.addComponents(score, pdf, csv);
        reportSummary.setId("cr-report");
        roundBox.addComponents(roundTitle, cases, actions, reportSummary);
        roundBox.setMargin(false);
        roundBox.setVisible(false);
    }

    private void download(Button button, String format) {
        StreamResource resource = new StreamResource(() -> {
            ReviewRound r = current;
            if (r == null) {
                return null;
            }
            try {
                RoundReport report = service.report(r.id(), context.actor());
                if (format.equals("csv")) {
                    return new ByteArrayInputStream(ReportWriter.csv(report, locale).bytes());
                }
                DocumentRenderer dr = renderer.get();
                if (dr == null) {
                    return null;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ReportWriter.pdf(report, locale, dr, out);
                return new ByteArrayInputStream(out.toByteArray());
            } catch (ZhifaException e) {
                return null;
            }
        }, "casereview." + format);
        resource.setMIMEType(format.equals("csv") ? Csv.MEDIA_TYPE : "application/pdf");
        resource.setCacheTime(0);
        new FileDownloader(resource).extend(button);
    }

    private void reloadRounds(Long select) {
        List<ReviewRound> all = service.rounds(context.actor());
        rounds.setItems(all);
        Long id = select != null ? select : current == null ? null : current.id();
        all.stream().filter(r -> id != null && r.id() == id).findFirst().ifPresentOrElse(r -> {
            rounds.select(r);
            show(r);
        }, () -> show(null));
    }

    private void show(ReviewRound round) {
        current = round;
        roundBox.setVisible(round != null);
        if (round == null) {
            return;
        }
        roundTitle.setValue(t("review.round.title", round.name(), round.year(), round.catalogueVersion(),
                t("review.status." + round.status().name())));
        reviewer.setItems(round.reviewers().stream().map(Reviewer::user).toList());
        cases.setItems(service.cases(round.id(), context.actor()));
        RoundReport report = service.report(round.id(), context.actor());
        reportSummary.setValue(t("report.summary.text", round.scored(), round.cases(),
                report.average() == null ? "—" : report.average().stripTrailingZeros().toPlainString(),
                report.excellent(), report.pass(), report.fail()));
    }

    private RoundCase selectedCase() {
        return cases.getSelectedItems().stream().findFirst()
                .orElseThrow(() -> Messages.invalid("review.select.case", null));
    }

    private void openScoring(RoundCase rc) {
        ReviewCatalogue catalogue = service.catalogue(current.catalogueVersion()).orElseThrow();
        Window window = new Window(t("review.score.title", rc.caseNumber()));
        window.setId("cr-score-window");
        window.setModal(true);
        window.setWidth("760px");
        window.setHeight("85%");
        VerticalLayout body = new VerticalLayout();
        Label windowError = new Label();
        windowError.setId("cr-score-error");
        windowError.addStyleName(ValoTheme.LABEL_FAILURE);
        windowError.setVisible(false);
        windowError.setWidth("100%");
        body.addComponents(new Label(t("review.score.hint", catalogue.version(), catalogue.total().toPlainString())),
                windowError);
        Map<String, TextField[]> inputs = new LinkedHashMap<>();
        for (ReviewCatalogue.Item item : catalogue.items()) {
            Label heading = new Label(t("review.item", item.code(), item.title(), item.points().toPlainString()));
            heading.addStyleName(ValoTheme.LABEL_BOLD);
            body.addComponent(heading);
            for (ReviewCatalogue.SubItem sub : item.subItems()) {
                TextField points = new TextField();
                points.setId("cr-ded-" + sub.code());
                points.setPlaceholder("0");
                points.setWidth("5em");
                points.setCaption(t("review.subitem", sub.code(), sub.title(), sub.points().toPlainString()));
                TextField reason = new TextField();
                reason.setId("cr-reason-" + sub.code());
                reason.setPlaceholder(t("review.reason"));
                reason.setWidth("26em");
                HorizontalLayout row = new HorizontalLayout(points, reason);
                row.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);
                body.addComponent(row);
                inputs.put(sub.code(), new TextField[] {points, reason});
            }
        }
        TextArea comment = new TextArea(t("review.comment"));
        comment.setId("cr-comment");
        comment.setWidth("100%");
        body.addComponent(comment);
        TextField revision = new TextField(t("review.revision.reason"));
        revision.setId("cr-revision-reason");
        revision.setWidth("100%");
        revision.setVisible(rc.revision() > 0);
        body.addComponent(revision);
        Button submit = new Button(t("review.submit"));
        submit.setId("cr-submit");
        submit.addStyleName(ValoTheme.BUTTON_PRIMARY);
        submit.addClickListener(e -> {
            try {
                List<Deduction> deductions = new ArrayList<>();
                for (Map.Entry<String, TextField[]> in : inputs.entrySet()) {
                    String p = in.getValue()[0].getValue().strip();
                    if (p.isEmpty() || p.equals("0")) {
                        continue;
                    }
                    BigDecimal points;
                    try {
                        points = new BigDecimal(p);
                    } catch (NumberFormatException x) {
                        throw Messages.invalid("casereview.deduction.points", "points", in.getKey());
                    }
                    deductions.add(new Deduction(in.getKey(), null, points, in.getValue()[1].getValue()));
                }
                var result = service.submit(current.id(), rc.caseId(), new ScoreDraft(deductions, comment.getValue(),
                        revision.getValue()), context.actor());
                context.notify(t("review.submitted", rc.caseNumber(), result.total().stripTrailingZeros().toPlainString(),
                        result.grade().title(locale)), false);
                window.close();
                reloadRounds(current.id());
            } catch (ZhifaException x) {
                windowError.setValue(message(x));
                windowError.setVisible(true);
                context.notify(message(x), true);
            }
        });
        Button cancel = new Button(t("review.cancel"), e -> window.close());
        body.addComponent(new HorizontalLayout(submit, cancel));
        window.setContent(body);
        UI.getCurrent().addWindow(window);
    }

    private void act(Runnable action) {
        try {
            action.run();
            error.setVisible(false);
        } catch (ZhifaException e) {
            error.setValue(message(e));
            error.setVisible(true);
            context.notify(message(e), true);
        }
    }

    private String message(ZhifaException e) {
        return "en".equals(locale.getLanguage()) ? e.messageEn() : e.messageZh();
    }

    private static int integer(String text, String field) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw Messages.invalid("review.number.invalid", field, text);
        }
    }

    private static long longValue(String text, String field) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw Messages.invalid("review.number.invalid", field, text);
        }
    }

    /** "reviewer, wang:3": user names, each optionally with the register id of the officer it is. */
    static List<Reviewer> reviewers(String text) {
        List<Reviewer> out = new ArrayList<>();
        for (String part : text.split("[,，、\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            int colon = part.indexOf(':');
            out.add(colon < 0 ? new Reviewer(part, null)
                    : new Reviewer(part.substring(0, colon), longValue(part.substring(colon + 1), "reviewers")));
        }
        return out;
    }

    private String t(String key, Object... args) {
        return Messages.text(locale, key, args);
    }
}
