package org.zhifa.console.spi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.console.internal.Messages;

import com.vaadin.ui.Label;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The one way a contributed view reports a refusal: the service's message in the user's language in a red
 * label of the form (hidden until a refusal happens) and as a red notification; anything else is logged and
 * shown as the console's "internal error" text. Nothing else happens after a refusal.
 *
 * @since 1.4
 */
public final class Refusals {

    private static final Logger LOG = LoggerFactory.getLogger(Refusals.class);

    private Refusals() {}

    /** A red label for a form's refusals, hidden until one happens. */
    public static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.addStyleName(ValoTheme.LABEL_FAILURE);
        l.setWidth("100%");
        l.setVisible(false);
        return l;
    }

    /** Runs a write; true when it went through, else the refusal shows in {@code error} (may be null). */
    public static boolean act(ConsoleContext context, Label error, Runnable action) {
        Messages m = Messages.of(context.locale());
        String message;
        try {
            action.run();
            if (error != null) {
                error.setVisible(false);
            }
            return true;
        } catch (ZhifaException e) {
            message = m.error(e);
        } catch (RuntimeException e) {
            LOG.error("console action failed", e);
            message = m.get("error.unexpected");
        }
        if (error != null) {
            error.setValue(message);
            error.setVisible(true);
        }
        context.notify(message, true);
        return false;
    }

    /** The message of a refusal in the user's language. */
    public static String message(ConsoleContext context, ZhifaException e) {
        return Messages.of(context.locale()).error(e);
    }
}
