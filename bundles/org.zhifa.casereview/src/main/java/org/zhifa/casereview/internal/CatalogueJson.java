package org.zhifa.casereview.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.zhifa.api.casereview.ReviewCatalogue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads and writes the scoring catalogue's JSON (etc/zhifa-casereview-catalogue.json), checking it whole. */
final class CatalogueJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    private CatalogueJson() {}

    static ReviewCatalogue read(InputStream in) throws IOException {
        return parse(JSON.readTree(in));
    }

    static ReviewCatalogue read(String text) throws IOException {
        return parse(JSON.readTree(text));
    }

    private static ReviewCatalogue parse(JsonNode root) throws IOException {
        if (root == null || !root.isObject()) {
            throw new IOException("the catalogue is not a JSON object");
        }
        String version = text(root, "version");
        if (version.length() > 40) {
            throw new IOException("version longer than 40 characters");
        }
        List<ReviewCatalogue.Item> items = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        JsonNode list = root.get("items");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IOException("the catalogue has no items");
        }
        for (JsonNode i : list) {
            String code = code(i, codes);
            BigDecimal points = points(i, code);
            List<ReviewCatalogue.SubItem> subs = new ArrayList<>();
            JsonNode subList = i.get("subItems");
            if (subList == null || !subList.isArray() || subList.isEmpty()) {
                throw new IOException("item " + code + " has no sub-items");
            }
            for (JsonNode s : subList) {
                String sc = code(s, codes);
                BigDecimal sp = points(s, sc);
                if (sp.compareTo(points) > 0) {
                    throw new IOException("sub-item " + sc + " deducts more than its item " + code + " has");
                }
                subs.add(new ReviewCatalogue.SubItem(sc, text(s, "title"), sp));
            }
            items.add(new ReviewCatalogue.Item(code, text(i, "title"), points, subs));
        }
        JsonNode eff = root.get("effectiveFrom");
        return new ReviewCatalogue(version, text(root, "title"), eff == null || eff.isNull() ? null : eff.asText(), items);
    }

    private static String code(JsonNode n, Set<String> seen) throws IOException {
        String code = text(n, "code");
        if (!CODE.matcher(code).matches()) {
            throw new IOException("bad code " + code);
        }
        if (!seen.add(code)) {
            throw new IOException("code " + code + " appears twice");
        }
        return code;
    }

    private static BigDecimal points(JsonNode n, String code) throws IOException {
        JsonNode p = n.get("points");
        try {
            BigDecimal v = new BigDecimal(p == null ? "" : p.asText());
            if (v.signum() <= 0 || v.scale() > 2) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IOException(code + ": points must be a positive number with at most two decimals");
        }
    }

    private static String text(JsonNode n, String field) throws IOException {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IOException("missing text field " + field);
        }
        return v.asText().strip();
    }

    /** The catalogue as JSON, in the file's format: what a round stores of its version. */
    static String write(ReviewCatalogue c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", c.version());
        root.put("title", c.title());
        root.put("effectiveFrom", c.effectiveFrom());
        ArrayNode items = root.putArray("items");
        for (ReviewCatalogue.Item i : c.items()) {
            ObjectNode in = items.addObject();
            in.put("code", i.code());
            in.put("title", i.title());
            in.put("points", i.points().toPlainString());
            ArrayNode subs = in.putArray("subItems");
            for (ReviewCatalogue.SubItem s : i.subItems()) {
                subs.addObject().put("code", s.code()).put("title", s.title()).put("points", s.points().toPlainString());
            }
        }
        return root.toString();
    }
}
