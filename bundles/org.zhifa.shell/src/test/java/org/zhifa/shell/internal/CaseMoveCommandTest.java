package org.zhifa.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** zhifa:case-move's name=value fields. */
class CaseMoveCommandTest {

    @Test
    void fieldsAreNameEqualsValue() {
        assertEquals(Map.of("fineAmount", "20000", "legalBasis", "《土地管理法》第七十七条", "note", "", "formula", "a=b"),
                CaseMoveCommand.parse(List.of("fineAmount=20000", "legalBasis=《土地管理法》第七十七条", "note=", "formula=a=b")));
        assertEquals(Map.of(), CaseMoveCommand.parse(null));
    }

    @Test
    void aPairWithoutNameOrTwiceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaseMoveCommand.parse(List.of("20000")));
        assertTrue(e.getMessage().contains("name=value"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CaseMoveCommand.parse(List.of("=1")));
        e = assertThrows(IllegalArgumentException.class, () -> CaseMoveCommand.parse(List.of("a=1", "a=2")));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }
}
