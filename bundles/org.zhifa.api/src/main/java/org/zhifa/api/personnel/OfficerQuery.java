package org.zhifa.api.personnel;

/**
 * A filtered, sorted page request over the register.
 *
 * @param text      matches name, certificate number or unit (contains, case-insensitive); null = any
 * @param unit      exact unit; null = any
 * @param category  officers holding this category; null = any
 * @param status    certificate status; null = any
 * @param active    true = active only, false = deactivated only, null = both
 * @param sort      one of {@link #SORT_FIELDS}
 * @param ascending sort direction
 */
public record OfficerQuery(String text, String unit, String category, CertificateStatus status,
                           Boolean active, String sort, boolean ascending, int offset, int limit) {

    public static final java.util.List<String> SORT_FIELDS =
            java.util.List.of("name", "unit", "certificateNo", "validTo", "area", "id");
    public static final int MAX_LIMIT = 500;

    public static OfficerQuery all(int offset, int limit) {
        return new OfficerQuery(null, null, null, null, null, "id", true, offset, limit);
    }
}
