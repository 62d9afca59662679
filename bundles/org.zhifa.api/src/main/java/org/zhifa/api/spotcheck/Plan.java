package org.zhifa.api.spotcheck;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A random-inspection plan (抽查计划) for one item of the 随机抽查事项清单 in force (S2).
 *
 * @param catalogueVersionId the published 随机抽查事项清单 version the item comes from
 * @param itemName           the item's 事项名称 as listed there
 * @param keyItem            重点检查事项 (drawn at the key ratio) or 一般检查事项
 * @param ratio              the share of the filtered pool to draw (0 &lt; ratio ≤ 1), rounded up to a whole
 *                           target; or null when {@code count} is fixed
 * @param frequency          as the catalogue says, e.g. 每年一次
 */
public record Plan(long id, String number, String title, long catalogueVersionId, String itemName, boolean keyItem,
                   TargetFilter filter, BigDecimal ratio, Integer count, String frequency, LocalDate periodFrom,
                   LocalDate periodTo, int inspectorsPerTarget, boolean excludeOwnArea, Instant createdAt,
                   String createdBy) {
}
