package org.zhifa.cases.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.cases.AssignedOfficer;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.kind.CaseFacts.PartyType;

/**
 * The fields a case offers its document templates (执法文书, T5): every field the case has recorded
 * (by its kind's field name), and the case's own data under fixed names:
 * {@code bureau.name}, {@code case.number}, {@code case.title}, {@code case.kind}, {@code case.category},
 * {@code case.filedOn}, {@code party.type}, {@code party.name}, {@code party.idNumber},
 * {@code party.legalRep}, {@code party.phone}, {@code party.address}, {@code officers} (names),
 * {@code officers.certificates} (name and certificate number) and {@code officer.name} /
 * {@code officer.certificateNo} (lists, one row per officer), and {@code today}.
 * Dates are written the Chinese way (2026年3月2日). The party-facing copy is not redacted (D5).
 */
final class CaseDocuments {
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private CaseDocuments() {}

    static Map<String, Object> fields(CaseFile c, String bureauName, WorkingDays days) {
        Map<String, Object> f = new LinkedHashMap<>();
        c.fields().forEach((name, value) -> f.put(name, display(value)));
        f.put("bureau.name", bureauName);
        f.put("case.number", c.number());
        f.put("case.title", c.title());
        f.put("case.kind", c.kindTitleZh());
        f.put("case.category", c.category());
        f.put("case.filedOn", CHINESE_DATE.format(c.filedOn()));
        f.put("party.type", c.party().type() == PartyType.PERSON ? "自然人" : "法人或其他组织");
        f.put("party.name", c.party().name());
        putIfPresent(f, "party.idNumber", c.party().idNumber());
        putIfPresent(f, "party.legalRep", c.party().legalRep());
        putIfPresent(f, "party.phone", c.party().phone());
        putIfPresent(f, "party.address", c.party().address());
        List<AssignedOfficer> officers = c.officers();
        f.put("officers", officers.stream().map(AssignedOfficer::name).collect(Collectors.joining("、")));
        f.put("officers.certificates", officers.stream().map(o -> o.name() + "（执法证号 " + o.certificateNo() + "）")
                .collect(Collectors.joining("、")));
        f.put("officer.name", officers.stream().map(AssignedOfficer::name).toList());
        f.put("officer.certificateNo", officers.stream().map(AssignedOfficer::certificateNo).toList());
        f.put("today", CHINESE_DATE.format(LocalDate.now()));
        return f;
    }

    private static void putIfPresent(Map<String, Object> f, String name, String value) {
        if (value != null && !value.isBlank()) {
            f.put(name, value);
        }
    }

    /** Recorded values in their canonical form, shown as a document shows them. */
    static String display(String value) {
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return CHINESE_DATE.format(LocalDate.parse(value));
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")) {
            return CHINESE_DATE.format(LocalDate.parse(value.substring(0, 10))) + " " + value.substring(11);
        }
        if (value.equals("true")) {
            return "是";
        }
        if (value.equals("false")) {
            return "否";
        }
        return value;
    }
}
