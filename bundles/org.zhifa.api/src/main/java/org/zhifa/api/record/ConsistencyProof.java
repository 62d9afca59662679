package org.zhifa.api.record;

import java.util.List;

/** RFC 9162 §2.1.4 consistency proof between the trees of {@code firstSize} and {@code secondSize}; hashes hex. */
public record ConsistencyProof(long firstSize, long secondSize, List<String> path) {
    public ConsistencyProof {
        path = List.copyOf(path);
    }
}
