package org.zhifa.api.kind;

import java.util.Locale;
import java.util.Set;

import org.zhifa.api.common.ZhifaException;

/**
 * The texts of a kind plug-in, read from its resource bundles ({@code baseName}.properties is zh-CN,
 * the default; {@code baseName}_en.properties English), and the procedure parts titled from them, so
 * every kind names its steps, transitions, fields and timers the same way:
 * {@code kind.title}, {@code step.<id>}, {@code transition.<id>}, {@code field.<name>},
 * {@code timer.<id>} and {@code timer.<id>.basis}. Refusal codes are message keys too.
 */
public final class KindTexts {

    private final String baseName;
    private final ClassLoader loader;

    public KindTexts(String baseName, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
    }

    public String zh(String key, Object... args) {
        return ZhifaException.text(baseName, loader, Locale.ROOT, key, args);
    }

    public String en(String key, Object... args) {
        return ZhifaException.text(baseName, loader, Locale.ENGLISH, key, args);
    }

    public String text(Locale locale, String key, Object... args) {
        return "en".equals(locale.getLanguage()) ? en(key, args) : zh(key, args);
    }

    public Step step(String id) {
        return Step.of(id, zh("step." + id), en("step." + id));
    }

    public Transition transition(String id, String from, String to, FieldDef... fields) {
        return Transition.of(id, from, to, zh("transition." + id), en("transition." + id), fields);
    }

    public FieldDef required(String name, FieldDef.Type type) {
        return FieldDef.required(name, type, zh("field." + name), en("field." + name));
    }

    public FieldDef optional(String name, FieldDef.Type type) {
        return FieldDef.optional(name, type, zh("field." + name), en("field." + name));
    }

    public FieldDef choice(String name, boolean required, String... options) {
        return FieldDef.choice(name, required, zh("field." + name), en("field." + name), options);
    }

    public TimerRule timer(String id, String startStep, String startField, Set<String> stopSteps, int length,
                           TimerRule.DayCount count) {
        return new TimerRule(id, zh("timer." + id), en("timer." + id), startStep, startField, stopSteps, length,
                count, zh("timer." + id + ".basis"));
    }

    /** A refusal whose code is its message key. */
    public ZhifaException error(ZhifaException.Kind kind, String code, String field, Object... args) {
        return ZhifaException.of(kind, code, field, baseName, loader, args);
    }
}
