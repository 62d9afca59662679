package org.zhifa.api.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PublicPagesTest {

    @Test
    void escapesMarkupQuotesAndControlCharacters() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
                PublicPages.escape("<script>alert(\"x\")</script> & 'y'"));
        assertEquals("a\uFFFDb\nc\td", PublicPages.escape("a\u0007b\nc\td"));
        assertEquals("衡阳县", PublicPages.escape("衡阳县"));
        assertEquals("", PublicPages.escape(null));
    }

    @Test
    void refusesPathTricks() {
        for (String bad : new String[] {"/gongshi/..%2F..%2Fetc", "/city/items/%2e%2e/x", "/a/%5cb", "/a%00",
                "/a/../b", "/a\\b", "/a//b", "/a;jsessionid=1", "/A/%2F"}) {
            assertTrue(PublicPages.trickyPath(bad), bad);
        }
        assertFalse(PublicPages.trickyPath("/gongshi/decisions/Ab3dEf9hKq.pdf"));
        assertFalse(PublicPages.trickyPath(null));
    }
}
