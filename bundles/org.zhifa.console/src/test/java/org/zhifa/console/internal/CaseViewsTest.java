package org.zhifa.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.cases.CaseQuery;
import org.zhifa.api.cases.CaseSummary;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.console.spi.FieldForm;

import com.vaadin.data.provider.DataProvider;
import com.vaadin.data.provider.Query;
import com.vaadin.data.provider.QuerySortOrder;
import com.vaadin.shared.data.sort.SortDirection;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.DateTimeField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;

/** The case screens against an engine of 100 000 cases. */
@SuppressWarnings("unchecked")
class CaseViewsTest {

    static final Actor OFFICER = new Actor("officer", Set.of(Roles.OFFICER));
    static final Actor REVIEWER = new Actor("reviewer", Set.of(Roles.REVIEWER));
    static final Messages ZH = Messages.of(Messages.ZH);

    /** Monday to Friday; enough for badges. */
    static final WorkingDays WEEKDAYS = new WorkingDays() {
        @Override
        public boolean isWorkingDay(LocalDate day) {
            return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        @Override
        public LocalDate add(LocalDate start, int n) {
            LocalDate d = start;
            for (int i = 0; i < n; d = d.plusDays(1)) {
                if (isWorkingDay(d.plusDays(1))) {
                    i++;
                }
            }
            return d;
        }

        @Override
        public int between(LocalDate a, LocalDate b) {
            int sign = b.isBefore(a) ? -1 : 1;
            LocalDate from = sign > 0 ? a : b;
            LocalDate to = sign > 0 ? b : a;
            int n = 0;
            for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                if (isWorkingDay(d)) {
                    n++;
                }
            }
            return sign * n;
        }

        @Override
        public boolean isPublished(int year) {
            return true;
        }
    };

