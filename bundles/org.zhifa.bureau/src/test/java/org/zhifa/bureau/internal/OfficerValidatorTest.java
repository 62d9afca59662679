package org.zhifa.bureau.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.personnel.OfficerDraft;

class OfficerValidatorTest {
    private final OfficerValidator validator = new OfficerValidator(List.of("土地管理", "矿产资源"));

    private static OfficerDraft draft(String name, String cert, List<String> cats, LocalDate from, LocalDate to) {
        return new OfficerDraft(name, " 执法大队 ", "", cert, cats, "全县", from, to, false);
    }

    @Test
    void normalisesAValidDraft() {
        OfficerDraft d = validator.validate(draft(" 王建国 ", "ab-12", List.of("土地管理", "土地管理", "矿产资源"),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 1)));
        assertEquals("王建国", d.name());
        assertEquals("执法大队", d.unit());
        assertEquals(null, d.post());
        assertEquals("AB-12", d.certificateNo());
        assertEquals(List.of("土地管理", "矿产资源"), d.categories());
    }

    @Test
    void refusesEachKindOfBadInput() {
        LocalDate a = LocalDate.of(2025, 1, 1);
        LocalDate b = LocalDate.of(2026, 1, 1);
        assertCode("FIELD_REQUIRED", "name", draft("  ", "AB-12", List.of("土地管理"), a, b));
        assertCode("FIELD_TOO_LONG", "name", draft("王".repeat(51), "AB-12", List.of("土地管理"), a, b));
        assertCode("INVALID_CERTIFICATE_NO", "certificateNo", draft("王", "<script>", List.of("土地管理"), a, b));
        assertCode("UNKNOWN_CATEGORY", "categories", draft("王", "AB-12", List.of("捕鱼"), a, b));
        assertCode("FIELD_REQUIRED", "categories", draft("王", "AB-12", List.of(), a, b));
        assertCode("INVALID_DATE_RANGE", "validTo", draft("王", "AB-12", List.of("土地管理"), b, a));
        assertCode("FIELD_REQUIRED", "validFrom", draft("王", "AB-12", List.of("土地管理"), null, a));
        assertCode("DATE_OUT_OF_RANGE", "validTo", draft("王", "AB-12", List.of("土地管理"), a, LocalDate.of(9999, 1, 1)));
        assertCode("FIELD_CONTROL_CHARS", "name", draft("王\u0000", "AB-12", List.of("土地管理"), a, b));
    }

    @Test
    void messagesComeInChineseAndEnglish() {
        ZhifaException e = assertThrows(ZhifaException.class, () -> validator.validate(
                draft("王", "AB-12", List.of("土地管理"), LocalDate.of(2026, 1, 1), LocalDate.of(2025, 1, 1))));
        assertEquals("有效期不合理：起始日期 2026-01-01 晚于截止日期 2025-01-01。", e.messageZh());
        assertEquals("Impossible validity: it starts on 2026-01-01, after it ends on 2025-01-01.", e.messageEn());
    }

    private void assertCode(String code, String field, OfficerDraft d) {
        ZhifaException e = assertThrows(ZhifaException.class, () -> validator.validate(d));
        assertEquals(code, e.code());
        assertEquals(field, e.field());
        assertEquals(ZhifaException.Kind.INVALID, e.kind());
    }
}
