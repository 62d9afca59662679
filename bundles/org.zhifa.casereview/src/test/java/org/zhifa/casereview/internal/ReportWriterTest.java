package org.zhifa.casereview.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.zhifa.api.casereview.CaseStatistics;
import org.zhifa.api.casereview.CaseStatistics.Count;

class ReportWriterTest {

    @Test
    void csvHasABomQuotesAndDefusesFormulas() {
        byte[] bytes = new Csv().row("案卷号", "a,b", "say \"hi\"", "=HYPERLINK(\"x\")", 5, null).bytes();
        assertEquals((byte) 0xEF, bytes[0]);
        assertEquals((byte) 0xBB, bytes[1]);
        assertEquals((byte) 0xBF, bytes[2]);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertEquals("案卷号,\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\",5,\r\n", text);
    }

    @Test
    void statisticsCsvListsEveryCount() {
        CaseStatistics s = new CaseStatistics(2026, null, 3, 1, 2,
                List.of(new Count("penalty", "行政处罚", "penalty", 3)), List.of(), List.of(new Count("1", "王建国", "王建国", 2)),
                List.of(new Count("2026-01", "2026年1月", "2026-01", 3)), List.of());
        String text = new String(ReportWriter.csv(s, Locale.SIMPLIFIED_CHINESE).bytes(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF统计维度,键,名称,案件数\r\n"), text);
        assertTrue(text.contains("执法类别,penalty,行政处罚,3\r\n"));
        assertTrue(text.contains("承办人员,1,王建国,2\r\n"));
        assertTrue(text.contains("立案月份,2026-01,2026年1月,3\r\n"));
    }

    @Test
    void chartLabelsAreEscapedAndCarryTheirValues() {
        String svg = BarChart.svg("c", "按类别", List.of(new Count("x", "<script>alert(1)</script>", "x", 7),
                new Count("y", "行政处罚", "y", 14)), Locale.SIMPLIFIED_CHINESE);
        assertFalse(svg.contains("<script>"));
        assertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(svg.contains("data-key=\"y\" data-label=\"行政处罚\" data-count=\"14\""));
        // the longest bar is the largest count
        assertTrue(svg.contains("width=\"" + BarChart.BAR + "\""));
        assertTrue(svg.contains("width=\"180\""));
    }
}
