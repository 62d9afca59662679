package org.zhifa.catalogue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.zhifa.api.catalogue.CatalogueType;
import org.zhifa.testsupport.Configs;

class ConfigTest {

    @Test
    void theShippedConfigHoldsTheDefaults() throws IOException {
        Configs.assertShippedConfig(CatalogueConfig.class, CatalogueConfig.PID);
    }

    @Test
    void everyTypeAndFieldHasBothTexts() throws IOException {
        for (String base : new String[] {"/org/zhifa/catalogue/internal/messages", 
                "/org/zhifa/catalogue/internal/console/messages"}) {
            Properties zh = new Properties();
            Properties en = new Properties();
            try (var a = getClass().getResourceAsStream(base + ".properties");
                 var b = getClass().getResourceAsStream(base + "_en.properties")) {
                zh.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
                en.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertEquals(zh.stringPropertyNames(), en.stringPropertyNames(), base);
        }
        for (CatalogueType t : CatalogueType.values()) {
            assertTrue(!Messages.zh("type." + t).startsWith("type."), t.name());
            for (String f : t.fields()) {
                assertTrue(!Messages.zh("field." + f).startsWith("field."), f);
                assertTrue(!Messages.text(Locale.ENGLISH, "field." + f).startsWith("field."), f);
            }
        }
        assertEquals(15, CatalogueType.GUIDES.fields().size());
    }
}
