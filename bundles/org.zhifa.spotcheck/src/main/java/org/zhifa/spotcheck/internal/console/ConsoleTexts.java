package org.zhifa.spotcheck.internal.console;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.Texts;
import org.zhifa.api.common.ZhifaException;

import com.vaadin.ui.Button;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Texts of the random-inspection console ({@code messages.properties} zh-CN, the default; {@code messages_en}
 * English), and who may do what, the way the service decides it (the service stays the judge).
 */
final class ConsoleTexts {

    private static final Texts T = Texts.of(ConsoleTexts.class, "org.zhifa.spotcheck.internal.console.messages");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Times are shown as the bureau sees them. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Locale locale;

    ConsoleTexts(Locale locale) {
        this.locale = locale;
    }

    String get(String key, Object... args) {
        return T.text(locale, key, args);
    }

    /** The caption of an enum constant: {@code <prefix>.<NAME>}. */
    String of(String prefix, Enum<?> value) {
        return value == null ? "" : get(prefix + "." + value.name());
    }

    String time(Instant at) {
        return at == null ? "" : TIME.format(at.atZone(ZONE));
    }

    /** Keeps the pools and plans (负责人, 管理员). */
    static boolean keeper(Actor actor) {
        return actor.has(Roles.LEADER) || actor.has(Roles.ADMIN);
    }

    /** Announces, makes and redraws draws (负责人). */
    static boolean drawer(Actor actor) {
        return actor.has(Roles.LEADER);
    }

    /** A refusal of the console itself (a field it checks before the service), in both languages. */
    static ZhifaException invalid(String code, String field, Object... args) {
        return T.invalid(code, field, args);
    }

    /** Free labels typed with commas, 、 or ； between them. */
    static Set<String> list(String typed) {
        if (typed == null || typed.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(typed.split("[,，、;；]")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static String join(Set<String> values) {
        return String.join("、", values);
    }

    /** A modal window with its id and width, not yet shown. */
    static Window window(String caption, String id, String width) {
        Window w = new Window(caption);
        w.setId(id);
        w.setModal(true);
        w.setWidth(width);
        return w;
    }

    /** The window's primary button and a cancel button that closes it: ids {@code <prefix>-save}, {@code -cancel}. */
    HorizontalLayout saveCancel(Window w, String prefix, Button save) {
        save.setId(prefix + "-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(get("form.cancel"), e -> w.close());
        cancel.setId(prefix + "-cancel");
        return new HorizontalLayout(save, cancel);
    }

    static Label heading(String text, String style) {
        Label l = new Label(text);
        l.addStyleName(style);
        l.addStyleName(ValoTheme.LABEL_NO_MARGIN);
        return l;
    }
}
