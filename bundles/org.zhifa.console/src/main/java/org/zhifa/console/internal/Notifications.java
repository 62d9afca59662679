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
        Notification n = new Notification(message, Notification.Type.ERROR_MESSAGE);
        n.setStyleName(n.getStyleName() + " " + ERROR_STYLE);
        n.setHtmlContentAllowed(false);
        n.setPosition(Position.TOP_CENTER);
        // Stays until clicked so nobody misses it; a later action closes it anyway.
        n.setDelayMsec(-1);
        n.show(Page.getCurrent());
    }

    static void info(String message) {
        Notification n = new Notification(message, Notification.Type.TRAY_NOTIFICATION);
        n.setStyleName(n.getStyleName() + " success " + INFO_STYLE);
        n.setHtmlContentAllowed(false);
        n.setPosition(Position.BOTTOM_RIGHT);
        n.setDelayMsec(3000);
        n.show(Page.getCurrent());
    }
}
