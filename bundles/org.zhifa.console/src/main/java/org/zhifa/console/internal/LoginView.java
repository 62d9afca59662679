package org.zhifa.console.internal;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;

import com.vaadin.event.ShortcutAction.KeyCode;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Panel;
import com.vaadin.ui.PasswordField;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** The login form: user name and password against the JAAS realm; staff roles only. */
final class LoginView extends VerticalLayout {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LoginView.class);

    private final ConsoleUI ui;
    private final Messages m;
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label error = new Label();

    LoginView(ConsoleUI ui) {
        this.ui = ui;
        this.m = ui.messages();
        setSizeFull();
        addStyleName("zhifa-login");

        BureauInfo bureau = ui.services().bureau().get();
        Label title = new Label(bureau == null ? m.get("app.title") : bureau.name());
        title.addStyleName(ValoTheme.LABEL_H2);
        Label subtitle = new Label(m.get("login.title"));
        subtitle.addStyleName(ValoTheme.LABEL_COLORED);

        username.setId("login-username");
        username.setCaption(m.get("login.username"));
        username.focus();
        password.setId("login-password");
        password.setCaption(m.get("login.password"));

        Button submit = new Button(m.get("login.submit"), e -> submit());
        submit.setId("login-submit");
        submit.addStyleName(ValoTheme.BUTTON_PRIMARY);
        submit.setClickShortcut(KeyCode.ENTER);

        error.setId("login-error");
        error.addStyleName("zhifa-login-error");
        error.addStyleName(ValoTheme.LABEL_FAILURE);
        error.setVisible(false);

        FormLayout form = new FormLayout(username, password, submit);
        form.setMargin(false);

        VerticalLayout box = new VerticalLayout(title, subtitle, form, error, languageSwitch(ui));
        box.setWidth("420px");
        Panel panel = new Panel(box);
        panel.setWidthUndefined();
        addComponent(panel);
        setComponentAlignment(panel, Alignment.MIDDLE_CENTER);
    }

    /** The 中文 / English switch; shared by the login form and the header. */
    static HorizontalLayout languageSwitch(ConsoleUI ui) {
        Button zh = new Button("中文", e -> ui.switchLocale(Messages.ZH));
        zh.setId("lang-zh");
        Button en = new Button("English", e -> ui.switchLocale(Messages.EN));
        en.setId("lang-en");
        for (Button b : new Button[] {zh, en}) {
            b.addStyleName(ValoTheme.BUTTON_LINK);
            b.addStyleName(ValoTheme.BUTTON_SMALL);
        }
        (ui.messages().english() ? en : zh).setEnabled(false);
        HorizontalLayout layout = new HorizontalLayout(zh, en);
        layout.setSpacing(false);
        return layout;
    }

    private void submit() {
        String user = username.getValue().strip();
        char[] secret = password.getValue().toCharArray();
        password.clear();
        Actor actor;
        try {
            actor = ui.services().authenticator().authenticate(user, secret).orElse(null);
        } catch (RuntimeException e) {
            LOG.error("login of {} failed unexpectedly", user, e);
            showError(m.get("login.unavailable"));
            return;
        }
        if (actor == null) {
            showError(m.get("login.failed"));
            return;
        }
        if (!actor.isStaff()) {
            showError(m.get("login.notStaff"));
            return;
        }
        LOG.info("console login: {} {}", actor.user(), actor.roles());
        ui.loggedIn(actor);
    }

    private void showError(String message) {
        error.setValue(message);
        error.setVisible(true);
        password.focus();
    }
}
