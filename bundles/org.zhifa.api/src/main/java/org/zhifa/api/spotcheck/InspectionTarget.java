package org.zhifa.api.spotcheck;

import java.time.Instant;
import java.util.Set;

/**
 * A row of the 检查对象名录库 (S1). Never deleted: a target that closes or moves away is deactivated, and
 * a change is a new revision, so every draw's snapshot stays explainable.
 *
 * @param creditCode 统一社会信用代码 (18 characters with its check character), unique among active targets;
 *                   empty for a natural person
 * @param area       乡镇/街道 where it operates
 * @param tags       free labels a plan may filter by, e.g. 采矿, 在建工程
 */
public record InspectionTarget(long id, String name, String creditCode, TargetType type, String area, Risk risk,
                               Set<String> tags, boolean active, int revision, Instant changedAt, String changedBy) {
    public InspectionTarget {
        tags = Set.copyOf(tags);
    }

    public enum TargetType { ENTERPRISE, INDIVIDUAL_BUSINESS, PERSON, PUBLIC_INSTITUTION, OTHER }

    /** 风险等级: plans may draw high-risk targets at a higher ratio (差异化抽查). */
    public enum Risk { LOW, MEDIUM, HIGH }
}
