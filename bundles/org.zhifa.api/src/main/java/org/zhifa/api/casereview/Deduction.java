package org.zhifa.api.casereview;

import java.math.BigDecimal;

/**
 * Points taken off under a sub-item of the catalogue, with the reason (扣分理由).
 *
 * @param itemCode filled by the service from the catalogue; ignored on input
 */
public record Deduction(String subItemCode, String itemCode, BigDecimal points, String reason) {}
