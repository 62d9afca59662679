package org.zhifa.bureau.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;

class OfficerCsvTest {
    private static final String CHINESE_HEADER = "姓名,单位,职务,执法证号,执法类别,执法区域,有效期起,有效期止,法律职业资格\n";

    @Test
    void readsUtf8WithChineseHeaderAndQuotedFields() {
        String csv = CHINESE_HEADER
                + "王建国,执法监察大队,大队长,A-0001,土地管理;矿产资源,全县,2025-01-01,2030-12-31,是\n"
                + "\"李, 秀英\",\"西渡所\",,A-0002,土地管理,\"西渡镇\"\"东\"\"片\",2025/02/01,2029-01-31,否\n";
        OfficerCsv.Parsed p = OfficerCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(StandardCharsets.UTF_8, p.charset());
        assertEquals(2, p.rows().size());
        var first = p.rows().get(0);
        assertEquals(2, first.line());
        assertEquals("王建国", first.draft().name());
        assertEquals(List.of("土地管理", "矿产资源"), first.draft().categories());
        assertTrue(first.draft().legalQualification());
        var second = p.rows().get(1).draft();
        assertEquals("李, 秀英", second.name());
        assertEquals("西渡镇\"东\"片", second.area());
        assertEquals(LocalDate.of(2025, 2, 1), second.validFrom());
        assertFalse(second.legalQualification());
    }

    @Test
    void detectsGbk() {
        String csv = CHINESE_HEADER + "张伟,井头所,所长,B-0001,城乡规划,井头镇,2025-01-01,2030-01-01,否\r\n";
        byte[] gbk = csv.getBytes(OfficerCsv.GBK);
        assertFalse(OfficerCsv.isUtf8(gbk));
        OfficerCsv.Parsed p = OfficerCsv.parse(gbk);
        assertEquals(OfficerCsv.GBK, p.charset());
        assertEquals("张伟", p.rows().get(0).draft().name());
        assertEquals("井头镇", p.rows().get(0).draft().area());
    }

    @Test
    void stripsUtf8ByteOrderMarkAndAcceptsEnglishHeader() {
        String csv = "\uFEFFname,unit,certificate_no,categories,area,valid_from,valid_to\nA,B,C-0001,土地管理,D,2025-01-01,2026-01-01\n";
        OfficerCsv.Parsed p = OfficerCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals("A", p.rows().get(0).draft().name());
        assertEquals(null, p.rows().get(0).draft().post());
    }

    @Test
    void reportsTheLineOfABadRow() {
        String csv = CHINESE_HEADER
                + "王建国,执法监察大队,大队长,A-0001,土地管理,全县,2025-01-01,2030-12-31,是\n"
                + "\"多行\n备注\",所,员,A-0002,土地管理,全县,2025-01-01,2030-12-31,是\n"
                + "赵磊,所,员,A-0003,土地管理,全县,2025-13-01,2030-12-31,否\n";
        ZhifaException e = assertThrows(ZhifaException.class, () -> OfficerCsv.parse(csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals("IMPORT_BAD_DATE", e.code());
        assertTrue(e.messageZh().startsWith("第 5 行"), e.messageZh());
        assertTrue(e.messageEn().startsWith("Line 5:"), e.messageEn());
    }

    @Test
    void refusesWrongColumnCountUnknownColumnAndMissingColumn() {
        ZhifaException count = assertThrows(ZhifaException.class, () -> OfficerCsv.parse(
                (CHINESE_HEADER + "a,b\n").getBytes(StandardCharsets.UTF_8)));
        assertEquals("IMPORT_COLUMN_COUNT", count.code());
        ZhifaException unknown = assertThrows(ZhifaException.class, () -> OfficerCsv.parse(
                "姓名,年龄\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("IMPORT_UNKNOWN_COLUMN", unknown.code());
        ZhifaException missing = assertThrows(ZhifaException.class, () -> OfficerCsv.parse(
                "姓名,单位\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("IMPORT_MISSING_COLUMN", missing.code());
        ZhifaException empty = assertThrows(ZhifaException.class, () -> OfficerCsv.parse(new byte[0]));
        assertEquals("IMPORT_EMPTY", empty.code());
    }
}
