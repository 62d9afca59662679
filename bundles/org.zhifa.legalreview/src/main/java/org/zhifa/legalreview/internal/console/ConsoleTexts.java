package org.zhifa.legalreview.internal.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.legalreview.MajorEvaluation;


/**
 * Texts of the legal-review console ({@code messages.properties} zh-CN, the default; {@code messages_en}
 * English). Its views report refusals through the console SPI's {@link org.zhifa.console.spi.Refusals}.
 */
final class ConsoleTexts {

    static final String BASE = "org.zhifa.legalreview.internal.console.messages";
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

    /** A refusal of the console itself (a field it can check before the service), in both languages. */
    static ZhifaException invalid(String code, String field, Object... args) {
        return new ZhifaException(ZhifaException.Kind.INVALID, code, text(Locale.ROOT, code, args),
                text(Locale.ENGLISH, code, args), field);
    }
}
