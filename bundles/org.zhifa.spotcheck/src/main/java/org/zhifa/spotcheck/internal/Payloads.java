package org.zhifa.spotcheck.internal;

import java.util.List;

import org.zhifa.api.spotcheck.DrawInspector;
import org.zhifa.api.spotcheck.DrawResult;
import org.zhifa.api.spotcheck.DrawTarget;
import org.zhifa.api.spotcheck.SeedSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON this bundle stores and records: sources, a draw's result, record payloads. Field order is fixed. */
final class Payloads {
    static final ObjectMapper JSON = new ObjectMapper();

    private Payloads() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable: " + e.getOriginalMessage(), e);
        }
    }

    static ArrayNode sources(List<SeedSource> sources) {
        ArrayNode a = JSON.createArrayNode();
        for (SeedSource s : sources) {
            ObjectNode o = a.addObject();
            o.put("label", s.label());
            o.put("ordered", s.ordered());
            ArrayNode v = o.putArray("values");
            s.values().forEach(v::add);
        }
        return a;
    }

    static List<SeedSource> sources(JsonNode a) {
        List<SeedSource> out = new java.util.ArrayList<>();
        for (JsonNode o : a) {
            List<String> values = new java.util.ArrayList<>();
            o.path("values").forEach(v -> values.add(v.asText()));
            out.add(new SeedSource(o.path("label").asText(), values, o.path("ordered").asBoolean()));
        }
        return out;
    }

    /** Targets and inspectors by id only: the snapshots hold the rest. */
    static ObjectNode result(DrawResult r) {
        ObjectNode o = object();
        ArrayNode as = o.putArray("assignments");
        for (DrawResult.Assignment a : r.assignments()) {
            ObjectNode x = as.addObject();
            x.put("target", a.target().id());
            ArrayNode is = x.putArray("inspectors");
            a.inspectors().forEach(i -> is.add(i.id()));
        }
        ArrayNode rs = o.putArray("recusals");
        for (DrawResult.Recusal c : r.recusals()) {
            ObjectNode x = rs.addObject();
            x.put("target", c.targetId());
            x.put("inspector", c.inspectorId());
            x.put("ground", c.ground().name());
            x.put("reason", c.reason());
        }
        return o;
    }

    /** The stored result with the snapshot rows it names. */
    static DrawResult result(JsonNode o, List<DrawTarget> targets, List<DrawInspector> inspectors) {
        java.util.Map<String, DrawTarget> t = new java.util.HashMap<>();
        targets.forEach(x -> t.put(x.id(), x));
        java.util.Map<String, DrawInspector> i = new java.util.HashMap<>();
        inspectors.forEach(x -> i.put(x.id(), x));
        List<DrawResult.Assignment> as = new java.util.ArrayList<>();
        for (JsonNode a : o.path("assignments")) {
            List<DrawInspector> is = new java.util.ArrayList<>();
            a.path("inspectors").forEach(x -> is.add(i.get(x.asText())));
            as.add(new DrawResult.Assignment(t.get(a.path("target").asText()), is));
        }
        List<DrawResult.Recusal> rs = new java.util.ArrayList<>();
        for (JsonNode c : o.path("recusals")) {
            rs.add(new DrawResult.Recusal(c.path("target").asText(), c.path("inspector").asText(),
                    DrawResult.Recusal.Ground.valueOf(c.path("ground").asText()), c.path("reason").asText()));
        }
        return new DrawResult(as, rs);
    }
}
