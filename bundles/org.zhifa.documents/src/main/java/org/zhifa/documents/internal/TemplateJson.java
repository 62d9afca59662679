package org.zhifa.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplate.Block;
import org.zhifa.api.document.DocumentTemplate.Field;

/** The JSON form of a template (README.md of this bundle); unknown keys are refused to catch typos. */
final class TemplateJson {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    private TemplateJson() {}

    static DocumentTemplate parse(InputStream in, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw Errors.template(source, "not JSON: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw Errors.template(source, "not a JSON object");
        }
        String id = root.path("id").asText(source);
        try {
            keys(root, "id", "title", "fields", "blocks", "footer");
            JsonNode title = root.path("title");
            if (!title.isTextual() && !(title.isObject() && title.path("zh").isTextual())) {
                throw new IllegalArgumentException("\"title\" must be a string or {\"zh\": …, \"en\": …}");
            }
            String zh = title.isTextual() ? title.asText() : title.path("zh").asText();
            String en = title.isObject() ? title.path("en").asText(null) : null;
            List<Field> fields = list(root.path("fields"), f -> {
                keys(f, "name", "label", "required", "list");
                return new Field(text(f, "name"), f.path("label").asText(null),
                        f.path("required").asBoolean(true), f.path("list").asBoolean(false));
            });
            List<Block> blocks = list(root.path("blocks"), TemplateJson::block);
            DocumentTemplate t = new DocumentTemplate(text(root, "id"), zh, en, fields, blocks,
                    root.path("footer").asText(""));
            Fill.check(t);
            return t;
        } catch (ZhifaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Errors.template(id, e.getMessage());
        }
    }

    private static Block block(JsonNode b) {
        String type = text(b, "type").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "title" -> {
                keys(b, "type", "text");
                yield new Block.Title(text(b, "text"));
            }
            case "heading" -> {
                keys(b, "type", "text");
                yield new Block.Heading(text(b, "text"));
            }
            case "paragraph" -> {
                keys(b, "type", "text", "align");
                yield new Block.Paragraph(text(b, "text"),
                        Block.Align.valueOf(b.path("align").asText("body").toUpperCase(Locale.ROOT)));
            }
            case "table" -> {
                keys(b, "type", "rows");
                yield new Block.KeyValueTable(list(b.path("rows"), r -> {
                    if (r.isArray() && r.size() == 2) {
                        return new Block.Row(r.get(0).asText(), r.get(1).asText());
                    }
                    keys(r, "label", "value");
                    return new Block.Row(text(r, "label"), text(r, "value"));
                }));
            }
            case "list" -> {
                keys(b, "type", "columns");
                yield new Block.ListTable(list(b.path("columns"), c -> {
                    keys(c, "header", "field");
                    return new Block.Column(text(c, "header"), text(c, "field"));
                }));
            }
            case "signature" -> {
                keys(b, "type", "signer", "date", "seal");
                yield new Block.Signature(text(b, "signer"), text(b, "date"), b.path("seal").asBoolean(false));
            }
            default -> throw new IllegalArgumentException("unknown block type " + type
                    + " (title, heading, paragraph, table, list, signature)");
        };
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("\"" + key + "\" must be a string in " + node);
        }
        return v.asText();
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> item) {
        if (array.isMissingNode()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new IllegalArgumentException("expected an array: " + array);
        }
        List<T> out = new ArrayList<>();
        array.forEach(n -> out.add(item.apply(n)));
        return out;
    }

    private static void keys(JsonNode node, String... allowed) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected an object: " + node);
        }
        List<String> ok = List.of(allowed);
        node.fieldNames().forEachRemaining(k -> {
            if (!ok.contains(k)) {
                throw new IllegalArgumentException("unknown key \"" + k + "\" (allowed: " + ok + ")");
            }
        });
    }
}
