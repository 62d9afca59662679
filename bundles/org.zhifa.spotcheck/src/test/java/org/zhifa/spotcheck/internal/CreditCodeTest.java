package org.zhifa.spotcheck.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

    /** The example of GB 32100-2015 and two codes published on business licences. */
    @Test
    void acceptsRealCodes() {
        for (String code : List.of("91350100M000100Y43", "9144030071526726XG", "91110108551385082Q")) {
            assertTrue(CreditCode.valid(code), code);
        }
    }

    @Test
    void refusesAWrongCheckCharacterLengthOrLetter() {
        assertFalse(CreditCode.valid("91350100M000100Y44"));
        assertFalse(CreditCode.valid("91350100M000100Y4"));
        assertFalse(CreditCode.valid("91350100M000100Y433"));
        assertFalse(CreditCode.valid("91350100I000100Y43")); // I is not in the alphabet
        assertFalse(CreditCode.valid("91350100m000100Y43"));
        assertFalse(CreditCode.valid(null));
        assertEquals('3', CreditCode.check("91350100M000100Y4"));
    }

    @Test
    void readsCsvQuotingAndXlsxColumns() {
        List<TargetFile.Row> rows = TargetFile.csv("a,\"b,c\",\"d\"\"e\"\r\n\r\n\"multi\nline\",x\n");
        assertEquals(2, rows.size());
        assertEquals(List.of("a", "b,c", "d\"e"), rows.get(0).cells());
        assertEquals(1, rows.get(0).line());
        assertEquals(List.of("multi\nline", "x"), rows.get(1).cells());
        assertEquals(3, rows.get(1).line());
        assertEquals(0, TargetFile.column("A1"));
        assertEquals(27, TargetFile.column("AB12"));
    }
}
