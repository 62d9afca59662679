package org.zhifa.legalreview.internal.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.legalreview.MajorEvaluation;
import org.zhifa.console.spi.ConsoleContext;

import com.vaadin.ui.Label;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Texts of the legal-review console ({@code messages.properties} zh-CN, the default; {@code messages_en}
 * English) and the one way its views report a refusal: the message in a red label of the form and a
 * red notification.
 */
final class ConsoleTexts {

    static final String BASE = "org.zhifa.legalreview.internal.console.messages";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleTexts.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Times are shown as the bureau sees them. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The console's red row (its stylesheet marks expired certificates with it). */
    static final String OVERDUE_ROW = "zhifa-expired";

    private final Locale locale;
    private final boolean english;

    ConsoleTexts(Locale locale) {
        this.english = locale != null && "en".equals(locale.getLanguage());
        this.locale = english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    static String text(Locale locale, String key, Object... args) {
        return new ConsoleTexts(locale).get(key, args);
    }

    Locale locale() {
        return locale;
    }

    boolean english() {
        return english;
    }

    String get(String key, Object... args) {
        return ZhifaException.text(BASE, ConsoleTexts.class.getClassLoader(), english ? Locale.ENGLISH : Locale.ROOT,
                key, args);
    }

    String message(ZhifaException e) {
        return english ? e.messageEn() : e.messageZh();
    }

    String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ZONE));
    }

    /** 重大 / 不属于重大, and why. */
    String verdict(MajorEvaluation e) {
        if (e == null) {
            return "";
        }
        String head = get(e.major() ? "eval.major" : e.reviewRequired() ? "eval.reviewAll" : "eval.notMajor",
                e.catalogueVersion(), String.valueOf(e.effectiveFrom()));
        String why = english ? e.explainEn() : e.explainZh();
        return why.isBlank() ? head : head + get("label.separator") + why;
    }

    /** A red label for a form's refusals, hidden until one happens. */
    static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.addStyleName(ValoTheme.LABEL_FAILURE);
        l.setWidth("100%");
        l.setVisible(false);
        return l;
    }

    /** Runs a write; a refusal shows in {@code error} (may be null) and as a red notification, nothing else. */
    boolean act(ConsoleContext context, Label error, Runnable action) {
        try {
            action.run();
            if (error != null) {
                error.setVisible(false);
            }
            return true;
        } catch (ZhifaException e) {
            show(context, error, message(e));
        } catch (RuntimeException e) {
            LOG.error("legal-review console action failed", e);
            show(context, error, get("error.unexpected"));
        }
        return false;
    }

    private static void show(ConsoleContext context, Label error, String message) {
        if (error != null) {
            error.setValue(message);
            error.setVisible(true);
        }
        context.notify(message, true);
    }

    /** A refusal of the console itself (a field it can check before the service), in both languages. */
    static ZhifaException invalid(String code, String field, Object... args) {
        return new ZhifaException(ZhifaException.Kind.INVALID, code, text(Locale.ROOT, code, args),
                text(Locale.ENGLISH, code, args), field);
    }
}
