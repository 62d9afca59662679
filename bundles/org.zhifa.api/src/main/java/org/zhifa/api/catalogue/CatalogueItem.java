package org.zhifa.api.catalogue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of a catalogue: its number (1-based, in order) and its values by the field keys of its
 * {@link CatalogueType}. Values are plain text, never markup.
 */
public record CatalogueItem(int no, Map<String, String> values) {
    public CatalogueItem {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    public String value(String key) {
        String v = values.get(key);
        return v == null ? "" : v;
    }
}
