package org.zhifa.api.legalreview;

import java.time.Instant;

/** An opinion of the bureau's 法律顾问 or a 公职律师, attached to a review. */
public record CounselOpinion(Role role, String name, String opinion, String addedBy, Instant addedAt) {

    public enum Role { LEGAL_ADVISER, PUBLIC_LAWYER }
}
