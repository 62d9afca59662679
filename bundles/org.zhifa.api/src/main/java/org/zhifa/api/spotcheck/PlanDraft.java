package org.zhifa.api.spotcheck;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a 负责人 or 管理员 fills in to make a {@link Plan}; exactly one of ratio and count. */
public record PlanDraft(String title, long catalogueVersionId, String itemName, boolean keyItem, TargetFilter filter,
                        BigDecimal ratio, Integer count, String frequency, LocalDate periodFrom, LocalDate periodTo,
                        int inspectorsPerTarget, boolean excludeOwnArea) {
}
