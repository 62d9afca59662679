package org.zhifa.console.spi;

import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;

/** What a contributed view knows of the browser session it is shown in. */
@ProviderType
public interface ConsoleContext {

    /** The logged-in user; every write a view makes is attributed to it. */
    Actor actor();

    Locale locale();

    /** Shows a notification: green for information, red for an error. */
    void notify(String message, boolean error);
}
