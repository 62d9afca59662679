package org.zhifa.bureau.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.personnel.OfficerDraft;

/**
 * Reads a register CSV export: UTF-8 (with or without BOM) or GBK, as saved by Excel on a Chinese
 * desktop. The header names the columns, in English or Chinese, in any order.
 */
final class OfficerCsv {
    static final Charset GBK = Charset.forName("GBK");

    /** One parsed row and the line of the file it started on. */
    record Row(int line, OfficerDraft draft) {}

    record Parsed(List<Row> rows, Charset charset) {}

    private static final Map<String, String> HEADERS = new HashMap<>();

    static {
        alias("name", "name", "姓名");
        alias("unit", "unit", "单位", "执法单位", "所在单位");
        alias("post", "post", "职务", "岗位");
        alias("certificateNo", "certificate_no", "certificateno", "certificate", "证件号", "执法证号", "证件编号", "执法证件号");
        alias("categories", "categories", "category", "执法类别", "执法门类");
        alias("area", "area", "执法区域", "区域");
        alias("validFrom", "valid_from", "validfrom", "有效期起", "有效期开始", "发证日期");
        alias("validTo", "valid_to", "validto", "有效期止", "有效期至", "有效期结束");
        alias("legalQualification", "legal_qualification", "legalqualification", "法律职业资格");
    }

    private static void alias(String field, String... names) {
        for (String n : names) {
            HEADERS.put(n.toLowerCase(Locale.ROOT), field);
        }
    }

    private OfficerCsv() {}

    static Parsed parse(byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
            start = 3;
        } else if (!isUtf8(bytes)) {
            charset = GBK;
        }
        String text = new String(bytes, start, bytes.length - start, charset);
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        split(text, records, lines);
        if (records.isEmpty()) {
            throw Errors.invalid("IMPORT_EMPTY", null);
        }
        List<String> header = records.get(0);
        String[] fields = new String[header.size()];
        for (int i = 0; i < header.size(); i++) {
            String f = HEADERS.get(header.get(i).strip().toLowerCase(Locale.ROOT));
            if (f == null) {
                throw Errors.atLine(1, Errors.invalid("IMPORT_UNKNOWN_COLUMN", null, header.get(i).strip()));
            }
            fields[i] = f;
        }
        for (String required : List.of("name", "unit", "certificateNo", "categories", "area", "validFrom", "validTo")) {
            if (!Arrays.asList(fields).contains(required)) {
                throw Errors.atLine(1, Errors.invalid("IMPORT_MISSING_COLUMN", required, required));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            int line = lines.get(r);
            if (rec.size() == 1 && rec.get(0).isBlank()) {
                continue;
            }
            if (rec.size() != fields.length) {
                throw Errors.atLine(line, Errors.invalid("IMPORT_COLUMN_COUNT", null, fields.length, rec.size()));
            }
            Map<String, String> v = new HashMap<>();
            for (int i = 0; i < fields.length; i++) {
                v.put(fields[i], rec.get(i).strip());
            }
            try {
                rows.add(new Row(line, new OfficerDraft(v.get("name"), v.get("unit"), v.get("post"),
                        v.get("certificateNo"), categories(v.get("categories")), v.get("area"),
                        date(v.get("validFrom"), "validFrom"), date(v.get("validTo"), "validTo"),
                        bool(v.get("legalQualification")))));
            } catch (ZhifaException e) {
                throw Errors.atLine(line, e);
            }
        }
        return new Parsed(rows, charset);
    }

    static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks. */
    private static void split(String text, List<List<String>> records, List<Integer> lines) {
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                rec.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                // part of CRLF
            } else if (c == '\n') {
                rec.add(field.toString());
                field.setLength(0);
                records.add(rec);
                lines.add(recordLine);
                rec = new ArrayList<>();
                line++;
                recordLine = line;
                any = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw Errors.atLine(recordLine, Errors.invalid("IMPORT_UNCLOSED_QUOTE", null));
        }
        if (any) {
            rec.add(field.toString());
            records.add(rec);
            lines.add(recordLine);
        }
    }

    private static List<String> categories(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split("[;；、|/]")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static LocalDate date(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.replace('/', '-').replace('.', '-'));
        } catch (DateTimeParseException e) {
            throw Errors.invalid("IMPORT_BAD_DATE", field, field, s);
        }
    }

    private static boolean bool(String s) {
        if (s == null || s.isBlank()) {
            return false;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "是", "有", "true", "yes", "y", "1" -> true;
            case "否", "无", "false", "no", "n", "0" -> false;
            default -> throw Errors.invalid("IMPORT_BAD_BOOLEAN", "legalQualification", s);
        };
    }
}
