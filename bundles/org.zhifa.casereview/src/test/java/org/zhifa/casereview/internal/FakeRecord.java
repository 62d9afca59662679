package org.zhifa.casereview.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.record.ConsistencyProof;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.InclusionProof;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.api.record.VerificationProgress;
import org.zhifa.api.record.VerificationReport;

/**
 * Stands in for the record bundle in unit tests (the IT uses the real log): keeps the drafts appended in a
 * caller's transaction, and can be told to fail the next append to prove nothing is half-written.
 */
final class FakeRecord implements RecordService {
    final List<EntryDraft> appended = new ArrayList<>();
    boolean failNext;

    @Override
    public RecordEntry append(Connection transaction, EntryDraft draft, Actor actor) {
        if (failNext) {
            failNext = false;
            throw new IllegalStateException("record unavailable");
        }
        appended.add(draft);
        return new RecordEntry(appended.size() - 1, java.time.Instant.now(), TestDb.BUREAU, draft.objectType(),
                draft.objectId(), draft.step(), actor.user(), draft.entryType(), draft.payload(), List.of(), null);
    }

    @Override public RecordEntry append(EntryDraft draft, Actor actor) { throw new UnsupportedOperationException(); }
    @Override public List<RecordEntry> appendAll(List<EntryDraft> drafts, Actor actor) { throw new UnsupportedOperationException(); }
    @Override public long size() { return appended.size(); }
    @Override public Optional<RecordEntry> entry(long seq, Actor actor) { throw new UnsupportedOperationException(); }
    @Override public Page<RecordEntry> entries(String t, String id, int offset, int limit, Actor actor) { throw new UnsupportedOperationException(); }
    @Override public String leafHash(long seq) { throw new UnsupportedOperationException(); }
    @Override public SignedTreeHead latestTreeHead() { throw new UnsupportedOperationException(); }
    @Override public Page<SignedTreeHead> treeHeads(int offset, int limit) { throw new UnsupportedOperationException(); }
    @Override public InclusionProof inclusion(long seq, long treeSize) { throw new UnsupportedOperationException(); }
    @Override public ConsistencyProof consistency(long first, long second) { throw new UnsupportedOperationException(); }
    @Override public String hashAlgorithm() { return "SHA-256"; }
    @Override public String publicKeyPem() { throw new UnsupportedOperationException(); }
    @Override public VerificationReport verify(VerificationProgress progress, Actor actor) { throw new UnsupportedOperationException(); }
    @Override public Optional<VerificationReport> lastVerification() { return Optional.empty(); }
}
