package org.zhifa.kind.fee.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.Procedure;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.KindChecks;
import org.zhifa.testsupport.ProcedureAssertions;

class FeeProcedureTest {

    private final FeeKind kind = new FeeKind(Configs.of(FeeConfig.class,
            Map.of("feeListFile", FeeListTest.SHIPPED.toString())));
    private final Procedure p = kind.procedure();

    @Test
    void procedureIsWellFormed() {
        ProcedureAssertions.assertWellFormed(p);
    }

    @Test
    void kindIsTitledAndNumbered() {
        assertEquals("fee", kind.id());
        assertEquals("费", kind.numberCode());
        assertEquals("行政收费", kind.title(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Administrative fees", kind.title(Locale.ENGLISH));
    }

    @Test
    void messagesExistInBothLanguages() throws Exception {
        KindChecks.assertSameKeys(FeeKind.class, "org/zhifa/kind/fee/internal/messages");
    }

    /** The assessment offers exactly the items of the fee list. */
    @Test
    void assessmentOffersTheFeeList() {
        FieldDef item = p.transition("assess").orElseThrow().fields().stream()
                .filter(f -> f.name().equals("feeItem")).findFirst().orElseThrow();
        assertEquals(java.util.List.of(kind.feeList().names()), item.options());
        assertTrue(item.options().contains("不动产登记费（非住宅类）"));
    }

    @Test
    void reliefIsDecidedByTheLeader() {
        assertTrue(p.transition("reduce").orElseThrow().roles().contains("zhifa-leader"));
        assertEquals("reduced", kind.disclosure().step());
        assertEquals(20, kind.disclosure().workingDays());
    }

    @Test
    void aMissingListKeepsTheKindFromStarting() {
        assertThrows(UncheckedIOException.class, () -> new FeeKind(Configs.of(FeeConfig.class,
                Map.of("feeListFile", "/nonexistent/zhifa-fee-list.json"))));
    }

    @Test
    void karafEtcIsResolved() {
        String before = System.getProperty("karaf.etc");
        System.setProperty("karaf.etc", "/opt/zhifa/etc");
        try {
            assertEquals(Path.of("/opt/zhifa/etc/zhifa-fee-list.json"), FeeKind.resolve("${karaf.etc}/zhifa-fee-list.json"));
        } finally {
            if (before == null) {
                System.clearProperty("karaf.etc");
            } else {
                System.setProperty("karaf.etc", before);
            }
        }
    }

    @Test
    void shippedConfigurationEqualsTheDefaults() throws Exception {
        Path cfg = Path.of("../../etc/org.zhifa.kind.fee.cfg");
        Configs.assertCfgMatchesDefaults(FeeConfig.class, cfg);
        Configs.assertFeatureConfigMatches(Path.of("../../features/src/main/feature/feature.xml"),
                "org.zhifa.kind.fee", cfg);
    }
}
