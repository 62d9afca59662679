package org.zhifa.spotcheck.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.zhifa.api.common.Texts;
import org.zhifa.api.spotcheck.InspectionTarget.Risk;
import org.zhifa.api.spotcheck.InspectionTarget.TargetType;
import org.zhifa.api.spotcheck.Plan;
import org.zhifa.api.spotcheck.TargetFilter;

/**
 * How the shell and the public pages name target types, risk levels, filters and plan sizes ({@code labels}
 * bundle, zh-CN default and English); typed names are read with the import's own vocabulary
 * ({@link SpotCheckServiceImpl#TYPES}, {@link SpotCheckServiceImpl#RISKS}) or the constants.
 */
public final class Labels {
    private static final Texts L = Texts.of(Labels.class, "org.zhifa.spotcheck.internal.labels");

    private Labels() {}

    public static String text(Locale locale, String key, Object... args) {
        return L.text(locale, key, args);
    }

    public static String type(Locale locale, TargetType type) {
        return L.text(locale, "type." + type.name());
    }

    public static String risk(Locale locale, Risk risk) {
        return L.text(locale, "risk." + risk.name());
    }

    /** A type from its Chinese name (as imported) or its constant (ENTERPRISE, enterprise); null when neither. */
    public static TargetType parseType(String text) {
        return parse(SpotCheckServiceImpl.TYPES, TargetType.class, text);
    }

    /** A risk level from 低/中/高(风险) or LOW/MEDIUM/HIGH; null when neither. */
    public static Risk parseRisk(String text) {
        return parse(SpotCheckServiceImpl.RISKS, Risk.class, text);
    }

    /** A target filter in words, e.g. 类型：企业；所属区域：西渡镇; "all active targets" when empty. */
    public static String filter(Locale locale, TargetFilter f) {
        String sep = L.text(locale, "list.sep");
        List<String> parts = new ArrayList<>();
        if (!f.types().isEmpty()) {
            parts.add(L.text(locale, "filter.types", f.types().stream().sorted().map(t -> type(locale, t))
                    .collect(Collectors.joining(sep))));
        }
        if (!f.areas().isEmpty()) {
            parts.add(L.text(locale, "filter.areas", f.areas().stream().sorted().collect(Collectors.joining(sep))));
        }
        if (!f.risks().isEmpty()) {
            parts.add(L.text(locale, "filter.risks", f.risks().stream().sorted().map(r -> risk(locale, r))
                    .collect(Collectors.joining(sep))));
        }
        if (!f.tags().isEmpty()) {
            parts.add(L.text(locale, "filter.tags", f.tags().stream().sorted().collect(Collectors.joining(sep))));
        }
        return parts.isEmpty() ? L.text(locale, "filter.any") : String.join(L.text(locale, "filter.sep"), parts);
    }

    /** A plan's size in words: 5%（向上取整） or 3 个. */
    public static String size(Locale locale, Plan p) {
        return p.ratio() != null
                ? L.text(locale, "size.ratio", p.ratio().multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString())
                : L.text(locale, "size.count", String.valueOf(p.count()));
    }

    private static <E extends Enum<E>> E parse(Map<String, E> names, Class<E> type, String text) {
        String t = text == null ? "" : text.strip();
        E named = names.get(t);
        if (named != null) {
            return named;
        }
        try {
            return Enum.valueOf(type, t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
