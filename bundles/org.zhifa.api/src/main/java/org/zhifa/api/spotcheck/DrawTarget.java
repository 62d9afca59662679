package org.zhifa.api.spotcheck;

/**
 * An inspection target as the draw sees it: a row of the pool snapshot.
 *
 * @param id         its stable id in the 检查对象名录库 (the pool's order is by id)
 * @param creditCode 统一社会信用代码, or an empty string for a natural person
 * @param area       its area (乡镇/街道), used by the "not the inspector's own area" rule
 */
public record DrawTarget(String id, String name, String creditCode, String area) {
}
