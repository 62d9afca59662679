package org.zhifa.console.spi;

import java.util.Locale;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

import com.vaadin.ui.Component;

/**
 * A view of the staff console with its menu entry. Register an implementation as an OSGi service
 * with the property {@link #PROPERTY_VIEW} (a unique, URL-safe view id, e.g. {@code calendar});
 * the console adds the menu entry to every open browser session when the service appears and
 * removes it when the service goes away. {@code service.ranking} orders the menu (higher first).
 */
@ConsumerType
public interface ConsoleView {

    /** Service property: the view id, used in the URL fragment ({@code #!calendar}). */
    String PROPERTY_VIEW = "zhifa.console.view";

    /** The menu caption in the given locale (zh-CN default, English second). */
    String title(Locale locale);

    /** Roles of which the user needs at least one to see the entry; empty = any staff. */
    Set<String> roles();

    /**
     * A new view component for one browser session. Called in the UI thread with the session locked.
     * A component that also implements {@link com.vaadin.navigator.View} has its {@code enter} called
     * on every navigation to it; the event's parameters are what follows the view id in the fragment
     * ({@code #!cases/12} gives "12").
     */
    Component create(ConsoleContext context);
}
