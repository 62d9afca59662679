package org.zhifa.kind.fee.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.DocumentTemplateAssertions;

/** Every document the steps name ships as a template that a case of this kind can fill (T5). */
class DocumentTemplatesTest {

    @Test
    void everyDocumentHasAConsistentTemplateThatRenders() {
        DocumentTemplateAssertions.assertTemplates(new FeeKind(Configs.of(FeeConfig.class, Map.of("feeListFile", FeeListTest.SHIPPED.toString()))));
    }
}
