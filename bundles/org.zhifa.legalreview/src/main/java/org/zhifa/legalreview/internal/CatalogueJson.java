package org.zhifa.legalreview.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.legalreview.CaseFlag;
import org.zhifa.api.legalreview.CatalogueDraft;
import org.zhifa.api.legalreview.CatalogueRule;
import org.zhifa.api.legalreview.RuleType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Catalogue rules as JSON: the shipped national default (etc/zhifa-legalreview-catalogue.json), the
 * stored versions, and REST bodies. Reading checks every rule (a refusal names the field at fault).
 */
final class CatalogueJson {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DRAFT_FIELDS = Set.of("effectiveFrom", "reviewAllOrdinary", "rules", "note");
    private static final Set<String> RULE_FIELDS = Set.of("no", "type", "kind", "measures", "threshold", "partyType",
            "flag", "titleZh", "titleEn");

    private CatalogueJson() {}

    static CatalogueDraft read(InputStream in) throws IOException {
        return draft(JSON.readTree(in));
    }

    /** A draft from JSON; INVALID for unknown fields, wrong types, incomplete rules. */
    static CatalogueDraft draft(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw Messages.invalid("BODY_REQUIRED", null);
        }
        unknown(n, DRAFT_FIELDS, "");
        LocalDate from = date(n.get("effectiveFrom"), "effectiveFrom");
        JsonNode all = n.get("reviewAllOrdinary");
        if (all != null && !all.isNull() && !all.isBoolean()) {
            throw Messages.invalid("FIELD_TYPE", "reviewAllOrdinary", "reviewAllOrdinary", "boolean");
        }
        JsonNode rules = n.get("rules");
        if (rules == null || !rules.isArray()) {
            throw Messages.invalid("FIELD_TYPE", "rules", "rules", "array");
        }
        List<CatalogueRule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            out.add(rule(rules.get(i), i));
        }
        return new CatalogueDraft(from, all != null && all.asBoolean(), out, text(n.get("note"), "note"));
    }

    private static CatalogueRule rule(JsonNode r, int i) {
        String at = "rules[" + i + "]";
        if (r == null || !r.isObject()) {
            throw Messages.invalid("FIELD_TYPE", at, at, "object");
        }
        unknown(r, RULE_FIELDS, at + ".");
        String type = text(r.get("type"), at + ".type");
        RuleType t = Arrays.stream(RuleType.values()).filter(v -> v.name().equals(type)).findFirst()
                .orElseThrow(() -> Messages.invalid("RULE_TYPE", at + ".type", type, Arrays.toString(RuleType.values())));
        List<String> measures = new ArrayList<>();
        JsonNode m = r.get("measures");
        if (m != null && !m.isNull()) {
            if (!m.isArray()) {
                throw Messages.invalid("FIELD_TYPE", at + ".measures", at + ".measures", "array");
            }
            for (JsonNode x : m) {
                measures.add(text(x, at + ".measures"));
            }
        }
        BigDecimal threshold = null;
        JsonNode th = r.get("threshold");
        if (th != null && !th.isNull()) {
            if (!th.isNumber()) {
                throw Messages.invalid("FIELD_TYPE", at + ".threshold", at + ".threshold", "number");
            }
            threshold = th.decimalValue();
        }
        String party = text(r.get("partyType"), at + ".partyType");
        PartyType partyType = null;
        if (party != null) {
            partyType = Arrays.stream(PartyType.values()).filter(v -> v.name().equals(party)).findFirst()
                    .orElseThrow(() -> Messages.invalid("RULE_PARTY", at + ".partyType", party));
        }
        return new CatalogueRule(i + 1, t, text(r.get("kind"), at + ".kind"), measures, threshold, partyType,
                text(r.get("flag"), at + ".flag"), text(r.get("titleZh"), at + ".titleZh"),
                text(r.get("titleEn"), at + ".titleEn"));
    }

    /** Checks a draft's rules are complete; numbers them by their order. */
    static List<CatalogueRule> checked(List<CatalogueRule> rules) {
        List<CatalogueRule> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            CatalogueRule r = rules.get(i);
            String at = "rules[" + i + "]";
            if (r == null || r.type() == null) {
                throw Messages.invalid("RULE_TYPE", at + ".type", "null", Arrays.toString(RuleType.values()));
            }
            String titleZh = Validation.text(r.titleZh(), at + ".titleZh", 200, true);
            String titleEn = Validation.text(r.titleEn(), at + ".titleEn", 200, false);
            String kind = Validation.text(r.kind(), at + ".kind", 32, false);
            List<String> measures = new ArrayList<>();
            for (String m : r.measures()) {
                measures.add(Validation.text(m, at + ".measures", 50, true));
            }
            switch (r.type()) {
                case KIND -> {
                    if (kind == null) {
                        throw Messages.invalid("RULE_INCOMPLETE", at + ".kind", i + 1, "kind");
                    }
                }
                case MEASURE -> {
                    if (measures.isEmpty()) {
                        throw Messages.invalid("RULE_INCOMPLETE", at + ".measures", i + 1, "measures");
                    }
                }
                case FINE, CONFISCATION -> {
                    if (r.threshold() == null || r.threshold().signum() <= 0 || r.threshold().scale() > 2
                            || r.threshold().compareTo(new BigDecimal("999999999999")) > 0) {
                        throw Messages.invalid("RULE_INCOMPLETE", at + ".threshold", i + 1, "threshold > 0");
                    }
                }
                case FLAG -> {
                    if (r.flag() == null || Arrays.stream(CaseFlag.values()).noneMatch(f -> f.name().equals(r.flag()))) {
                        throw Messages.invalid("RULE_INCOMPLETE", at + ".flag", i + 1,
                                "flag " + Arrays.toString(CaseFlag.values()));
                    }
                }
                case HEARING, KIND_REASONS -> { }
            }
            out.add(new CatalogueRule(i + 1, r.type(), kind, measures,
                    r.type() == RuleType.FINE || r.type() == RuleType.CONFISCATION ? r.threshold() : null,
                    r.type() == RuleType.FINE ? r.partyType() : null, r.type() == RuleType.FLAG ? r.flag() : null,
                    titleZh, titleEn));
        }
        return out;
    }

    static String write(List<CatalogueRule> rules) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CatalogueRule r : rules) {
            out.add(map(r));
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> map(CatalogueRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("no", r.no());
        m.put("type", r.type().name());
        m.put("kind", r.kind());
        m.put("measures", r.measures());
        m.put("threshold", r.threshold());
        m.put("partyType", r.partyType() == null ? null : r.partyType().name());
        m.put("flag", r.flag());
        m.put("titleZh", r.titleZh());
        m.put("titleEn", r.titleEn());
        return m;
    }

    static List<CatalogueRule> rules(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            List<CatalogueRule> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                out.add(rule(n.get(i), i));
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("stored catalogue rules unreadable", e);
        }
    }

    private static void unknown(JsonNode n, Set<String> known, String prefix) {
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                throw Messages.invalid("FIELD_UNKNOWN", prefix + f, prefix + f);
            }
        }
    }

    private static String text(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw Messages.invalid("FIELD_TYPE", field, field, "string");
        }
        return n.asText();
    }

    private static LocalDate date(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) {
            throw Messages.invalid("FIELD_REQUIRED", field, field);
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw Messages.invalid("FIELD_TYPE", field, field, "date (YYYY-MM-DD)");
        }
    }
}
