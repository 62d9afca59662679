package org.zhifa.legalreview.internal.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.api.legalreview.ReviewCounts;
import org.zhifa.api.legalreview.Reviewer;
import org.zhifa.api.legalreview.StaffingReport;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * 报表: the reviewer register (管理员 adds and edits, adds trainings), the staffing ratio against the
 * enforcement staff and its target (V5), and how many reviews are pending, overdue, passed and failed.
 */
final class ReportsPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final transient LegalReviewService service;
    private final ConsoleContext context;
    private final ConsoleTexts m;
    private final Label error = Refusals.errorLabel("lr-rep-error");
    private final Grid<Reviewer> reviewers = new Grid<>();
    private final Grid<Reviewer.Training> trainings = new Grid<>();
    private final Label staffing = new Label();
    private final Label counts = new Label();

    private final TextField user = new TextField();
    private final TextField name = new TextField();
    private final TextField unit = new TextField();
    private final CheckBox qualified = new CheckBox();
    private final TextField qualificationNo = new TextField();
    private final CheckBox active = new CheckBox();

    ReportsPanel(LegalReviewService service, ConsoleContext context) {
        this.service = service;
        this.context = context;
        this.m = new ConsoleTexts(context.locale());
        setId("lr-reports");
        Label title = new Label(m.get("reports.title"));
        title.addStyleName(ValoTheme.LABEL_H2);

        staffing.setId("lr-staffing");
        staffing.setWidth("100%");
        counts.setId("lr-counts");
        counts.setWidth("100%");

        reviewers.setId("lr-reviewers");
        reviewers.addColumn(Reviewer::user).setCaption(m.get("reviewer.user")).setId("user");
        reviewers.addColumn(Reviewer::name).setCaption(m.get("reviewer.name"));
        reviewers.addColumn(r -> r.unit() == null ? "" : r.unit()).setCaption(m.get("reviewer.unit"));
        reviewers.addColumn(r -> m.get(r.legalQualification() ? "common.yes" : "common.no"))
                .setCaption(m.get("reviewer.qualified")).setId("qualified");
        reviewers.addColumn(r -> r.qualificationNo() == null ? "" : r.qualificationNo())
                .setCaption(m.get("reviewer.qualificationNo"));
        reviewers.addColumn(r -> m.get(r.active() ? "common.yes" : "common.no")).setCaption(m.get("reviewer.active"));
        reviewers.addColumn(Reviewer::reviewsDone).setCaption(m.get("reviewer.done"));
        reviewers.addColumn(r -> hours(r.trainings())).setCaption(m.get("reviewer.hours")).setId("hours");
        reviewers.setWidth("100%");
        reviewers.setHeightByRows(5);
        reviewers.asSingleSelect().addValueChangeListener(e -> load(e.getValue()));

        trainings.setId("lr-trainings");
        trainings.addColumn(t -> String.valueOf(t.date())).setCaption(m.get("training.date"));
        trainings.addColumn(t -> t.hours().stripTrailingZeros().toPlainString()).setCaption(m.get("training.hours"));
        trainings.addColumn(Reviewer.Training::subject).setCaption(m.get("training.subject"));
        trainings.setWidth("100%");
        trainings.setHeightByRows(3);

        Label regTitle = new Label(m.get("reviewers.title"));
        regTitle.addStyleName(ValoTheme.LABEL_H3);
        addComponents(title, error, staffing, counts, regTitle, reviewers, trainings);
        if (context.actor().has(Roles.ADMIN)) {
            addComponents(reviewerForm(), trainingForm());
        }
        reload();
    }

    private static String hours(List<Reviewer.Training> list) {
        return list.stream().map(Reviewer.Training::hours).reduce(BigDecimal.ZERO, BigDecimal::add)
                .stripTrailingZeros().toPlainString();
    }

    private void load(Reviewer r) {
        trainings.setItems(r == null ? List.of() : r.trainings());
        if (r == null) {
            return;
        }
        user.setValue(r.user());
        name.setValue(r.name());
        unit.setValue(r.unit() == null ? "" : r.unit());
        qualified.setValue(r.legalQualification());
        qualificationNo.setValue(r.qualificationNo() == null ? "" : r.qualificationNo());
        active.setValue(r.active());
    }

    private HorizontalLayout reviewerForm() {
        user.setId("lr-reviewer-user");
        user.setCaption(m.get("reviewer.user"));
        name.setId("lr-reviewer-name");
        name.setCaption(m.get("reviewer.name"));
        unit.setId("lr-reviewer-unit");
        unit.setCaption(m.get("reviewer.unit"));
        qualified.setId("lr-reviewer-qualified");
        qualified.setCaption(m.get("reviewer.qualified"));
        qualificationNo.setId("lr-reviewer-qualification-no");
        qualificationNo.setCaption(m.get("reviewer.qualificationNo"));
        active.setId("lr-reviewer-active");
        active.setCaption(m.get("reviewer.active"));
        active.setValue(true);
        Button save = new Button(m.get("reviewer.save"), e -> Refusals.act(context, error, () -> {
            Reviewer existing = service.reviewers(context.actor()).stream()
                    .filter(r -> r.user().equals(user.getValue().strip())).findFirst().orElse(null);
            Reviewer saved = service.saveReviewer(new Reviewer(user.getValue().strip(), name.getValue().strip(),
                    blankToNull(unit.getValue()), Boolean.TRUE.equals(qualified.getValue()),
                    blankToNull(qualificationNo.getValue()), Boolean.TRUE.equals(active.getValue()),
                    existing == null ? 0 : existing.reviewsDone(),
                    existing == null ? List.of() : existing.trainings()), context.actor());
            context.notify(m.get("reviewer.saved", saved.name()), false);
            reload();
        }));
        save.setId("lr-reviewer-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(user, name, unit, qualified, qualificationNo, active, save);
        row.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        row.addStyleName("zhifa-wrap");
        return row;
    }

    private HorizontalLayout trainingForm() {
        DateField date = new DateField(m.get("training.date"), LocalDate.now(ConsoleTexts.ZONE));
        date.setId("lr-training-date");
        date.setDateFormat("yyyy-MM-dd");
        date.setLenient(false);
        TextField hours = new TextField(m.get("training.hours"));
        hours.setId("lr-training-hours");
        TextField subject = new TextField(m.get("training.subject"));
        subject.setId("lr-training-subject");
        subject.setWidth("20em");
        Button add = new Button(m.get("training.add"), e -> Refusals.act(context, error, () -> {
            Reviewer r = reviewers.getSelectedItems().stream().findFirst()
                    .orElseThrow(() -> ConsoleTexts.invalid("reviewer.select", null));
            BigDecimal h;
            try {
                h = new BigDecimal(hours.getValue().strip());
            } catch (NumberFormatException x) {
                throw ConsoleTexts.invalid("training.hours.invalid", "hours", hours.getValue());
            }
            if (date.getValue() == null) {
                throw ConsoleTexts.invalid("training.date.required", "date");
            }
            service.addTraining(r.user(), new Reviewer.Training(date.getValue(), h, subject.getValue()),
                    context.actor());
            hours.clear();
            subject.clear();
            context.notify(m.get("training.added", r.name()), false);
            reload();
        }));
        add.setId("lr-training-add");
        HorizontalLayout row = new HorizontalLayout(new Label(m.get("training.forSelected")), date, hours, subject, add);
        row.setDefaultComponentAlignment(Alignment.BOTTOM_LEFT);
        return row;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void reload() {
        Refusals.act(context, error, () -> {
            String selected = reviewers.getSelectedItems().stream().findFirst().map(Reviewer::user).orElse(null);
            List<Reviewer> all = service.reviewers(context.actor());
            reviewers.setItems(all);
            all.stream().filter(r -> r.user().equals(selected)).findFirst().ifPresent(reviewers::select);
            StaffingReport s = service.staffing(context.actor());
            staffing.setValue(m.get(s.met() ? "staffing.met" : "staffing.notMet", s.reviewers(), s.qualifiedReviewers(),
                    s.enforcementStaff(), percent(s.ratio()), percent(s.target()),
                    s.trainingHours() == null ? "0" : s.trainingHours().stripTrailingZeros().toPlainString()));
            if (!s.met()) {
                staffing.addStyleName("zhifa-text-overdue");
            } else {
                staffing.removeStyleName("zhifa-text-overdue");
            }
            counts.setValue(countsText());
        });
    }

    private String countsText() {
        try {
            ReviewCounts c = service.counts(context.actor());
            return m.get("counts.text", c.pending(), c.overdue(), c.passed(), c.failed(), c.escalated(), c.adopted(),
                    c.rejected());
        } catch (ZhifaException e) {
            // an implementation that does not count: what the open reviews say
            List<LegalReview> open = service.pending(context.actor());
            return m.get("counts.open", open.size(), open.stream().filter(LegalReview::overdue).count());
        }
    }

    private static String percent(BigDecimal ratio) {
        return ratio == null ? "—" : ratio.multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString() + "%";
    }
}
