package org.zhifa.disclosure.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.zhifa.api.cases.AssignedOfficer;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Transition;

/**
 * The text of a decision's disclosure item (决定公示), built from the case: case number, title, party, the
 * fields the kind's {@link DisclosureRule} discloses under their Chinese labels, the officers and the bureau.
 * The whole text: the redactor masks what may not go out.
 */
final class DecisionText {
    /** A Chinese personal name as written in a field: two to four Han characters (or with a middle dot). */
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}]{2,4}|[\\p{IsHan}]{1,6}·[\\p{IsHan}]{1,6}");

    private DecisionText() {}

    static String build(CaseFile c, DisclosureRule rule, EnforcementKind kind, String bureauName, String decidedOn) {
        Map<String, FieldDef> defs = fieldDefs(kind);
        StringBuilder b = new StringBuilder();
        line(b, Messages.zh("text.number"), c.number());
        line(b, Messages.zh("text.title"), c.title());
        String party = c.party().name() + Messages.zh(c.party().type() == PartyType.PERSON ? "text.person" : "text.organisation");
        line(b, Messages.zh("text.party"), party);
        if (c.party().type() == PartyType.ORGANISATION && c.party().legalRep() != null && !c.party().legalRep().isBlank()) {
            line(b, Messages.zh("text.legalRep"), c.party().legalRep());
        }
        line(b, Messages.zh("text.kind"), c.kindTitleZh());
        for (String field : rule.fields()) {
            String v = c.fields().get(field);
            if (v == null || v.isBlank()) {
                continue;
            }
            FieldDef def = defs.get(field);
            line(b, def == null ? field : def.labelZh(), value(def, v));
        }
        line(b, Messages.zh("text.decidedOn"), decidedOn);
        List<String> officers = new ArrayList<>();
        for (AssignedOfficer o : c.officers()) {
            officers.add(Messages.zh("text.officer", o.name(), o.certificateNo()));
        }
        if (!officers.isEmpty()) {
            line(b, Messages.zh("text.officers"), String.join("、", officers));
        }
        if (bureauName != null && !bureauName.isBlank()) {
            line(b, Messages.zh("text.bureau"), bureauName);
        }
        return b.toString().stripTrailing();
    }

    /**
     * Natural persons in the case data other than the party: an organisation's legal representative, and
     * name-like values of fields labelled as persons (姓名, …人) — never the party nor an officer.
     */
    static List<String> knownNames(CaseFile c, EnforcementKind kind) {
        Set<String> out = new LinkedHashSet<>();
        if (c.party().legalRep() != null && !c.party().legalRep().isBlank()) {
            out.add(c.party().legalRep().strip());
        }
        Map<String, FieldDef> defs = fieldDefs(kind);
        c.fields().forEach((name, v) -> {
            FieldDef d = defs.get(name);
            if (d != null && v != null && (d.type() == FieldDef.Type.TEXT) && personLabel(d.labelZh())) {
                for (String part : v.split("[、，,;；\\s]+")) {
                    if (NAME.matcher(part).matches()) {
                        out.add(part);
                    }
                }
            }
        });
        out.remove(c.party().name());
        keepNames(c).forEach(out::remove);
        return List.copyOf(out);
    }

    /** The officers, whose names are public (D2). */
    static List<String> keepNames(CaseFile c) {
        return c.officers().stream().map(AssignedOfficer::name).distinct().toList();
    }

    private static boolean personLabel(String label) {
        return label != null && (label.contains("姓名") || label.endsWith("人") || label.contains("证人")
                || label.contains("代理人") || label.contains("法定代表人"));
    }

    static Map<String, FieldDef> fieldDefs(EnforcementKind kind) {
        Map<String, FieldDef> defs = new LinkedHashMap<>();
        if (kind == null) {
            return defs;
        }
        Procedure p = kind.procedure();
        p.filingFields().forEach(f -> defs.putIfAbsent(f.name(), f));
        for (Transition t : p.transitions()) {
            t.fields().forEach(f -> defs.putIfAbsent(f.name(), f));
        }
        return defs;
    }

    private static String value(FieldDef def, String v) {
        if (def == null) {
            return v;
        }
        return switch (def.type()) {
            case MONEY -> Messages.zh("text.money", v);
            case BOOLEAN -> Messages.zh("true".equals(v) ? "text.yes" : "text.no");
            default -> v;
        };
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        b.append(label).append('：').append(value.strip()).append('\n');
    }
}
