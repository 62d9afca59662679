package org.zhifa.cases.internal;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.zhifa.api.record.CanonicalJson;

/** The facts of a record entry as a JSON object, keys sorted (the record keeps its canonical form). */
final class Payload {
    private final Map<String, Object> values = new TreeMap<>();

    /** Adds a value: null, a string, a number, a boolean, a map, a collection or another payload. */
    Payload put(String key, Object value) {
        values.put(key, value);
        return this;
    }

    String json() {
        StringBuilder b = new StringBuilder(256);
        write(b, values);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Payload p) {
            write(b, p.values);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
            b.append(v);
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                CanonicalJson.string(b, String.valueOf(e.getKey()));
                b.append(':');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof Collection<?> c) {
            b.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                write(b, o);
            }
            b.append(']');
        } else {
            // dates, amounts and everything else as their text: no float rounding in the record
            CanonicalJson.string(b, v.toString());
        }
    }
}
