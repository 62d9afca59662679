package org.zhifa.api.personnel;

import java.time.LocalDate;
import java.util.List;

/** What the public may see of a certificate (D2): nothing beyond the published register (D1). */
public record PublicCertificate(String certificateNo, String name, String unit, List<String> categories,
                                String area, LocalDate validFrom, LocalDate validTo, CertificateStatus status) {
    public PublicCertificate {
        categories = List.copyOf(categories);
    }

    public boolean valid() {
        return status.mayAct();
    }
}
