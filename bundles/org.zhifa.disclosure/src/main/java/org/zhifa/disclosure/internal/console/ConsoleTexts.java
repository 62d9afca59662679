package org.zhifa.disclosure.internal.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.ItemStatus;

import com.vaadin.server.Page;
import com.vaadin.ui.UI;

/**
 * Texts of the disclosure console ({@code messages.properties} zh-CN, the default; {@code messages_en}
 * English). Its views report refusals through the console SPI's {@link org.zhifa.console.spi.Refusals}.
 */
final class ConsoleTexts {

    static final String BASE = "org.zhifa.disclosure.internal.console.messages";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Times are shown as the bureau sees them. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Row and cell styles: the console's own red and amber, plus the preview's masks. */
    static final String LATE = "zhifa-disc-late";
    static final String SOON = "zhifa-disc-soon";
    static final String CSS = String.join("\n",
            ".v-grid-row." + LATE + ":not(.v-grid-row-selected) > td { background-color: #fdecea; color: #b71c1c; }",
            ".v-grid-row." + SOON + ":not(.v-grid-row-selected) > td { background-color: #fff4e0; color: #8a5300; }",
            ".v-grid-cell.zhifa-disc-flag-late { background-color: #c62828; color: #fff; font-weight: 600; }",
            ".v-grid-cell.zhifa-disc-flag-soon { background-color: #ffb300; color: #3e2723; font-weight: 600; }",
            ".zhifa-disc-text { white-space: pre-wrap; word-break: break-all; border: 1px solid #dde1e6;"
                    + " padding: 8px; background: #fff; min-height: 120px; max-height: 420px; overflow: auto;"
                    + " font-family: inherit; line-height: 1.6; }",
            ".zhifa-disc-text mark { background-color: #263238; color: #fff; padding: 0 2px; border-radius: 2px; }",
            ".zhifa-disc-text mark.zhifa-disc-manual { background-color: #6a1b9a; }",
            ".zhifa-disc-facts { white-space: pre-wrap; line-height: 1.7; }",
            ".zhifa-disc-alarm { background-color: #c62828; padding: 6px 16px; }",
            ".zhifa-disc-alarm .v-label { color: #fff; font-weight: 600; white-space: normal; }",
            ".zhifa-disc-withheld { background-color: #fff4e0; color: #8a5300; border: 1px solid #ffcc80;"
                    + " padding: 8px 12px; font-weight: 600; white-space: normal; }");
    private static final String CSS_ADDED = "zhifa.disclosure.css.";

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

    static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    String status(ItemStatus s) {
        return s == null ? "" : get("status." + s.name());
    }

    /** A withdrawal was asked for and the item is still up. */
    static boolean withdrawalDue(DisclosureItem i) {
        return i.withdrawalDueOn() != null && i.status() == ItemStatus.PUBLISHED;
    }

    /** The flag column: 逾期 / 即将到期 / 待撤回 (with its day), empty for none. */
    String flags(DisclosureItem i) {
        StringBuilder s = new StringBuilder();
        if (i.late()) {
            s.append(get("flag.late"));
        } else if (i.dueSoon()) {
            s.append(get("flag.soon"));
        }
        if (withdrawalDue(i)) {
            if (s.length() > 0) {
                s.append(get("list.separator"));
            }
            s.append(get("flag.withdrawal", date(i.withdrawalDueOn())));
        }
        return s.toString();
    }

    static String rowStyle(DisclosureItem i) {
        return i.late() ? LATE : i.dueSoon() ? SOON : null;
    }

    static String flagStyle(DisclosureItem i) {
        return i.late() ? "zhifa-disc-flag-late" : i.dueSoon() ? "zhifa-disc-flag-soon" : null;
    }

    /** Adds the styles of this bundle to the page once per browser page. */
    static void styles(UI ui) {
        if (ui == null || ui.getSession() == null) {
            return;
        }
        String key = CSS_ADDED + ui.getUIId();
        if (ui.getSession().getAttribute(key) == null) {
            ui.getSession().setAttribute(key, Boolean.TRUE);
            Page page = ui.getPage();
            if (page != null) {
                page.getStyles().add(CSS);
            }
        }
    }

    /** A refusal of the console itself (a field it can check before the service), in both languages. */
    static ZhifaException invalid(String code, String field, Object... args) {
        return new ZhifaException(ZhifaException.Kind.INVALID, code, text(Locale.ROOT, code, args),
                text(Locale.ENGLISH, code, args), field);
    }
}
