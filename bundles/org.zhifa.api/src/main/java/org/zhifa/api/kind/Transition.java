package org.zhifa.api.kind;

import java.util.List;
import java.util.Set;

/**
 * A move between two steps, with the fields it records.
 *
 * @param roles   roles of which the actor needs one (empty = any 执法人员 or 负责人)
 * @param variant which procedure may take it: both, only the simple (当场) one, or only the ordinary one
 */
public record Transition(String id, String from, String to, String titleZh, String titleEn,
                         List<FieldDef> fields, Set<String> roles, Variant variant) {

    /** 简易程序 (simple, on-the-spot) vs 普通程序 (ordinary) procedure. */
    public enum Variant { ANY, SIMPLE, ORDINARY }

    public Transition {
        fields = List.copyOf(fields);
        roles = Set.copyOf(roles);
    }

    public static Transition of(String id, String from, String to, String titleZh, String titleEn,
                                FieldDef... fields) {
        return new Transition(id, from, to, titleZh, titleEn, List.of(fields), Set.of(), Variant.ANY);
    }

    public Transition roles(String... r) {
        return new Transition(id, from, to, titleZh, titleEn, fields, Set.of(r), variant);
    }

    public Transition variant(Variant v) {
        return new Transition(id, from, to, titleZh, titleEn, fields, roles, v);
    }

    public String title(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleZh;
    }
}
