package org.zhifa.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Roles;

import com.vaadin.navigator.Navigator;
import com.vaadin.navigator.View;
import com.vaadin.navigator.ViewChangeListener;
import com.vaadin.navigator.ViewProvider;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.Component;
import com.vaadin.ui.CssLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** Header, menu and content area of a logged-in session; the navigator lives here. */
final class MainLayout extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MainLayout.class);

    private final ConsoleUI ui;
    private final Actor actor;
    private final Messages m;
    private final VerticalLayout menu = new VerticalLayout();
    private final CssLayout content = new CssLayout();
    private final Map<String, Button> menuButtons = new LinkedHashMap<>();
    private final RecordAlarm alarm;
    private Navigator navigator;
    private String currentViewId;
    private com.vaadin.shared.Registration poll;

    MainLayout(ConsoleUI ui, Actor actor) {
        this.ui = ui;
        this.actor = actor;
        this.m = ui.messages();
        setSizeFull();
        setMargin(false);
        setSpacing(false);

        menu.addStyleName("zhifa-menu");
        menu.setWidth("200px");
        menu.setHeight("100%");
        menu.setMargin(false);
        menu.setSpacing(false);
        content.setSizeFull();
        // Plug-in views of undefined height scroll here.
        content.addStyleName("zhifa-content");

        HorizontalLayout body = new HorizontalLayout(menu, content);
        body.setSizeFull();
        body.setSpacing(false);
        body.setExpandRatio(content, 1);

        Component header = header();
        alarm = new RecordAlarm(ui.services()::lastVerification, m, () -> navigator.navigateTo(RecordConsoleView.ID));
        addComponents(header, alarm, body);
        setExpandRatio(body, 1);
    }

    @Override
    public void attach() {
        super.attach();
        // the console polls every second: the verification alarm follows the record in open sessions
        poll = ui.addPollListener(e -> alarm.update());
    }

    @Override
    public void detach() {
        if (poll != null) {
            poll.remove();
            poll = null;
        }
        super.detach();
    }

    /** Builds the menu and the navigator; navigates only when not called from UI.init. */
    void start(boolean navigate) {
        navigator = new Navigator(ui, (View view) -> {
            content.removeAllComponents();
            content.addComponent(view.getViewComponent());
        });
        navigator.addProvider(new Provider());
        navigator.setErrorProvider(new ViewProvider() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getViewName(String viewAndParameters) {
                return viewAndParameters;
            }

            @Override
            public View getView(String viewName) {
                return personnelView();
            }
        });
        navigator.addViewChangeListener(new ViewChangeListener() {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean beforeViewChange(ViewChangeEvent event) {
                return true;
            }

            @Override
            public void afterViewChange(ViewChangeEvent event) {
                currentViewId = event.getNewView() instanceof PersonnelView ? PersonnelView.ID : event.getViewName();
                if (event.getNewView() instanceof PersonnelView && !PersonnelView.ID.equals(event.getViewName())) {
                    // Unknown or no longer available view: show where we really are.
                    ui.getPage().setUriFragment("!" + PersonnelView.ID, false);
                }
                highlight();
            }
        });
        buildMenu();
        String fragment = ui.getPage().getUriFragment();
        if (fragment == null || fragment.isEmpty() || "!".equals(fragment)) {
            ui.getPage().setUriFragment("!" + PersonnelView.ID, false);
        }
        if (navigate) {
            navigator.navigateTo(navigator.getState());
        }
    }

    /** Registry changed: rebuild the menu; leave a view that went away. Runs with the session locked. */
    void viewsChanged() {
        buildMenu();
        if (currentViewId != null && !PersonnelView.ID.equals(currentViewId)
                && ui.services().views().find(currentViewId, actor).isEmpty()) {
            navigator.navigateTo(PersonnelView.ID);
        }
    }

    private Component header() {
        BureauInfo bureau = ui.services().bureau().get();
        Label name = new Label(bureau == null ? m.get("app.title")
                : m.get("header.bureau", bureau.name(), m.get("app.title")));
        name.addStyleName("zhifa-bureau");

        Label user = new Label(m.get("header.user", actor.user()));
        user.setId("header-user");
        List<String> staffRoles = Roles.STAFF.stream().filter(actor::has).map(m::role).toList();
        Label roles = new Label(String.join(m.get("list.separator"), staffRoles));
        roles.setId("header-roles");

        Button logout = new Button(m.get("header.logout"), e -> ui.logout());
        logout.setId("logout");
        logout.addStyleName(ValoTheme.BUTTON_SMALL);

        HorizontalLayout right = new HorizontalLayout(user, roles, LoginView.languageSwitch(ui), logout);
        right.setDefaultComponentAlignment(Alignment.MIDDLE_RIGHT);

        HorizontalLayout header = new HorizontalLayout(name, right);
        header.addStyleName("zhifa-header");
        header.setWidth("100%");
        header.setMargin(false);
        header.setComponentAlignment(name, Alignment.MIDDLE_LEFT);
        header.setComponentAlignment(right, Alignment.MIDDLE_RIGHT);
        return header;
    }

    private void buildMenu() {
        List<String> wanted = new ArrayList<>();
        wanted.add(PersonnelView.ID);
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put(PersonnelView.ID, m.get("menu.personnel"));
        for (ViewRegistry.Entry entry : ui.services().views().visibleTo(actor)) {
            wanted.add(entry.id());
            titles.put(entry.id(), title(entry));
        }
        if (wanted.equals(new ArrayList<>(menuButtons.keySet()))
                && wanted.stream().allMatch(id -> titles.get(id).equals(menuButtons.get(id).getCaption()))) {
            return;
        }
        menu.removeAllComponents();
        menuButtons.clear();
        for (String id : wanted) {
            Button b = new Button(titles.get(id), e -> navigator.navigateTo(id));
            b.setId("menu-" + id);
            b.addStyleName(ValoTheme.BUTTON_BORDERLESS);
            b.setWidth("100%");
            menu.addComponent(b);
            menuButtons.put(id, b);
        }
        // Takes the free height so the buttons stay at the top.
        Label filler = new Label();
        menu.addComponent(filler);
        menu.setExpandRatio(filler, 1);
        highlight();
        LOG.debug("menu of {}: {}", actor.user(), wanted.stream().collect(Collectors.joining(",")));
    }

    private String title(ViewRegistry.Entry entry) {
        try {
            String t = entry.view().title(m.locale());
            return t == null || t.isBlank() ? entry.id() : t;
        } catch (RuntimeException e) {
            LOG.warn("console view {} failed to give its title", entry.id(), e);
            return entry.id();
        }
    }

    private void highlight() {
        menuButtons.forEach((id, b) -> {
            if (id.equals(currentViewId)) {
                b.addStyleName("zhifa-selected");
            } else {
                b.removeStyleName("zhifa-selected");
            }
        });
    }

    private PersonnelView personnelView() {
        return new PersonnelView(ui.services().personnel(), actor, m);
    }

    /** Resolves fragments to the built-in view or to a plug-in view the user may see. */
    private final class Provider implements ViewProvider {
        private static final long serialVersionUID = 1L;

        @Override
        public String getViewName(String viewAndParameters) {
            int slash = viewAndParameters.indexOf('/');
            String id = slash < 0 ? viewAndParameters : viewAndParameters.substring(0, slash);
            if (PersonnelView.ID.equals(id)) {
                return id;
            }
            return ui.services().views().find(id, actor).map(ViewRegistry.Entry::id).orElse(null);
        }

        @Override
        public View getView(String viewName) {
            if (PersonnelView.ID.equals(viewName)) {
                return personnelView();
            }
            return ui.services().views().find(viewName, actor).map(this::create).orElse(null);
        }

        private View create(ViewRegistry.Entry entry) {
            Component component;
            try {
                component = entry.view().create(new ConsoleContextImpl(ui, actor));
            } catch (RuntimeException e) {
                LOG.error("console view {} failed to create its component", entry.id(), e);
                component = new Label(m.get("view.failed", entry.id()));
            }
            return new PluginView(component);
        }
    }

    /** A plug-in's component as a navigator view. */
    static final class PluginView extends VerticalLayout implements View {
        private static final long serialVersionUID = 1L;
        private final Component component;

        PluginView(Component component) {
            this.component = component;
            setWidth("100%");
            setMargin(false);
            addComponent(component);
            if (component.getHeightUnits() == Unit.PERCENTAGE) {
                // A full-height plug-in fills the content area; others grow and scroll.
                setHeight("100%");
                setExpandRatio(component, 1);
            }
        }

        /** A plug-in component that is a View learns the fragment's parameters ({@code #!cases/12} → "12"). */
        @Override
        public void enter(ViewChangeListener.ViewChangeEvent event) {
            if (component instanceof View view) {
                view.enter(event);
            }
        }
    }
}
