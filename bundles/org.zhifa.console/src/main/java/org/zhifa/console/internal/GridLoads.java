package org.zhifa.console.internal;

import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.console.spi.Paging;

/**
 * What a lazy grid view asks of its service: rows in pages the service accepts (never the whole
 * list), counts and filter choices. A failure shows one red notification until {@link #reset()}
 * (a new filter), and the grid gets nothing instead of an exception.
 */
final class GridLoads {
    private final Messages m;
    private final Logger log;
    private final String what;
    private boolean errorShown;

    GridLoads(Messages m, Logger log, String what) {
        this.m = m;
        this.log = log;
        this.what = what;
    }

    void reset() {
        errorShown = false;
    }

    /** Rows [offset, offset+limit), read in pages of at most {@code maxPage}. */
    <T> Stream<T> rows(int offset, int limit, int maxPage, Paging.PageSource<T> source) {
        try {
            return Paging.rows(offset, limit, maxPage, source).stream();
        } catch (RuntimeException e) {
            failed(e);
            return Stream.empty();
        }
    }

    int count(LongSupplier total) {
        try {
            return (int) Math.min(total.getAsLong(), Integer.MAX_VALUE);
        } catch (RuntimeException e) {
            failed(e);
            return 0;
        }
    }

    <T> List<T> load(Supplier<List<T>> supplier) {
        try {
            return supplier.get();
        } catch (RuntimeException e) {
            failed(e);
            return List.of();
        }
    }

    private void failed(RuntimeException e) {
        if (errorShown) {
            return;
        }
        errorShown = true;
        if (e instanceof ZhifaException z) {
            Notifications.error(m.error(z));
        } else {
            log.error("loading {} failed", what, e);
            Notifications.error(m.get("error.unexpected"));
        }
    }
}
