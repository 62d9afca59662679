package org.zhifa.bureau.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.zhifa.api.personnel.CertificateStatus;

class CertificateRulesTest {
    private final CertificateRules rules = new CertificateRules(30);
    private final LocalDate today = LocalDate.of(2026, 11, 26);

    @Test
    void statusOnEachSideOfEachBoundary() {
        assertEquals(CertificateStatus.INACTIVE, rules.status(false, today.minusYears(1), today.plusYears(1), today));
        assertEquals(CertificateStatus.EXPIRED, rules.status(true, today.minusYears(1), today.minusDays(1), today));
        assertEquals(CertificateStatus.EXPIRING, rules.status(true, today.minusYears(1), today, today));
        assertEquals(CertificateStatus.EXPIRING, rules.status(true, today.minusYears(1), today.plusDays(30), today));
        assertEquals(CertificateStatus.VALID, rules.status(true, today.minusYears(1), today.plusDays(31), today));
        assertEquals(CertificateStatus.NOT_YET_VALID, rules.status(true, today.plusDays(1), today.plusYears(1), today));
        assertEquals(CertificateStatus.VALID, rules.status(true, today, today.plusYears(1), today));
    }
}
