package org.zhifa.api.record;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;

/**
 * The append-only log (R1, R3). There is no method that changes or removes an entry; a correction is an
 * entry whose {@code corrects} names the corrected one. Reading entries needs a staff role; tree heads,
 * proofs and the public key are public.
 */
@ProviderType
public interface RecordService {

    /** Appends one entry in its own transaction. */
    RecordEntry append(EntryDraft draft, Actor actor);

    /**
     * Appends within the caller's open transaction on the zhifa database (same data source), so the
     * entry commits or rolls back with the caller's own rows. Call it last in the transaction: it holds
     * the log's append lock until the caller commits.
     */
    RecordEntry append(Connection transaction, EntryDraft draft, Actor actor);

    /** Appends several entries in one transaction, in order. */
    List<RecordEntry> appendAll(List<EntryDraft> drafts, Actor actor);

    /** Current number of entries. */
    long size();

    Optional<RecordEntry> entry(long seq, Actor actor);

    /** The entries about one object, oldest first. */
    Page<RecordEntry> entries(String objectType, String objectId, int offset, int limit, Actor actor);

    /** Hex leaf hash of an entry, as stored in the tree. */
    String leafHash(long seq);

    /** The latest signed tree head; signs a new one first if the log grew since the last. */
    SignedTreeHead latestTreeHead();

    /** Signed tree heads issued so far, newest first. */
    Page<SignedTreeHead> treeHeads(int offset, int limit);

    /** @throws org.zhifa.api.common.ZhifaException INVALID unless 0 ≤ seq &lt; treeSize ≤ size() */
    InclusionProof inclusion(long seq, long treeSize);

    /** @throws org.zhifa.api.common.ZhifaException INVALID unless 0 ≤ first ≤ second ≤ size() */
    ConsistencyProof consistency(long firstSize, long secondSize);

    /** {@code SHA-256} or {@code SM3}, fixed when the bureau's log was created. */
    String hashAlgorithm();

    /** The bureau's Ed25519 public key, PEM ({@code -----BEGIN PUBLIC KEY-----}). */
    String publicKeyPem();

    /** Recomputes every leaf, node and tree head, and every evidence file's hash. Needs 管理员 or 负责人. */
    VerificationReport verify(VerificationProgress progress, Actor actor);

    /** The latest verification (scheduled incremental or full), if any ran; a failed one is the alarm. */
    Optional<VerificationReport> lastVerification();
}