    static CaseConsole console(FakeCases cases) {
        return new CaseConsole(cases, new PersonnelViewTest.BigRegister(), WEEKDAYS, 3, ZoneId.systemDefault());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Test
    void theListFetchesOnlyTheRequestedRowsInServicePages() {
        FakeCases cases = new FakeCases();
        CaseListView view = new CaseListView(console(cases), OFFICER, ZH, id -> { });
        Grid<CaseSummary> grid = (Grid<CaseSummary>) PersonnelViewTest.find(view, "cases-grid");
        DataProvider<CaseSummary, Object> p = (DataProvider) grid.getDataProvider();

        assertEquals(FakeCases.ROWS, p.size(new Query<>()));
        List<CaseSummary> tail = p.fetch(new Query<>(99_950, 80,
                List.of(new QuerySortOrder("nextDue", SortDirection.ASCENDING)), null, null)).toList();
        assertEquals(50, tail.size());
        assertEquals(1_200, p.fetch(new Query<>(1_000, 1_200, List.of(), null, null)).count());
        assertTrue(cases.queries.stream().allMatch(q -> q.limit() <= CaseQuery.MAX_LIMIT));
        long asked = cases.queries.stream().mapToLong(CaseQuery::limit).sum();
        assertTrue(asked < 2_000, "asked for " + asked + " rows");
        assertTrue(cases.queries.stream().anyMatch(q -> q.sort().equals("nextDue") && q.ascending()));
        // unknown sort columns fall back to the newest first
        CaseQuery q = CaseFilter.NONE.toQuery(List.of(new QuerySortOrder("title", SortDirection.ASCENDING)), 3, 0, 10);
        assertEquals("id", q.sort());
        assertFalse(q.ascending());
        assertEquals(3, q.dueWithin());
    }

    @Test
    void officersFileReviewersDoNot() {
        Set<String> officer = PersonnelViewTest.ids(new CaseListView(console(new FakeCases()), OFFICER, ZH, id -> { }));
        Set<String> reviewer = PersonnelViewTest.ids(new CaseListView(console(new FakeCases()), REVIEWER, ZH, id -> { }));
        for (String id : List.of("cases-grid", "cases-filter-text", "cases-filter-kind", "cases-filter-step",
                "cases-filter-status", "cases-filter-due", "cases-filter-officer")) {
            assertTrue(officer.contains(id), id);
            assertTrue(reviewer.contains(id), id);
        }
        assertTrue(officer.contains("case-file-button"));
        assertFalse(reviewer.contains("case-file-button"));
    }

    @Test
    void documentsAreListedByTheirTemplatesTitleOrElseTheirId() {
        DocumentTemplate decision = new DocumentTemplate("penalty.decision", "行政处罚决定书",
                "Administrative penalty decision", List.of(), List.of(new DocumentTemplate.Block.Title("行政处罚决定书")), "");
        CaseConsole c = new CaseConsole(new FakeCases(), new PersonnelViewTest.BigRegister(), WEEKDAYS, 3,
                ZoneId.systemDefault(), id -> id.equals(decision.id()) ? Optional.of(decision) : Optional.empty());
        assertEquals("行政处罚决定书", c.documentTitle("penalty.decision", Locale.SIMPLIFIED_CHINESE));
        assertEquals("Administrative penalty decision", c.documentTitle("penalty.decision", Locale.ENGLISH));
        assertEquals("penalty.filing", c.documentTitle("penalty.filing", Locale.SIMPLIFIED_CHINESE));
        assertEquals("penalty.filing", console(new FakeCases()).documentTitle("penalty.filing", Locale.ENGLISH));
    }

    @Test
    void dueBadges() {
        CaseConsole c = console(new FakeCases());
        LocalDate today = c.today();
        assertEquals(CaseConsole.Due.NONE, c.due(null));
        assertEquals(CaseConsole.Due.OVERDUE, c.due(today.minusDays(1)));
        assertEquals(CaseConsole.Due.SOON, c.due(today));
        assertEquals(CaseConsole.Due.SOON, c.due(WEEKDAYS.add(today, 3)));
        assertEquals(CaseConsole.Due.NORMAL, c.due(WEEKDAYS.add(today, 4)));
        CaseListView view = new CaseListView(c, OFFICER, ZH, id -> { });
        CaseSummary overdue = FakeCases.summary(0);
        assertTrue(ChronoUnit.DAYS.between(today, overdue.nextDue()) < 0);
        assertEquals("逾期", view.badge(overdue));
        assertEquals("zhifa-due-overdue", view.badgeState(overdue).style);
    }

    @Test
    void aFormFilledWithValuesSendsTheSameValuesBack() {
        // a reviewed decision draft fills the decision's form: what it sends must hash as the draft did
        Map<String, String> draft = Map.of("penaltyType", "罚款", "fineAmount", "20000", "decisionDate", "2026-03-02",
                "hearingAt", "2026-02-27T09:30", "waived", "true", "days", "15", "facts", "未经批准占用耕地建房",
                "place", "衡阳县西渡镇");
        FieldForm form = new FieldForm(FakeCases.DECIDE.fields(), ZH.locale(), "field-");
        form.fill(draft);
        assertEquals(draft, form.values());
        assertEquals(java.util.Optional.empty(), form.validate());

        // values the form cannot show stay empty, names it does not have are ignored
        FieldForm odd = new FieldForm(FakeCases.DECIDE.fields(), ZH.locale(), "field-");
        odd.fill(Map.of("penaltyType", "吊销", "decisionDate", "02/03/2026", "unknown", "x", "facts", "事实"));
        assertEquals(Map.of("waived", "false", "facts", "事实"), odd.values());
    }

    @Test
    void formsAreGeneratedFromFieldDefinitions() {
        FieldForm form = new FieldForm(FakeCases.DECIDE.fields(), ZH.locale(), "field-");
        assertInstanceOf(ComboBox.class, form.input("penaltyType").orElseThrow());
        assertInstanceOf(TextField.class, form.input("fineAmount").orElseThrow());
        assertInstanceOf(DateField.class, form.input("decisionDate").orElseThrow());
        assertInstanceOf(DateTimeField.class, form.input("hearingAt").orElseThrow());
        assertInstanceOf(CheckBox.class, form.input("waived").orElseThrow());
        assertInstanceOf(TextField.class, form.input("days").orElseThrow());
        assertInstanceOf(TextArea.class, form.input("facts").orElseThrow());
        assertInstanceOf(TextField.class, form.input("place").orElseThrow());
        assertEquals("field-penaltyType", form.input("penaltyType").orElseThrow().getId());
        assertEquals("罚款金额（元）", form.input("fineAmount").orElseThrow().getCaption());
        assertEquals("罚款（元）", new FieldForm(List.of(FieldDef.optional("fine", FieldDef.Type.MONEY, "罚款（元）",
                "Fine (yuan)")), ZH.locale(), "field-").input("fine").orElseThrow().getCaption());
        assertTrue(((ComboBox<?>) form.input("penaltyType").orElseThrow()).isRequiredIndicatorVisible());
        assertFalse(((TextField) form.input("place").orElseThrow()).isRequiredIndicatorVisible());
        assertEquals("Fine (yuan)", new FieldForm(FakeCases.DECIDE.fields(), Messages.EN, "field-")
                .input("fineAmount").orElseThrow().getCaption());

        // required fields missing, money malformed: marked, nothing to send yet
        ((TextField) form.input("fineAmount").orElseThrow()).setValue("12.345");
        assertTrue(form.validate().isPresent());
        assertNotNull(form.input("penaltyType").orElseThrow().getComponentError());
        assertNotNull(form.input("fineAmount").orElseThrow().getComponentError());
        assertNotNull(form.input("facts").orElseThrow().getComponentError());
        assertNull(form.input("place").orElseThrow().getComponentError());

        ((ComboBox<String>) form.input("penaltyType").orElseThrow()).setValue("罚款");
        ((TextField) form.input("fineAmount").orElseThrow()).setValue(" 1500.5 ");
        ((DateField) form.input("decisionDate").orElseThrow()).setValue(LocalDate.of(2026, 3, 2));
        ((DateTimeField) form.input("hearingAt").orElseThrow()).setValue(java.time.LocalDateTime.of(2026, 3, 9, 9, 30, 15));
        ((TextArea) form.input("facts").orElseThrow()).setValue("<script>alert(1)</script>");
        ((TextField) form.input("days").orElseThrow()).setValue("x");
        assertTrue(form.validate().isPresent(), "an integer field with letters");
        ((TextField) form.input("days").orElseThrow()).setValue("60");
        assertTrue(form.validate().isEmpty());
        assertEquals(Map.of("penaltyType", "罚款", "fineAmount", "1500.5", "decisionDate", "2026-03-02",
                "hearingAt", "2026-03-09T09:30", "waived", "false", "days", "60", "facts", "<script>alert(1)</script>"),
                form.values());

        assertTrue(form.mark("fineAmount", "超过上限"));
        assertNotNull(form.input("fineAmount").orElseThrow().getComponentError());
        assertFalse(form.mark("nonsense", "x"));
    }

    @Test
    void thePageShowsTransitionsTimelineAndTheReadOnlyBanner() {
        FakeCases cases = new FakeCases();
        CasePageView page = new CasePageView(console(cases), OFFICER, ZH, 7);
        Set<String> ids = PersonnelViewTest.ids(page);
        for (String id : List.of("case-number", "case-status", "case-minor", "case-party", "case-step",
                "case-transition-decide", "case-officers-list", "case-timer-decision", "case-recusals",
                "case-documents", "case-document-preview-penalty.filing", "case-document-docx-penalty.filing",
                "case-timeline", "case-event-1")) {
            assertTrue(ids.contains(id), id);
        }
        assertFalse(ids.contains("case-readonly"));
        assertTrue(((Label) PersonnelViewTest.find(page, "case-timer-decision")).getStyleName().contains("zhifa-text-overdue"));
        // markup in case data stays text
        assertEquals(com.vaadin.shared.ui.ContentMode.TEXT, ((Label) PersonnelViewTest.find(page, "case-title")).getContentMode());

        cases.kindInstalled = false;
        Set<String> readOnly = PersonnelViewTest.ids(new CasePageView(console(cases), OFFICER, ZH, 7));
        assertTrue(readOnly.contains("case-readonly"));
        assertFalse(readOnly.contains("case-transition-decide"));
    }

    @Test
    void aRefusedTransitionKeepsTheFormAndMarksTheField() {
        FakeCases cases = new FakeCases();
        CaseConsole console = console(cases);
        TransitionWindow w = new TransitionWindow(console, OFFICER, ZH, cases.find(7, OFFICER).orElseThrow(),
                FakeCases.DECIDE, () -> { });
        ((ComboBox<String>) PersonnelViewTest.find(w, "field-penaltyType")).setValue("罚款");
        ((DateField) PersonnelViewTest.find(w, "field-decisionDate")).setValue(LocalDate.of(2026, 3, 2));
        ((TextArea) PersonnelViewTest.find(w, "field-facts")).setValue("事实");
        ((TextField) PersonnelViewTest.find(w, "field-fineAmount")).setValue("800");
        cases.refuse = new ZhifaException(ZhifaException.Kind.CONFLICT, "penalty.heavier", "重于告知的处罚（处罚法 44）",
                "heavier", "fineAmount");
        ((com.vaadin.ui.Button) PersonnelViewTest.find(w, "case-transition-submit")).click();
        assertNotNull(((AbstractComponent) PersonnelViewTest.find(w, "field-fineAmount")).getComponentError());
        assertEquals("800", ((TextField) PersonnelViewTest.find(w, "field-fineAmount")).getValue());
        assertTrue(cases.transitions.isEmpty());

        cases.refuse = null;
        ((TextField) PersonnelViewTest.find(w, "field-fineAmount")).setValue("500");
        ((com.vaadin.ui.Button) PersonnelViewTest.find(w, "case-transition-submit")).click();
        assertEquals(1, cases.transitions.size());
        assertTrue(cases.transitions.get(0).contains("fineAmount=500"), cases.transitions.get(0));
    }
}
