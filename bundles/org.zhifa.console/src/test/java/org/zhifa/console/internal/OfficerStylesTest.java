package org.zhifa.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.Officer;

class OfficerStylesTest {

    static Officer officer(CertificateStatus status, boolean active) {
        return new Officer(1, "430421", "张三", "执法大队", "队员", "HN-0001", List.of("土地"), "全县",
                LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), true, active, status, 1,
                Instant.EPOCH, "admin", Instant.EPOCH, "admin");
    }

    @Test
    void highlightsByCertificateStatus() {
        assertEquals(OfficerStyles.EXPIRED, OfficerStyles.rowStyle(officer(CertificateStatus.EXPIRED, true)));
        assertEquals(OfficerStyles.EXPIRING, OfficerStyles.rowStyle(officer(CertificateStatus.EXPIRING, true)));
        assertNull(OfficerStyles.rowStyle(officer(CertificateStatus.VALID, true)));
        assertNull(OfficerStyles.rowStyle(officer(CertificateStatus.NOT_YET_VALID, true)));
    }

    @Test
    void deactivatedIsGreyWhateverTheCertificate() {
        assertEquals(OfficerStyles.INACTIVE, OfficerStyles.rowStyle(officer(CertificateStatus.INACTIVE, false)));
        assertEquals(OfficerStyles.INACTIVE, OfficerStyles.rowStyle(officer(CertificateStatus.EXPIRED, false)));
        assertEquals(OfficerStyles.INACTIVE, OfficerStyles.rowStyle(officer(CertificateStatus.VALID, false)));
    }

    @Test
    void cssStylesEveryRowStyle() {
        for (String style : List.of(OfficerStyles.EXPIRED, OfficerStyles.EXPIRING, OfficerStyles.INACTIVE)) {
            assertTrue(OfficerStyles.CSS.contains(".v-grid-row." + style), style);
        }
    }
}
