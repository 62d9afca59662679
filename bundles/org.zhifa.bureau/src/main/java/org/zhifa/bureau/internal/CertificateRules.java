package org.zhifa.bureau.internal;

import java.time.LocalDate;

import org.zhifa.api.personnel.CertificateStatus;

/** The status of a certificate on a given day; the same rule the register queries filter by. */
record CertificateRules(int warningDays) {

    CertificateStatus status(boolean active, LocalDate validFrom, LocalDate validTo, LocalDate today) {
        if (!active) {
            return CertificateStatus.INACTIVE;
        }
        if (validTo.isBefore(today)) {
            return CertificateStatus.EXPIRED;
        }
        if (validFrom.isAfter(today)) {
            return CertificateStatus.NOT_YET_VALID;
        }
        if (!validTo.isAfter(today.plusDays(warningDays))) {
            return CertificateStatus.EXPIRING;
        }
        return CertificateStatus.VALID;
    }

    /** JPQL condition on alias {@code o} selecting the status, with parameters :today and :warn. */
    static String condition(CertificateStatus status) {
        return switch (status) {
            case INACTIVE -> "o.active = false";
            case EXPIRED -> "o.active = true and o.validTo < :today";
            case NOT_YET_VALID -> "o.active = true and o.validTo >= :today and o.validFrom > :today";
            case EXPIRING -> "o.active = true and o.validFrom <= :today and o.validTo >= :today and o.validTo <= :warn";
            case VALID -> "o.active = true and o.validFrom <= :today and o.validTo > :warn";
        };
    }
}
