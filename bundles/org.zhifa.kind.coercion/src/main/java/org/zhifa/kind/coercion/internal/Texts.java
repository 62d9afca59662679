package org.zhifa.kind.coercion.internal;

import java.util.Locale;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.Transition;

/**
 * Texts of this bundle ({@code messages.properties} zh-CN, the default; {@code messages_en} English)
 * and the procedure parts titled from them: {@code step.<id>}, {@code transition.<id>},
 * {@code field.<name>}, {@code timer.<id>}; refusal codes double as message keys.
 */
final class Texts {

    static final String BASE = "org.zhifa.kind.coercion.internal.messages";

    private Texts() {}

    static String zh(String key, Object... args) {
        return ZhifaException.text(BASE, Texts.class.getClassLoader(), Locale.ROOT, key, args);
    }

    static String en(String key, Object... args) {
        return ZhifaException.text(BASE, Texts.class.getClassLoader(), Locale.ENGLISH, key, args);
    }

    static Step step(String id) {
        return Step.of(id, zh("step." + id), en("step." + id));
    }

    static Transition transition(String id, String from, String to, FieldDef... fields) {
        return Transition.of(id, from, to, zh("transition." + id), en("transition." + id), fields);
    }

    static FieldDef required(String name, FieldDef.Type type) {
        return FieldDef.required(name, type, zh("field." + name), en("field." + name));
    }

    static FieldDef optional(String name, FieldDef.Type type) {
        return FieldDef.optional(name, type, zh("field." + name), en("field." + name));
    }

    static FieldDef choice(String name, boolean required, String... options) {
        return FieldDef.choice(name, required, zh("field." + name), en("field." + name), options);
    }

    static ZhifaException conflict(String code, Object... args) {
        return ZhifaException.of(ZhifaException.Kind.CONFLICT, code, null, BASE, Texts.class.getClassLoader(), args);
    }

    static ZhifaException invalid(String code, String field, Object... args) {
        return ZhifaException.of(ZhifaException.Kind.INVALID, code, field, BASE, Texts.class.getClassLoader(), args);
    }
}
