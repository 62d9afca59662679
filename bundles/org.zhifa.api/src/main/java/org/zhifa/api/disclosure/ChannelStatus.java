package org.zhifa.api.disclosure;

import java.time.Instant;

/**
 * A channel as the outbox sees it.
 *
 * @param installed its service is registered now
 * @param waiting   entries not yet DONE (incl. FAILED)
 * @param oldestWaitingSince the creation time of the oldest entry not DONE, or null
 */
public record ChannelStatus(String id, String titleZh, String titleEn, boolean installed, long waiting,
                            long failed, long done, Instant oldestWaitingSince, boolean alarm) {
}
