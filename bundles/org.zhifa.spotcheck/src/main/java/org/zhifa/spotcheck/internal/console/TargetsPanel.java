package org.zhifa.spotcheck.internal.console;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.zhifa.api.spotcheck.InspectionTarget;
import org.zhifa.api.spotcheck.InspectionTarget.Risk;
import org.zhifa.api.spotcheck.InspectionTarget.TargetType;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.api.spotcheck.TargetFilter;
import org.zhifa.api.spotcheck.TargetImport;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Paging;
import org.zhifa.console.spi.Refusals;

import com.vaadin.data.provider.CallbackDataProvider;
import com.vaadin.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.data.provider.Query;
import com.vaadin.shared.ui.ValueChangeMode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextField;
import com.vaadin.ui.Upload;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * 检查对象名录库: a lazy grid read in the service's pages (fast with 100 k rows), filters, and for 负责人 and
 * 管理员 add, edit (a stale revision is refused and shown), deactivate with a reason, and an import by upload
 * whose line errors are listed while nothing is stored.
 */
final class TargetsPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /** The service's largest page. */
    static final int PAGE = 500;

    /** The grid's filter. */
    record Filter(TargetFilter filter, boolean inactive) {}

    private final transient SpotCheckService service;
    private final ConsoleContext context;
    private final ConsoleTexts m;
    private final long maxImportBytes;
    private final Label error = Refusals.errorLabel("sc-target-error");
    private final TextField q = new TextField();
    private final ComboBox<TargetType> type = new ComboBox<>();
    private final TextField area = new TextField();
    private final ComboBox<Risk> risk = new ComboBox<>();
    private final TextField tag = new TextField();
    private final CheckBox inactive = new CheckBox();
    private final Label count = new Label();
    private final Grid<InspectionTarget> grid = new Grid<>();
    private final ConfigurableFilterDataProvider<InspectionTarget, Void, Filter> data;
    private final Label importResult = new Label();
    private final Grid<TargetImport.RowError> importErrors = new Grid<>();
    private boolean loadFailed;

    TargetsPanel(SpotCheckService service, ConsoleContext context, long maxImportBytes) {
        this.service = service;
        this.context = context;
        this.m = new ConsoleTexts(context.locale());
        this.maxImportBytes = maxImportBytes;
        setId("sc-targets");
        setWidth("100%");
        data = new CallbackDataProvider<InspectionTarget, Filter>(this::fetch, this::count, InspectionTarget::id)
                .withConfigurableFilter();
        data.setFilter(filter());
        configureGrid();
        count.setId("sc-target-count");
        addComponents(ConsoleTexts.heading(m.get("targets.title"), ValoTheme.LABEL_H2), error, filters(), count,
                grid);
        if (ConsoleTexts.keeper(context.actor())) {
            addComponents(actions(), importForm());
        }
    }

    private HorizontalLayout filters() {
        q.setId("sc-target-q");
        q.setPlaceholder(m.get("targets.filter.q"));
        q.setWidth("240px");
        area.setId("sc-target-area");
        area.setPlaceholder(m.get("targets.filter.area"));
        tag.setId("sc-target-tag");
        tag.setPlaceholder(m.get("targets.filter.tag"));
        for (TextField f : List.of(q, area, tag)) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> refilter());
        }
        type.setId("sc-target-type");
        type.setItems(TargetType.values());
        type.setItemCaptionGenerator(t -> m.of("type", t));
        type.setPlaceholder(m.get("targets.filter.type"));
        type.addValueChangeListener(e -> refilter());
        risk.setId("sc-target-risk");
        risk.setItems(Risk.values());
        risk.setItemCaptionGenerator(r -> m.of("risk", r));
        risk.setPlaceholder(m.get("targets.filter.risk"));
        risk.addValueChangeListener(e -> refilter());
        for (ComboBox<?> c : List.of(type, risk)) {
            c.setTextInputAllowed(false);
            c.setPageLength(0);
        }
        inactive.setId("sc-target-inactive");
        inactive.setCaption(m.get("targets.filter.inactive"));
        inactive.addValueChangeListener(e -> refilter());
        HorizontalLayout bar = new HorizontalLayout(q, type, area, risk, tag, inactive);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        return bar;
    }

    private Filter filter() {
        TargetFilter f = new TargetFilter(blank(q.getValue()), type.getValue() == null ? Set.of() : Set.of(type.getValue()),
                ConsoleTexts.list(area.getValue()), risk.getValue() == null ? Set.of() : Set.of(risk.getValue()),
                ConsoleTexts.list(tag.getValue()));
        return new Filter(f, Boolean.TRUE.equals(inactive.getValue()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private void refilter() {
        loadFailed = false;
        data.setFilter(filter());
    }

    void refresh() {
        loadFailed = false;
        data.refreshAll();
    }

    private void configureGrid() {
        grid.setId("sc-target-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(12);
        grid.setDataProvider(data);
        grid.addColumn(InspectionTarget::id).setCaption("#").setId("id").setWidth(90);
        grid.addColumn(InspectionTarget::name).setCaption(m.get("target.name")).setId("name");
        grid.addColumn(InspectionTarget::creditCode).setCaption(m.get("target.code")).setId("code");
        grid.addColumn(t -> m.of("type", t.type())).setCaption(m.get("target.type")).setId("type");
        grid.addColumn(InspectionTarget::area).setCaption(m.get("target.area")).setId("area");
        grid.addColumn(t -> m.of("risk", t.risk())).setCaption(m.get("target.risk")).setId("risk");
        grid.addColumn(t -> ConsoleTexts.join(t.tags())).setCaption(m.get("target.tags")).setId("tags");
        grid.addColumn(t -> m.get(t.active() ? "target.active" : "target.inactive")).setCaption(m.get("target.status"))
                .setId("status");
        grid.addColumn(InspectionTarget::revision).setCaption(m.get("target.revision")).setId("revision");
        grid.addColumn(t -> m.time(t.changedAt()) + " " + t.changedBy()).setCaption(m.get("target.changed"));
        grid.getColumns().forEach(c -> c.setSortable(false));
    }

    private Stream<InspectionTarget> fetch(Query<InspectionTarget, Filter> query) {
        Filter f = query.getFilter().orElse(filter());
        try {
            return Paging.rows(query.getOffset(), query.getLimit(), PAGE,
                    (from, size) -> service.targets(f.filter(), f.inactive(), from, size, context.actor())).stream();
        } catch (RuntimeException e) {
            loadFailed(e);
            return Stream.empty();
        }
    }

    private int count(Query<InspectionTarget, Filter> query) {
        Filter f = query.getFilter().orElse(filter());
        try {
            long total = service.targets(f.filter(), f.inactive(), 0, 1, context.actor()).total();
            count.setValue(m.get("targets.count", total));
            return (int) Math.min(total, Integer.MAX_VALUE);
        } catch (RuntimeException e) {
            loadFailed(e);
            return 0;
        }
    }

    /** One message per filter, not one per page the grid asks for. */
    private void loadFailed(RuntimeException e) {
        if (!loadFailed) {
            loadFailed = true;
            Refusals.act(context, error, () -> {
                throw e;
            });
        }
    }

    private HorizontalLayout actions() {
        Button add = new Button(m.get("targets.add"), e -> TargetWindow.open(service, context, null, this::saved));
        add.setId("sc-target-add");
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button edit = new Button(m.get("targets.edit"), e -> Refusals.act(context, error,
                () -> TargetWindow.open(service, context, selected(), this::saved)));
        edit.setId("sc-target-edit");
        Button deactivate = new Button(m.get("targets.deactivate"), e -> Refusals.act(context, error, () -> {
            InspectionTarget t = selected();
            ReasonWindow.open(context, "sc-target-deactivate", m.get("targets.deactivate.title", t.name()),
                    reason -> {
                        service.deactivateTarget(t.id(), reason, context.actor());
                        context.notify(m.get("targets.deactivated", t.name()), false);
                        refresh();
                    });
        }));
        deactivate.setId("sc-target-deactivate");
        HorizontalLayout bar = new HorizontalLayout(add, edit, deactivate);
        bar.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        return bar;
    }

    private InspectionTarget selected() {
        return grid.getSelectedItems().stream().findFirst()
                .orElseThrow(() -> ConsoleTexts.invalid("CONSOLE_SELECT_TARGET", null));
    }

    private void saved(InspectionTarget t) {
        refresh();
        grid.select(t);
    }

    /** The upload buffers at most the configured import size (one byte more tells it was too large). */
    private VerticalLayout importForm() {
        Upload upload = new Upload();
        upload.setId("sc-target-upload");
        upload.setButtonCaption(m.get("targets.import"));
        upload.setImmediateMode(true);
        upload.setAcceptMimeTypes(".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        ByteArrayOutputStream[] buffer = new ByteArrayOutputStream[1];
        upload.setReceiver((fileName, mimeType) -> {
            buffer[0] = new ByteArrayOutputStream();
            return new Capped(buffer[0], maxImportBytes + 1);
        });
        upload.addStartedListener(e -> {
            if (e.getContentLength() > maxImportBytes + 1024) {
                upload.interruptUpload();
            }
        });
        upload.addFailedListener(e -> shown(e.getLength() > maxImportBytes
                || buffer[0] != null && buffer[0].size() >= maxImportBytes
                ? m.get("targets.import.tooLarge", maxImportBytes) : m.get("targets.import.failed")));
        upload.addSucceededListener(e -> imported(buffer[0].toByteArray(), e.getFilename()));
        importResult.setId("sc-target-import-result");
        importResult.setWidth("100%");
        importResult.setVisible(false);
        importErrors.setId("sc-target-import-errors");
        importErrors.setWidth("100%");
        importErrors.setHeightByRows(6);
        importErrors.addColumn(TargetImport.RowError::line).setCaption(m.get("import.line")).setId("line").setWidth(90);
        importErrors.addColumn(TargetImport.RowError::column).setCaption(m.get("import.column")).setId("column");
        importErrors.addColumn(r -> "en".equals(context.locale().getLanguage()) ? r.messageEn() : r.messageZh())
                .setCaption(m.get("import.message")).setId("message");
        importErrors.setVisible(false);
        Label hint = new Label(m.get("targets.import.hint"));
        hint.addStyleName(ValoTheme.LABEL_SMALL);
        VerticalLayout form = new VerticalLayout(ConsoleTexts.heading(m.get("targets.import.title"), ValoTheme.LABEL_H3),
                hint, upload, importResult, importErrors);
        form.setMargin(false);
        form.setId("sc-target-import");
        return form;
    }

    private void imported(byte[] bytes, String fileName) {
        importErrors.setVisible(false);
        importResult.setVisible(false);
        if (bytes.length > maxImportBytes) {
            shown(m.get("targets.import.tooLarge", maxImportBytes));
            return;
        }
        Refusals.act(context, error, () -> {
            TargetImport result = service.importTargets(new ByteArrayInputStream(bytes), fileName, context.actor());
            if (result.stored()) {
                importResult.removeStyleName(ValoTheme.LABEL_FAILURE);
                importResult.addStyleName(ValoTheme.LABEL_SUCCESS);
                importResult.setValue(m.get("targets.import.stored", fileName, result.created(), result.revised()));
                context.notify(importResult.getValue(), false);
                refresh();
            } else {
                importResult.removeStyleName(ValoTheme.LABEL_SUCCESS);
                importResult.addStyleName(ValoTheme.LABEL_FAILURE);
                importResult.setValue(m.get("targets.import.refused", fileName, result.errors().size()));
                importErrors.setItems(result.errors());
                importErrors.setVisible(true);
                context.notify(importResult.getValue(), true);
            }
            importResult.setVisible(true);
        });
    }

    private void shown(String message) {
        importResult.removeStyleName(ValoTheme.LABEL_SUCCESS);
        importResult.addStyleName(ValoTheme.LABEL_FAILURE);
        importResult.setValue(message);
        importResult.setVisible(true);
        context.notify(message, true);
    }

    /** An output stream that refuses more than {@code limit} bytes, so a huge upload fails early. */
    private static final class Capped extends OutputStream {
        private final OutputStream out;
        private final long limit;
        private long written;

        Capped(OutputStream out, long limit) {
            this.out = out;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > limit) {
                throw new IOException("upload larger than " + limit + " bytes");
            }
            out.write(b, off, len);
        }
    }
}
