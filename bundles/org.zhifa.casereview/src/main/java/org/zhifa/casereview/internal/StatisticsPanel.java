package org.zhifa.casereview.internal;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.zhifa.api.casereview.CaseStatistics;
import org.zhifa.api.casereview.StatisticsService;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.KindInfo;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.console.spi.ConsoleContext;

import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.shared.ui.ContentMode;
import com.vaadin.ui.Button;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** The 统计 view: counts of cases by kind, step, officer and month as bar charts, and a CSV download. */
final class StatisticsPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient StatisticsService statistics;
    private final ConsoleContext context;
    private final Locale locale;
    private final ComboBox<Integer> year = new ComboBox<>();
    private final ComboBox<String> kind = new ComboBox<>();
    private final Label summary = new Label();
    private final Label error = new Label();
    private final VerticalLayout charts = new VerticalLayout();

    StatisticsPanel(ConsoleContext context, StatisticsService statistics, List<KindInfo> kinds) {
        this.context = context;
        this.locale = context.locale();
        this.statistics = statistics;
        setId("statistics-view");
        Label title = new Label(t("stats.view.title"));
        title.addStyleName(ValoTheme.LABEL_H2);

        int now = LocalDate.now().getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = now; y >= now - 9; y--) {
            years.add(y);
        }
        year.setId("stats-year");
        year.setCaption(t("stats.year"));
        year.setItems(years);
        year.setValue(now);
        year.setPlaceholder(t("stats.all.years"));
        kind.setId("stats-kind");
        kind.setCaption(t("stats.kind"));
        kind.setItems(kinds.stream().map(KindInfo::id).toList());
        kind.setItemCaptionGenerator(id -> kinds.stream().filter(k -> k.id().equals(id)).findFirst()
                .map(k -> "en".equals(locale.getLanguage()) ? k.titleEn() : k.titleZh()).orElse(id));
        kind.setPlaceholder(t("stats.all.kinds"));
        year.addValueChangeListener(e -> refresh());
        kind.addValueChangeListener(e -> refresh());

        Button csv = new Button(t("stats.csv"));
        csv.setId("stats-csv");
        StreamResource resource = new StreamResource(() -> {
            try {
                return new ByteArrayInputStream(ReportWriter.csv(statistics.cases(year.getValue(), kind.getValue(),
                        context.actor()), locale).bytes());
            } catch (ZhifaException e) {
                return null;
            }
        }, "statistics.csv");
        resource.setMIMEType(Csv.MEDIA_TYPE);
        resource.setCacheTime(0);
        new FileDownloader(resource).extend(csv);

        HorizontalLayout filters = new HorizontalLayout(year, kind, csv);
        filters.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);
        summary.setId("stats-summary");
        error.setId("stats-error");
        error.addStyleName(ValoTheme.LABEL_FAILURE);
        error.setVisible(false);
        charts.setMargin(false);
        addComponents(title, filters, summary, error, charts);
        refresh();
    }

    private void refresh() {
        charts.removeAllComponents();
        try {
            CaseStatistics s = statistics.cases(year.getValue(), kind.getValue(), context.actor());
            error.setVisible(false);
            summary.setValue(t("stats.summary", s.total(), s.open(), s.closed()));
            chart("stats-by-kind", t("stats.by.kind"), s.byKind());
            chart("stats-by-step", t("stats.by.step"), s.byStep());
            chart("stats-by-officer", t("stats.by.officer"), s.byOfficer());
            chart("stats-filed-by-month", t("stats.filed.by.month"), s.filedByMonth());
            chart("stats-closed-by-month", t("stats.closed.by.month"), s.closedByMonth());
        } catch (ZhifaException e) {
            String message = "en".equals(locale.getLanguage()) ? e.messageEn() : e.messageZh();
            error.setValue(message);
            error.setVisible(true);
            context.notify(message, true);
        }
    }

    private void chart(String id, String caption, List<CaseStatistics.Count> counts) {
        Label heading = new Label(caption);
        heading.addStyleName(ValoTheme.LABEL_H3);
        Label chart = new Label(counts.isEmpty() ? "<p>" + BarChart.escape(t("stats.none")) + "</p>"
                : BarChart.svg(id + "-svg", caption, counts, locale), ContentMode.HTML);
        chart.setId(id);
        chart.setWidth("100%");
        charts.addComponents(heading, chart);
    }

    private String t(String key, Object... args) {
        return Messages.text(locale, key, args);
    }

    /** For the kinds filter when the case engine is there; the statistics work without it. */
    static List<KindInfo> kinds(CaseService cases) {
        return cases == null ? List.of() : cases.kinds();
    }
}
