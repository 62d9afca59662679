package org.zhifa.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Case field values arrive as JSON scalars (a fine as 200.01 or "200.01", a flag as true or "true"); the
 * engine takes their text and checks them against the kind's field definitions. Objects and arrays are
 * refused here, so no value is ever the text of a structure.
 */
final class FieldValues {
    private FieldValues() {}

    static Map<String, String> text(Map<String, JsonNode> in) {
        Map<String, String> out = new LinkedHashMap<>();
        if (in == null) {
            return out;
        }
        in.forEach((name, v) -> {
            if (v == null || v.isNull() || v.isMissingNode()) {
                return; // absent: the engine decides whether it was required
            }
            if (v.isTextual()) {
                out.put(name, v.textValue());
            } else if (v.isBoolean()) {
                out.put(name, Boolean.toString(v.booleanValue()));
            } else if (v.isIntegralNumber()) {
                out.put(name, v.bigIntegerValue().toString());
            } else if (v.isNumber()) {
                out.put(name, v.decimalValue().toPlainString());
            } else {
                throw Params.invalidBody("WRONG_TYPE", "fields." + name, "fields." + name);
            }
        });
        return out;
    }
}
