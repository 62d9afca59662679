package org.zhifa.console.internal;

import java.util.Locale;

import org.zhifa.api.common.Actor;
import org.zhifa.console.spi.ConsoleContext;

import com.vaadin.ui.UI;

/** The browser session as a plug-in view sees it. */
final class ConsoleContextImpl implements ConsoleContext {

    private final UI ui;
    private final Actor actor;

    ConsoleContextImpl(UI ui, Actor actor) {
        this.ui = ui;
        this.actor = actor;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Locale locale() {
        return Messages.supported(ui.getLocale());
    }

    @Override
    public void notify(String message, boolean error) {
        Runnable show = () -> {
            if (error) {
                Notifications.error(message);
            } else {
                Notifications.info(message);
            }
        };
        // Plug-ins may call from a background thread; then the session must be locked first.
        if (UI.getCurrent() == ui && ui.getSession() != null && ui.getSession().hasLock()) {
            show.run();
        } else if (ui.isAttached()) {
            ui.access(show);
        }
    }
}
