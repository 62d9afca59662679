package org.zhifa.catalogue.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zhifa.api.catalogue.CatalogueDraft;
import org.zhifa.api.catalogue.CatalogueItem;
import org.zhifa.api.catalogue.CatalogueType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Items as JSON (stored and sent over REST), their checks and their hash. */
final class Items {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_ITEMS = 2000;
    static final int MAX_VALUE = 4000;
    static final int MAX_NOTE = 2000;

    private Items() {}

    /**
     * The items checked against the type: only its field keys, required ones filled, no control characters,
     * values stripped; numbered 1, 2, 3 … in order.
     */
    static List<CatalogueItem> checked(CatalogueType type, List<CatalogueItem> items) {
        if (items == null || items.isEmpty()) {
            throw Messages.invalid("CATALOGUE_ITEMS_EMPTY", "items");
        }
        if (items.size() > MAX_ITEMS) {
            throw Messages.invalid("CATALOGUE_ITEMS_TOO_MANY", "items", MAX_ITEMS);
        }
        List<CatalogueItem> out = new ArrayList<>();
        for (CatalogueItem item : items) {
            int no = out.size() + 1;
            Map<String, String> values = new LinkedHashMap<>();
            for (String key : item.values().keySet()) {
                if (!type.fields().contains(key)) {
                    throw Messages.invalid("CATALOGUE_FIELD_UNKNOWN", "items[" + no + "]." + key, no, key);
                }
            }
            for (String key : type.fields()) {
                String v = item.values().get(key);
                v = v == null ? "" : v.strip();
                if (v.length() > MAX_VALUE) {
                    throw Messages.invalid("CATALOGUE_FIELD_TOO_LONG", "items[" + no + "]." + key, no,
                            Messages.fieldZh(type, key), MAX_VALUE);
                }
                if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
                    throw Messages.invalid("CATALOGUE_FIELD_CONTROL", "items[" + no + "]." + key, no,
                            Messages.fieldZh(type, key));
                }
                if (v.isEmpty() && type.required().contains(key)) {
                    throw Messages.invalid("CATALOGUE_FIELD_REQUIRED", "items[" + no + "]." + key, no,
                            Messages.fieldZh(type, key), Messages.field(java.util.Locale.ENGLISH, type, key));
                }
                values.put(key, v.replace("\r\n", "\n"));
            }
            out.add(new CatalogueItem(no, values));
        }
        return out;
    }

    static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String n = note.strip();
        if (n.length() > MAX_NOTE) {
            throw Messages.invalid("FIELD_TOO_LONG", "note", "note", MAX_NOTE);
        }
        return n;
    }

    static String write(List<CatalogueItem> items) {
        ArrayNode a = JSON.createArrayNode();
        for (CatalogueItem i : items) {
            ObjectNode o = a.addObject();
            i.values().forEach(o::put);
        }
        try {
            return JSON.writeValueAsString(a);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<CatalogueItem> read(String json) {
        try {
            return items(JSON.readTree(json), "items");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored catalogue items unreadable", e);
        }
    }

    static String hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Items from a JSON array of objects of text values (REST bodies, the default file). */
    static List<CatalogueItem> items(JsonNode node, String field) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw Messages.invalid("FIELD_TYPE", field, field, "array");
        }
        List<CatalogueItem> out = new ArrayList<>();
        for (JsonNode o : node) {
            int no = out.size() + 1;
            if (!o.isObject()) {
                throw Messages.invalid("FIELD_TYPE", field + "[" + no + "]", field + "[" + no + "]", "object");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    continue;
                }
                if (!v.isTextual() && !v.isNumber()) {
                    String f = field + "[" + no + "]." + e.getKey();
                    throw Messages.invalid("FIELD_TYPE", f, f, "string");
                }
                values.put(e.getKey(), v.asText());
            }
            out.add(new CatalogueItem(no, values));
        }
        return out;
    }

    /** A draft from a REST body {effectiveFrom, items, note}; unknown members refused. */
    static CatalogueDraft draft(JsonNode body, String... alsoAllowed) {
        if (body == null || !body.isObject()) {
            throw Messages.invalid("BODY_REQUIRED", null);
        }
        List<String> allowed = new ArrayList<>(List.of("effectiveFrom", "items", "note"));
        allowed.addAll(List.of(alsoAllowed));
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw Messages.invalid("FIELD_UNKNOWN", name, name);
            }
        }
        return new CatalogueDraft(date(body.get("effectiveFrom"), "effectiveFrom"), items(body.get("items"), "items"),
                text(body.get("note"), "note"));
    }

    static String text(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw Messages.invalid("FIELD_TYPE", field, field, "string");
        }
        return n.asText();
    }

    static LocalDate date(JsonNode n, String field) {
        String t = text(n, field);
        if (t == null || t.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(t.strip());
        } catch (DateTimeParseException e) {
            throw Messages.invalid("FIELD_TYPE", field, field, "date (YYYY-MM-DD)");
        }
    }
}
