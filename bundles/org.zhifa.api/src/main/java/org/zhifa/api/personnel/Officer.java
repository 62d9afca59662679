package org.zhifa.api.personnel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An entry of the enforcement personnel register (行政执法人员清单). Never deleted: deactivated. */
public record Officer(
        long id,
        String bureau,
        String name,
        String unit,
        String post,
        String certificateNo,
        List<String> categories,
        String area,
        LocalDate validFrom,
        LocalDate validTo,
        boolean legalQualification,
        boolean active,
        CertificateStatus status,
        long version,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    public Officer {
        categories = List.copyOf(categories);
    }

    public OfficerDraft toDraft() {
        return new OfficerDraft(name, unit, post, certificateNo, categories, area, validFrom, validTo,
                legalQualification);
    }
}
