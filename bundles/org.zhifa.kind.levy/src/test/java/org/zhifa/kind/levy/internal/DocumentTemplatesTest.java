package org.zhifa.kind.levy.internal;

import org.junit.jupiter.api.Test;
import org.zhifa.testsupport.DocumentTemplateAssertions;

/** Every document the steps name ships as a template that a case of this kind can fill (T5). */
class DocumentTemplatesTest {

    @Test
    void everyDocumentHasAConsistentTemplateThatRenders() {
        DocumentTemplateAssertions.assertTemplates(LevyKindTest.KIND);
    }
}
