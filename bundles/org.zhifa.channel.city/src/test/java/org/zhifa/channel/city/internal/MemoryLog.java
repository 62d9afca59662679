package org.zhifa.channel.city.internal;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.record.ConsistencyProof;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.InclusionProof;
import org.zhifa.api.record.Merkle;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.api.record.VerificationProgress;
import org.zhifa.api.record.VerificationReport;

/**
 * A signed Merkle log in memory for the channel's tests: RFC 9162 hashing and proofs through the record's
 * own {@link Merkle} code, heads signed with Ed25519 over {@link SignedTreeHead#signedBytes()} as the record
 * does. {@link #tamper} rewrites a leaf, as an attacker with the database would.
 */
final class MemoryLog implements RecordService {
    final String bureau;
    final KeyPair keys;
    private final List<byte[]> leaves = new ArrayList<>();
    private SignedTreeHead latest;
    /** Set to sign heads with another key (a forger's). */
    volatile KeyPair signer;

    MemoryLog(String bureau) throws Exception {
        this.bureau = bureau;
        this.keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        this.signer = keys;
    }

    synchronized void grow(int n) {
        for (int i = 0; i < n; i++) {
            leaves.add(Merkle.leafHash(Merkle.SHA256, ("entry " + leaves.size()).getBytes(StandardCharsets.UTF_8)));
        }
    }

    synchronized void tamper(int index) {
        leaves.set(index, Merkle.leafHash(Merkle.SHA256, ("rewritten " + index).getBytes(StandardCharsets.UTF_8)));
        latest = null;
    }

    String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    String keyId() {
        try {
            return Merkle.hex(MessageDigest.getInstance("SHA-256").digest(keys.getPublic().getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] root(long size) {
        return size == 0 ? Merkle.emptyRoot(Merkle.SHA256) : Merkle.rangeRoot(Merkle.SHA256, this::perfect, 0, size);
    }

    private byte[] perfect(int level, long index) {
        long width = 1L << level;
        return Merkle.root(Merkle.SHA256, leaves.subList((int) (index * width), (int) ((index + 1) * width)));
    }

    @Override
    public synchronized SignedTreeHead latestTreeHead() {
        if (latest == null || latest.treeSize() != leaves.size()) {
            try {
                SignedTreeHead unsigned = new SignedTreeHead(bureau, leaves.size(), Instant.now(),
                        Merkle.hex(root(leaves.size())), "SHA-256", keyId(), "");
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(signer.getPrivate());
                s.update(unsigned.signedBytes());
                latest = new SignedTreeHead(bureau, unsigned.treeSize(), unsigned.timestamp(), unsigned.rootHash(),
                        "SHA-256", unsigned.keyId(), Base64.getEncoder().encodeToString(s.sign()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return latest;
    }

    @Override
    public synchronized ConsistencyProof consistency(long firstSize, long secondSize) {
        List<String> path = Merkle.consistencyProof(Merkle.SHA256, this::perfect, firstSize, secondSize).stream()
                .map(Merkle::hex).toList();
        return new ConsistencyProof(firstSize, secondSize, path);
    }

    @Override
    public synchronized long size() {
        return leaves.size();
    }

    @Override
    public String hashAlgorithm() {
        return "SHA-256";
    }

    // Not used by the channel.
    @Override public RecordEntry append(EntryDraft draft, Actor actor) { throw new UnsupportedOperationException(); }
    @Override public RecordEntry append(Connection t, EntryDraft draft, Actor actor) { throw new UnsupportedOperationException(); }
    @Override public List<RecordEntry> appendAll(List<EntryDraft> drafts, Actor actor) { throw new UnsupportedOperationException(); }
    @Override public Optional<RecordEntry> entry(long seq, Actor actor) { throw new UnsupportedOperationException(); }
    @Override public Page<RecordEntry> entries(String t, String id, int o, int l, Actor a) { throw new UnsupportedOperationException(); }
    @Override public String leafHash(long seq) { throw new UnsupportedOperationException(); }
    @Override public Page<SignedTreeHead> treeHeads(int offset, int limit) { throw new UnsupportedOperationException(); }
    @Override public InclusionProof inclusion(long seq, long treeSize) { throw new UnsupportedOperationException(); }
    @Override public String publicKeyPem() { throw new UnsupportedOperationException(); }
    @Override public VerificationReport verify(VerificationProgress p, Actor actor) { throw new UnsupportedOperationException(); }
    @Override public Optional<VerificationReport> lastVerification() { return Optional.empty(); }
}
