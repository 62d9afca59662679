package org.zhifa.documents.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplate.Block;

class TemplateJsonTest {

    private static DocumentTemplate parse(String json) {
        return new TemplateRegistry().parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String refusal(String json) {
        ZhifaException e = assertThrows(ZhifaException.class, () -> parse(json));
        assertEquals("DOCUMENT_TEMPLATE_INVALID", e.code());
        return e.messageEn();
    }

    @Test
    void aTemplateFromAResourceHasItsFieldsAndBlocks() {
        DocumentTemplate t = RendererTest.template("/penalty.decision.json");
        assertEquals("penalty.decision", t.id());
        assertEquals("行政处罚决定书", t.title(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Administrative penalty decision", t.title(Locale.ENGLISH));
        assertTrue(t.field("evidence.name").orElseThrow().list());
        assertTrue(t.field("party.name").orElseThrow().required(), "fields are required unless said otherwise");
        assertEquals("当事人", t.field("party.name").orElseThrow().label());
        assertInstanceOf(Block.Paragraph.class, t.blocks().get(0));
        assertEquals(Block.Align.CENTER, ((Block.Paragraph) t.blocks().get(0)).align());
        assertInstanceOf(Block.KeyValueTable.class, t.blocks().get(3));
        assertInstanceOf(Block.Signature.class, t.blocks().get(t.blocks().size() - 1));
        assertEquals("第 ${page} 页 共 ${pages} 页", t.footer());
    }

    @Test
    void aShortTitleAndTwoElementRowsAreAccepted() {
        DocumentTemplate t = parse("""
                {"id": "x.notice", "title": "通知书",
                 "fields": [{"name": "a"}],
                 "blocks": [{"type": "table", "rows": [["甲", "${a}"]]}]}""");
        assertEquals("通知书", t.titleEn());
        assertEquals(new Block.Row("甲", "${a}"), ((Block.KeyValueTable) t.blocks().get(0)).rows().get(0));
    }

    @Test
    void anUndeclaredPlaceholderIsRefusedWhenTheTemplateIsRead() {
        assertTrue(refusal("""
                {"id": "x.notice", "title": "通知书", "fields": [],
                 "blocks": [{"type": "paragraph", "text": "当事人：${party.nmae}"}]}""").contains("party.nmae"));
    }

    @Test
    void mistakesInTheJsonAreNamed() {
        assertTrue(refusal("{\"id\": \"x\", \"title\": \"通知书\", \"blocks\": [{\"type\": \"picture\"}]}")
                .contains("unknown block type picture"));
        assertTrue(refusal("{\"id\": \"x\", \"title\": \"通知书\", \"blokcs\": []}").contains("blokcs"));
        assertTrue(refusal("{\"id\": \"Bad Id\", \"title\": \"通知书\"}").contains("lower-case"));
        assertTrue(refusal("{\"id\": \"x\"}").contains("title"));
        assertTrue(refusal("not json").contains("not JSON"));
        assertTrue(refusal("""
                {"id": "x", "title": "t", "fields": [{"name": "a"}],
                 "blocks": [{"type": "list", "columns": [{"header": "h", "field": "a"}]}]}""")
                .contains("not a list"));
        assertTrue(refusal("""
                {"id": "x", "title": "t", "fields": [{"name": "a", "list": true}],
                 "blocks": [{"type": "heading", "text": "${a}"}]}""").contains("used as text"));
        assertTrue(refusal("""
                {"id": "x", "title": "t", "blocks": [{"type": "paragraph", "text": "${page}"}]}""")
                .contains("${page}"), "page numbers belong to the footer");
    }

    @Test
    void theFirstSourceWinsAClashOfIds() {
        TemplateRegistry registry = new TemplateRegistry();
        DocumentTemplate a = parse("{\"id\": \"x.notice\", \"title\": \"甲\"}");
        DocumentTemplate b = parse("{\"id\": \"x.notice\", \"title\": \"乙\"}");
        DocumentTemplate c = parse("{\"id\": \"a.notice\", \"title\": \"丙\"}");
        registry.add(7, List.of(a), "first");
        registry.add(9, List.of(b, c), "second");
        assertEquals("甲", registry.find("x.notice").orElseThrow().titleZh());
        assertEquals(List.of("a.notice", "x.notice"), registry.all().stream().map(DocumentTemplate::id).toList());
        assertTrue(registry.find("nope").isEmpty());
    }
}
