package org.zhifa.casereview.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.zhifa.api.casereview.ReviewCatalogue;
import org.zhifa.testsupport.Configs;

class CatalogueTest {

    @Test
    void theShippedCatalogueHasTheEightItemsAndAHundredPoints() throws IOException {
        ReviewCatalogue c = CaseReviewServiceImpl.load(Path.of("../../etc/zhifa-casereview-catalogue.json"));
        assertEquals(new BigDecimal("100"), c.total());
        assertEquals(java.util.List.of("执法主体", "事实认定", "证据", "法律适用", "裁量", "程序", "文书", "归档"),
                c.items().stream().map(ReviewCatalogue.Item::title).toList());
        assertEquals(c, CatalogueJson.read(CatalogueJson.write(c)));
        assertTrue(c.items().stream().allMatch(i -> !i.subItems().isEmpty()));
    }

    @Test
    void aBrokenCatalogueIsRefusedWhole() {
        assertThrows(IOException.class, () -> CatalogueJson.read("{\"version\":\"1\",\"title\":\"t\",\"items\":[]}"));
        assertThrows(IOException.class, () -> CatalogueJson.read("{\"version\":\"1\",\"title\":\"t\",\"items\":["
                + "{\"code\":\"A\",\"title\":\"a\",\"points\":\"5\",\"subItems\":[{\"code\":\"A\",\"title\":\"x\",\"points\":\"1\"}]}]}"));
        assertThrows(IOException.class, () -> CatalogueJson.read("{\"version\":\"1\",\"title\":\"t\",\"items\":["
                + "{\"code\":\"A\",\"title\":\"a\",\"points\":\"5\",\"subItems\":[{\"code\":\"A1\",\"title\":\"x\",\"points\":\"6\"}]}]}"));
        assertThrows(IOException.class, () -> CatalogueJson.read("{\"version\":\"1\",\"title\":\"t\",\"items\":["
                + "{\"code\":\"A\",\"title\":\"a\",\"points\":\"-5\",\"subItems\":[{\"code\":\"A1\",\"title\":\"x\",\"points\":\"1\"}]}]}"));
    }

    @Test
    void theShippedConfigHoldsTheDefaults() throws IOException {
        Configs.assertShippedConfig(CaseReviewConfig.class, "org.zhifa.casereview");
    }
}
