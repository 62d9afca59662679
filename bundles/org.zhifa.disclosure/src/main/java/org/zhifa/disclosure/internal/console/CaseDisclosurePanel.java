package org.zhifa.disclosure.internal.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.ItemQuery;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** The case's disclosure items (found by its case number, kept when they belong to this case). */
final class CaseDisclosurePanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    /** A case has a handful of items (a decision, its corrections' item, notices): one page is plenty. */
    private static final int LIMIT = 100;

    private final transient DisclosureService service;
    private final transient CaseService cases;
    private final long caseId;
    private final ConsoleContext context;
    private final ConsoleTexts m;
    private final Grid<DisclosureItem> grid = new Grid<>();
    private final Label none = new Label();
    private final Label error = Refusals.errorLabel("disc-case-error");

    CaseDisclosurePanel(DisclosureService service, CaseService cases, long caseId, ConsoleContext context) {
        this.service = service;
        this.cases = cases;
        this.caseId = caseId;
        this.context = context;
        this.m = new ConsoleTexts(context.locale());
        ConsoleTexts.styles(UI.getCurrent());
        setId("disc-case");
        setMargin(false);
        setWidth("100%");
        grid.setId("disc-case-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(3);
        grid.addColumn(i -> m.get("type." + i.type().name())).setCaption(m.get("col.type"));
        grid.addColumn(DisclosureItem::title).setCaption(m.get("col.title")).setWidth(300);
        grid.addColumn(i -> m.status(i.status())).setCaption(m.get("col.status")).setId("status");
        grid.addColumn(i -> "v" + i.version()).setCaption(m.get("col.version"));
        grid.addColumn(i -> ConsoleTexts.date(i.dueOn())).setCaption(m.get("col.dueOn")).setId("dueOn");
        grid.addColumn(m::flags).setCaption(m.get("col.flags")).setId("flags")
                .setStyleGenerator(ConsoleTexts::flagStyle);
        grid.addColumn(i -> m.time(i.publishedAt())).setCaption(m.get("col.publishedAt"));
        grid.setStyleGenerator(ConsoleTexts::rowStyle);
        none.setId("disc-case-none");
        none.setValue(m.get("section.none"));
        Button open = new Button(m.get("section.open"), e -> Refusals.act(context, error, () -> {
            DisclosureItem i = grid.getSelectedItems().stream().findFirst()
                    .orElseThrow(() -> ConsoleTexts.invalid("queue.select", null));
            UI.getCurrent().getNavigator().navigateTo(QueueConsoleView.ID + "/" + i.id());
        }));
        open.setId("disc-case-open");
        open.addStyleName(ValoTheme.BUTTON_SMALL);
        addComponents(error, none, grid, open);
        load();
    }

    private void load() {
        try {
            CaseFile c = cases.find(caseId, context.actor()).orElse(null);
            List<DisclosureItem> mine = new ArrayList<>();
            if (c != null && c.number() != null) {
                Page<DisclosureItem> page = service.items(
                        new ItemQuery(null, null, null, null, c.number(), 0, LIMIT), context.actor());
                page.items().stream().filter(i -> Objects.equals(i.caseId(), caseId)).forEach(mine::add);
            }
            grid.setItems(mine);
            grid.setVisible(!mine.isEmpty());
            none.setVisible(mine.isEmpty());
        } catch (ZhifaException e) {
            error.setValue(m.message(e));
            error.setVisible(true);
            grid.setVisible(false);
            none.setVisible(false);
        }
    }
}
