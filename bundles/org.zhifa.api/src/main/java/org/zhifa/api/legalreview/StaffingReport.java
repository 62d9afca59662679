package org.zhifa.api.legalreview;

import java.math.BigDecimal;

/**
 * Legal reviewers against enforcement staff (配备比例), with the configured target ratio (default 5 %).
 *
 * @param ratio reviewers / enforcement staff, 4 decimals; zero without staff
 */
public record StaffingReport(int reviewers, int qualifiedReviewers, int enforcementStaff, BigDecimal ratio,
                             BigDecimal target, boolean met, BigDecimal trainingHours) {}
