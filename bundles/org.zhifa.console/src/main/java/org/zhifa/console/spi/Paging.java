package org.zhifa.console.spi;

import java.util.ArrayList;
import java.util.List;

import org.zhifa.api.common.Page;

/**
 * What a lazy grid asks of a service that pages: rows [offset, offset + limit) read in pages the service
 * accepts, never the whole list. Refusals propagate to the caller.
 *
 * @since 1.4
 */
public final class Paging {

    /** One page of rows from the service. */
    @FunctionalInterface
    public interface PageSource<T> {
        Page<T> page(int offset, int limit);
    }

    private Paging() {}

    /** Rows [offset, offset+limit), read in pages of at most {@code maxPage}; fewer at the end of the list. */
    public static <T> List<T> rows(int offset, int limit, int maxPage, PageSource<T> source) {
        List<T> rows = new ArrayList<>();
        int from = offset;
        int remaining = limit;
        while (remaining > 0) {
            int size = Math.min(remaining, maxPage);
            Page<T> page = source.page(from, size);
            rows.addAll(page.items());
            if (page.items().size() < size) {
                break;
            }
            from += size;
            remaining -= size;
        }
        return rows;
    }
}
