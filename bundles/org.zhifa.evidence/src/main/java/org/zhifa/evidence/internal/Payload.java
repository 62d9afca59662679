package org.zhifa.evidence.internal;

import java.time.Instant;
import java.util.Collection;

import org.zhifa.api.record.CanonicalJson;

/** The JSON facts of a record entry, keys in the order given (the record canonicalises them). */
final class Payload {

    private Payload() {}

    /** {@code key, value, key, value …}; values: strings, numbers, booleans, instants, collections, null. */
    static String of(Object... keyValues) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < keyValues.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            CanonicalJson.string(b, (String) keyValues[i]);
            b.append(':');
            value(b, keyValues[i + 1]);
        }
        return b.append('}').toString();
    }

    private static void value(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Instant at) {
            CanonicalJson.string(b, CanonicalJson.instant(at));
        } else if (v instanceof Collection<?> c) {
            b.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                value(b, o);
            }
            b.append(']');
        } else {
            CanonicalJson.string(b, v.toString());
        }
    }
}
