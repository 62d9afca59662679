package org.zhifa.disclosure.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.zhifa.api.disclosure.Mask;
import org.zhifa.api.disclosure.Redaction;

/** The preview's markup: stored text is escaped before any highlight is added, masks land where they belong. */
class HighlightTest {

    private static final Function<String, String> TITLE = c -> "<" + c + ">";

    @Test
    void marksEachReplacementInTheRedactedText() {
        String text = "当事人张三，身份证号430421198005170018，电话13812345678。";
        int id = text.indexOf("4304");
        int phone = text.indexOf("1381");
        Redaction r = new Redaction(text, "当事人张三，身份证号******************，电话***********。",
                List.of(new Mask(phone, phone + 11, "PHONE", "***********"),
                        new Mask(id, id + 18, "ID_NUMBER", "******************")));
        assertEquals("当事人张三，身份证号<mark title=\"&lt;ID_NUMBER&gt;\">******************</mark>，电话"
                + "<mark title=\"&lt;PHONE&gt;\">***********</mark>。", Highlight.redacted(r, TITLE));
        assertEquals("当事人张三，身份证号<mark title=\"&lt;ID_NUMBER&gt;\">430421198005170018</mark>，电话"
                + "<mark title=\"&lt;PHONE&gt;\">13812345678</mark>。", Highlight.original(r, TITLE));
    }

    @Test
    void escapesInjectedMarkupOnBothSides() {
        String text = "<script>alert(1)</script><img src=x onerror=alert(2)> & 'q' \"d\" 李四";
        int name = text.indexOf("李四");
        Redaction r = new Redaction(text, text.substring(0, name) + "**",
                List.of(new Mask(name, name + 2, "MANUAL", "**")));
        for (String html : List.of(Highlight.redacted(r, TITLE), Highlight.original(r, TITLE))) {
            assertFalse(html.contains("<script"), html);
            assertFalse(html.contains("<img"), html);
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; "
                    + "&#39;q&#39; &quot;d&quot;"), html);
            assertTrue(html.contains("<mark class=\"zhifa-disc-manual\""), html);
        }
    }

    @Test
    void showsTheServicesTextUnmarkedWhenTheMasksDoNotExplainIt() {
        // the service redacted more than it reported: never show a text that differs from what is published
        Redaction r = new Redaction("甲<b>乙丙", "甲<b>**丙", List.of());
        assertEquals("甲&lt;b&gt;**丙", Highlight.redacted(r, TITLE));
    }

    @Test
    void overlappingAndOutOfRangeMasksAreSkippedNotThrown() {
        String text = "0123456789";
        Redaction r = new Redaction(text, "0**3456789",
                List.of(new Mask(1, 3, "NAME", "**"), new Mask(2, 4, "NAME", "**"), new Mask(8, 20, "NAME", "*")));
        assertEquals(List.of(new Mask(1, 3, "NAME", "**")), Highlight.ordered(r));
        assertEquals("0<mark title=\"&lt;NAME&gt;\">**</mark>3456789", Highlight.redacted(r, TITLE));
    }
}
