package org.zhifa.api.common;

import java.util.List;

/** One page of a sorted, filtered list, with the total count of the filter. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
    public Page {
        items = List.copyOf(items);
    }
}
