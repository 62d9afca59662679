package org.zhifa.api.evidence;

import java.time.Instant;

/**
 * A recording device in the bureau's register (执法记录仪 and other A/V equipment). Changes are kept
 * as new revisions; a device is retired, never deleted.
 *
 * @param type           {@code 执法记录仪}, {@code 照相机}, {@code 摄像机}, {@code 录音笔}, {@code 无人机} …
 * @param holder         the officer or unit that holds it
 * @param status         ACTIVE, REPAIR or RETIRED
 * @param clockCheckedAt when its clock was last checked against standard time
 */
public record Device(String id, String type, String model, String holder, Status status, Instant clockCheckedAt,
                     String note, int revision, String changedBy, Instant changedAt) {

    public enum Status { ACTIVE, REPAIR, RETIRED }
}
