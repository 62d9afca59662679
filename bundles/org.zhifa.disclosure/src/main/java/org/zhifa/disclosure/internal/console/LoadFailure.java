package org.zhifa.disclosure.internal.console;

import org.slf4j.Logger;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.console.spi.ConsoleContext;

import com.vaadin.ui.Label;

/**
 * A lazy grid's load failure shown once per filter, not once per page the grid asks for: the refusal's own
 * message, or "unexpected" (logged) for anything else, in the panel's error label and a notification.
 */
final class LoadFailure {
    private final Label error;
    private final ConsoleTexts m;
    private final ConsoleContext context;
    private final Logger log;
    private final String what;
    private boolean shown;

    LoadFailure(Label error, ConsoleTexts m, ConsoleContext context, Logger log, String what) {
        this.error = error;
        this.m = m;
        this.context = context;
        this.log = log;
        this.what = what;
    }

    /** A new filter or a refresh: its first failure shows again. */
    void reset() {
        shown = false;
    }

    void show(RuntimeException e) {
        if (shown) {
            return;
        }
        shown = true;
        String message;
        if (e instanceof ZhifaException z) {
            message = m.message(z);
        } else {
            log.error("loading {} failed", what, e);
            message = m.get("error.unexpected");
        }
        error.setValue(message);
        error.setVisible(true);
        context.notify(message, true);
    }
}
