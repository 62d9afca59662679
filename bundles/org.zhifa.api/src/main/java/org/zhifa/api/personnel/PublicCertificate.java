package org.zhifa.api.personnel;

import java.time.LocalDate;
import java.util.List;

/**
 * What the public may see of a certificate (D2): nothing beyond the published register (D1).
 * {@code valid} tells whether the holder may act today.
 */
public record PublicCertificate(String certificateNo, String name, String unit, List<String> categories,
                                String area, LocalDate validFrom, LocalDate validTo, CertificateStatus status,
                                boolean valid) {
    public PublicCertificate {
        categories = List.copyOf(categories);
    }

    public PublicCertificate(String certificateNo, String name, String unit, List<String> categories, String area,
                             LocalDate validFrom, LocalDate validTo, CertificateStatus status) {
        this(certificateNo, name, unit, categories, area, validFrom, validTo, status, status.mayAct());
    }
}
