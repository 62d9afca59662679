package org.zhifa.api.record;

/**
 * One thing verification found wrong, located.
 *
 * @param seq      the log entry concerned, or -1
 * @param location where: a table and key, an evidence file path, a tree head
 */
public record Problem(Type type, long seq, String location, String messageZh, String messageEn) {

    public enum Type {
        /** a stored entry's bytes no longer hash to its leaf */
        CHANGED_ROW,
        /** an entry is missing from the sequence */
        DELETED_ROW,
        /** entries are stored out of order (a sequence number points at another entry's leaf) */
        REORDERED_ROW,
        /** an entry that was never appended through the log (its leaf is not in the tree) */
        INSERTED_ROW,
        /** an evidence file's bytes no longer hash to its name */
        EVIDENCE_CHANGED,
        /** an evidence file referenced by the log is gone without a purge entry */
        EVIDENCE_MISSING,
        /** a signed tree head whose signature does not verify with the bureau's key */
        STH_FORGED,
        /** a validly signed tree head that does not match the recomputed tree */
        STH_INCONSISTENT,
        /** a stored interior node that does not match the recomputed tree */
        NODE_CHANGED
    }
}
