package org.zhifa.console.internal;

import org.zhifa.api.common.Actor;

import com.vaadin.navigator.View;
import com.vaadin.navigator.ViewChangeListener.ViewChangeEvent;
import com.vaadin.ui.Label;
import com.vaadin.ui.Panel;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** {@code #!cases} shows the list, {@code #!cases/<id>} the case's page. */
final class CasesScreen extends VerticalLayout implements View {

    private static final long serialVersionUID = 1L;

    private final transient CaseConsole console;
    private final Actor actor;
    private final Messages m;

    CasesScreen(CaseConsole console, Actor actor, Messages m) {
        this.console = console;
        this.actor = actor;
        this.m = m;
        setSizeFull();
        setMargin(false);
    }

    @Override
    public void enter(ViewChangeEvent event) {
        removeAllComponents();
        String parameters = event.getParameters() == null ? "" : event.getParameters().strip();
        if (parameters.isEmpty()) {
            CaseListView list = new CaseListView(console, actor, m, CasesScreen::open);
            addComponent(list);
            setExpandRatio(list, 1);
            return;
        }
        long id;
        try {
            id = Long.parseLong(parameters);
        } catch (NumberFormatException e) {
            Label l = new Label(m.get("case.notFound", parameters));
            l.setId("case-not-found");
            l.addStyleName(ValoTheme.LABEL_FAILURE);
            addComponent(l);
            return;
        }
        // a long page: it scrolls inside the full-height content area
        Panel panel = new Panel(new CasePageView(console, actor, m, id));
        panel.addStyleName(ValoTheme.PANEL_BORDERLESS);
        panel.setSizeFull();
        addComponent(panel);
        setExpandRatio(panel, 1);
    }

    static void open(long caseId) {
        UI.getCurrent().getNavigator().navigateTo(CasesConsoleView.ID + "/" + caseId);
    }
}
