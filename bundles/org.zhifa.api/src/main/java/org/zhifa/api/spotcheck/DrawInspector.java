package org.zhifa.api.spotcheck;

/**
 * An inspector as the draw sees it: a row of the inspector pool snapshot (执法检查人员名录库).
 *
 * @param id   the officer's id in the personnel register
 * @param area the inspector's own area (乡镇/街道 of residence or responsibility), for the area rule
 */
public record DrawInspector(String id, String name, String area) {
}
