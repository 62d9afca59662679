package org.zhifa.console.internal;

import java.util.Locale;

import org.zhifa.api.common.Actor;

import com.vaadin.annotations.Theme;
import com.vaadin.navigator.Navigator;
import com.vaadin.server.VaadinRequest;
import com.vaadin.server.VaadinService;
import com.vaadin.ui.UI;

/** One browser tab of the console: the login form, or the main layout once a staff member logged in. */
@Theme("valo")
public class ConsoleUI extends UI {

    private static final long serialVersionUID = 1L;

    /** Session attribute: the language chosen with the switch; Chinese until then. */
    static final String LOCALE_ATTRIBUTE = "zhifa.console.locale";
    /** Poll so that plug-in views coming and going show without push. */
    static final int POLL_MILLIS = 1000;

    private final transient ConsoleServices services;
    private transient Messages messages;
    private transient Runnable menuListener;
    private MainLayout main;

    ConsoleUI(ConsoleServices services) {
        this.services = services;
    }

    @Override
    protected void init(VaadinRequest request) {
        Locale chosen = (Locale) getSession().getAttribute(LOCALE_ATTRIBUTE);
        applyLocale(chosen == null ? Messages.ZH : chosen);
        getPage().getStyles().add(OfficerStyles.CSS);
        menuListener = services.views().addListener(() -> access(this::viewsChanged));
        // UI.doInit navigates once init is done, so no navigation here.
        render(false);
    }

    @Override
    public void detach() {
        if (menuListener != null) {
            menuListener.run();
            menuListener = null;
        }
        super.detach();
    }

    ConsoleServices services() {
        return services;
    }

    Messages messages() {
        return messages;
    }

    Actor actor() {
        return getSession() == null ? null : getSession().getAttribute(Actor.class);
    }

    void loggedIn(Actor actor) {
        // A new HTTP session id after login (session fixation).
        VaadinService.reinitializeSession(VaadinService.getCurrentRequest());
        getSession().setAttribute(Actor.class, actor);
        render(true);
    }

    void switchLocale(Locale locale) {
        Locale supported = Messages.supported(locale);
        getSession().setAttribute(LOCALE_ATTRIBUTE, supported);
        applyLocale(supported);
        render(true);
    }

    void logout() {
        getPage().setLocation(VaadinService.getCurrentRequest().getContextPath() + ConsoleServlet.PATH + "/");
        getSession().setAttribute(Actor.class, null);
        getSession().close();
    }

    private void applyLocale(Locale locale) {
        messages = Messages.of(locale);
        setLocale(messages.locale());
        getSession().setLocale(messages.locale());
    }

    private void render(boolean navigate) {
        getPage().setTitle(messages.get("app.title"));
        Navigator old = getNavigator();
        if (old != null) {
            old.destroy();
            setNavigator(null);
        }
        Actor actor = actor();
        if (actor == null) {
            main = null;
            setPollInterval(-1);
            setContent(new LoginView(this));
        } else {
            setPollInterval(POLL_MILLIS);
            main = new MainLayout(this, actor);
            setContent(main);
            main.start(navigate);
        }
    }

    private void viewsChanged() {
        if (main != null && getContent() == main) {
            main.viewsChanged();
        }
    }
}
