package org.zhifa.catalogue.internal.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.console.spi.ConsoleContext;

import com.vaadin.ui.Label;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Texts of the catalogue console ({@code messages.properties} zh-CN, the default; {@code messages_en} English)
 * and the one way it reports a refusal: the message in a red label and a red notification.
 */
final class ConsoleTexts {
    static final String BASE = "org.zhifa.catalogue.internal.console.messages";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleTexts.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final boolean english;

    ConsoleTexts(Locale locale) {
        this.english = locale != null && "en".equals(locale.getLanguage());
    }

    static String text(Locale locale, String key, Object... args) {
        return new ConsoleTexts(locale).get(key, args);
    }

    boolean english() {
        return english;
    }

    String get(String key, Object... args) {
        return ZhifaException.text(BASE, ConsoleTexts.class.getClassLoader(), english ? Locale.ENGLISH : Locale.ROOT,
                key, args);
    }

    /** Texts shared with the service (type titles, field labels, statuses). */
    String domain(String key, Object... args) {
        return org.zhifa.catalogue.internal.Messages.text(english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE, key,
                args);
    }

    String field(org.zhifa.api.catalogue.CatalogueType type, String key) {
        return org.zhifa.catalogue.internal.Messages.field(english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE, type,
                key);
    }

    String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ZONE));
    }

    static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.addStyleName(ValoTheme.LABEL_FAILURE);
        l.setWidth("100%");
        l.setVisible(false);
        return l;
    }

    /** Runs a write; a refusal shows in {@code error} and as a red notification, nothing else happens. */
    boolean act(ConsoleContext context, Label error, Runnable action) {
        try {
            action.run();
            error.setVisible(false);
            return true;
        } catch (ZhifaException e) {
            show(context, error, english ? e.messageEn() : e.messageZh());
        } catch (RuntimeException e) {
            LOG.error("catalogue console action failed", e);
            show(context, error, get("error.unexpected"));
        }
        return false;
    }

    private static void show(ConsoleContext context, Label error, String message) {
        error.setValue(message);
        error.setVisible(true);
        context.notify(message, true);
    }

    /** A refusal of the console itself, in both languages. */
    static ZhifaException invalid(String code) {
        return new ZhifaException(ZhifaException.Kind.INVALID, code, text(Locale.ROOT, code),
                text(Locale.ENGLISH, code), null);
    }
}
