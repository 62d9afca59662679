package org.zhifa.disclosure.internal.console;

import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.ui.Label;

/**
 * A lazy grid's load failure shown once per filter, not once per page the grid asks for, the way
 * {@link Refusals} shows any refusal: the refusal's own message, or "unexpected" (logged) for anything
 * else, in the panel's error label and a notification.
 */
final class LoadFailure {
    private final Label error;
    private final ConsoleContext context;
    private boolean shown;

    LoadFailure(Label error, ConsoleContext context) {
        this.error = error;
        this.context = context;
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
        Refusals.act(context, error, () -> {
            throw e;
        });
    }
}
