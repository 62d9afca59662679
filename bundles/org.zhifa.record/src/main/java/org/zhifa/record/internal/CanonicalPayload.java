package org.zhifa.record.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.zhifa.api.record.CanonicalJson;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * Re-serialises a payload as canonical JSON: object keys sorted by UTF-16 code units (as RFC 8785),
 * no insignificant white space, strings escaped only where RFC 8259 requires ({@link CanonicalJson#string}),
 * numbers as written but without exponent ({@code 1E+3} → {@code 1000}, {@code 1.50} stays). Canonical
 * input comes out unchanged, so anyone re-canonicalising an exported payload gets the same bytes.
 */
final class CanonicalPayload {
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(100).build())
            .build();

    private CanonicalPayload() {}

    /** @throws IllegalArgumentException unless {@code json} is one well-formed JSON object without duplicate keys */
    static String of(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the payload is not a JSON object");
            }
            StringBuilder b = new StringBuilder(json.length());
            value(p, t, b);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("text after the payload's object");
            }
            return b.toString();
        } catch (IOException e) {
            throw new IllegalArgumentException("the payload is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private static void value(JsonParser p, JsonToken t, StringBuilder b) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                Map<String, String> members = new TreeMap<>();
                while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
                    String name = p.currentName();
                    StringBuilder v = new StringBuilder();
                    value(p, p.nextToken(), v);
                    members.put(name, v.toString());
                }
                b.append('{');
                boolean first = true;
                for (Map.Entry<String, String> m : members.entrySet()) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    CanonicalJson.string(b, m.getKey());
                    b.append(':').append(m.getValue());
                }
                b.append('}');
            }
            case START_ARRAY -> {
                b.append('[');
                boolean first = true;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (!first) {
                        b.append(',');
                    }
                    first = false;
                    value(p, t, b);
                }
                b.append(']');
            }
            case VALUE_STRING -> CanonicalJson.string(b, p.getText());
            case VALUE_NUMBER_INT -> b.append(p.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> b.append(new BigDecimal(p.getText()).toPlainString());
            case VALUE_TRUE -> b.append("true");
            case VALUE_FALSE -> b.append("false");
            case VALUE_NULL -> b.append("null");
            default -> throw new IllegalArgumentException("unexpected JSON token " + t);
        }
    }
}
