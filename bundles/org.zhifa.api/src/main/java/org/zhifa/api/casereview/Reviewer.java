package org.zhifa.api.casereview;

/**
 * A reviewer of a round: a staff user (JAAS name), and the entry of the personnel register that user is,
 * if any, so a reviewer who handled a case as an assigned officer is never given it.
 *
 * @param officerId the register entry, or null for a user who is not an enforcement officer
 */
public record Reviewer(String user, Long officerId) {
    public Reviewer {
        user = user == null ? null : user.strip();
    }
}
