package org.zhifa.api.personnel;

import java.time.LocalDate;
import java.util.List;

/** What a user submits to create or edit an officer of the 行政执法人员清单. */
public record OfficerDraft(
        String name,
        String unit,
        String post,
        String certificateNo,
        List<String> categories,
        String area,
        LocalDate validFrom,
        LocalDate validTo,
        boolean legalQualification) {
}
