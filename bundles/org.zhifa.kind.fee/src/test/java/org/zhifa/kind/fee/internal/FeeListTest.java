package org.zhifa.kind.fee.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FeeListTest {

    static final Path SHIPPED = Path.of("../../etc/zhifa-fee-list.json");

    @Test
    void shippedListReadsWithItsVersion() throws IOException {
        FeeList list = FeeList.read(SHIPPED);
        assertEquals("2026-1", list.version());
        assertEquals(LocalDate.of(2026, 1, 1), list.effectiveDate());
        assertTrue(list.item("不动产登记费（住宅类）").isPresent());
        assertTrue(list.item("土地复垦费").isPresent());
        assertTrue(list.items().stream().allMatch(i -> !i.basis().isBlank()));
    }

    @Test
    void unitStandardScalesWithTheQuantity() throws IOException {
        FeeList.Item housing = FeeList.read(SHIPPED).item("不动产登记费（住宅类）").orElseThrow();
        assertArrayEquals(new BigDecimal[] {new BigDecimal("160.00"), new BigDecimal("160.00")},
                housing.range(new BigDecimal("2")));
        assertEquals("80元/件", housing.standard());
        FeeList.Item reclamation = FeeList.read(SHIPPED).item("土地复垦费").orElseThrow();
        assertArrayEquals(new BigDecimal[] {new BigDecimal("600.00"), new BigDecimal("1500.00")},
                reclamation.range(new BigDecimal("100")));
        assertEquals("6–15元/平方米", reclamation.standard());
    }

    /** 《闲置土地处置办法》14: 20 % of the land price. */
    @Test
    void percentStandardIsAShareOfTheBase() throws IOException {
        FeeList.Item idle = FeeList.read(SHIPPED).item("土地闲置费").orElseThrow();
        assertArrayEquals(new BigDecimal[] {new BigDecimal("200000.00"), new BigDecimal("200000.00")},
                idle.range(new BigDecimal("1000000")));
        assertTrue(idle.standard().startsWith("20%"));
    }

    @Test
    void badListsAreRefused() {
        assertRefused("{\"version\":\"1\",\"effectiveFrom\":\"2026-01-01\",\"items\":[]}");
        assertRefused(list(item("A", "x", "10", "5")));
        assertRefused(list(item("A", "x", "-1", "5")));
        assertRefused(list(item("A", "x", "1", "5") + "," + item("B", "x", "1", "5")));
        assertRefused(list(item("A", "x", "1", "5") + "," + item("A", "y", "1", "5")));
        assertRefused(list(item("A", "x", "1", "5").replace("\"basis\":\"b\",", "")));
        assertRefused(list(item("A", "x", "1", "5").replace("\"unit\"", "\"unknown\":1,\"unit\"")));
        assertRefused(list(item("A", "x", "1", "5")).replace("2026-01-01", "2026-13-01"));
        assertRefused(list(item("A", "x", "1", "5")).replace("\"effectiveFrom\":\"2026-01-01\",", ""));
    }

    @Test
    void aGoodSmallListReads() throws IOException {
        FeeList l = FeeList.read(in(list(item("A", "x", "1", "5"))));
        assertEquals(1, l.items().size());
        assertEquals(FeeList.Per.UNIT, l.items().get(0).per());
    }

    private static String list(String items) {
        return "{\"version\":\"t\",\"effectiveFrom\":\"2026-01-01\",\"issuer\":\"i\",\"note\":\"n\",\"items\":[" + items + "]}";
    }

    private static String item(String code, String name, String min, String max) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"basis\":\"b\",\"unit\":\"件\",\"per\":\"UNIT\","
                + "\"rateMin\":\"" + min + "\",\"rateMax\":\"" + max + "\"}";
    }

    private static void assertRefused(String json) {
        assertThrows(IOException.class, () -> FeeList.read(in(json)), json);
    }

    private static ByteArrayInputStream in(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
