package org.zhifa.api.record;

import java.util.List;

/** RFC 9162 §2.1.3 inclusion proof of leaf {@code leafIndex} in the tree of {@code treeSize}; hashes hex. */
public record InclusionProof(long leafIndex, long treeSize, String leafHash, List<String> path) {
    public InclusionProof {
        path = List.copyOf(path);
    }
}
