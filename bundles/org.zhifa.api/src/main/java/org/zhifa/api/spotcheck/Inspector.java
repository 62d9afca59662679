package org.zhifa.api.spotcheck;

import java.util.List;

/**
 * A row of the 执法检查人员名录库 (S1), derived from the personnel register: an active officer whose
 * certificate is valid on the day asked and whose categories include one the bureau's configuration counts
 * as inspection (national default: every category).
 *
 * @param area the area the inspector answers for, from the register, for the own-area recusal rule
 */
public record Inspector(long officerId, String name, String unit, String certificateNo, String area,
                        List<String> categories) {
    public Inspector {
        categories = List.copyOf(categories);
    }
}
