package org.zhifa.console.internal;

import com.vaadin.server.Page;
import com.vaadin.shared.Position;
import com.vaadin.ui.Notification;

/** Notifications with stable style names, so browser tests can find them. */
final class Notifications {

    static final String ERROR_STYLE = "zhifa-error";
    static final String INFO_STYLE = "zhifa-info";

    private Notifications() {}

    static void error(String message) {
        error(Page.getCurrent(), message);
    }

    /** For code that runs outside a request of the page (a download, a background thread with the lock). */
    static void error(Page page, String message) {
        if (page == null) {
            // no page: nothing to show it on (unit tests build views without a browser)
            return;
        }
        Notification n = new Notification(message, Notification.Type.ERROR_MESSAGE);
        n.setStyleName(n.getStyleName() + " " + ERROR_STYLE);
        n.setHtmlContentAllowed(false);
        n.setPosition(Position.TOP_CENTER);
        // Stays until clicked so nobody misses it; a later action closes it anyway.
        n.setDelayMsec(-1);
        n.show(page);
    }

    static void info(String message) {
        if (Page.getCurrent() == null) {
            return;
        }
        Notification n = new Notification(message, Notification.Type.TRAY_NOTIFICATION);
        n.setStyleName(n.getStyleName() + " success " + INFO_STYLE);
        n.setHtmlContentAllowed(false);
        n.setPosition(Position.BOTTOM_RIGHT);
        n.setDelayMsec(3000);
        n.show(Page.getCurrent());
    }
}
