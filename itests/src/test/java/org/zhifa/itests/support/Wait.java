package org.zhifa.itests.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a deadline: never sleep for luck. */
public final class Wait {
    private Wait() {}

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        until(what, limit, condition, () -> "");
    }

    public static void until(String what, Duration limit, BooleanSupplier condition, Supplier<String> diagnostics) {
        long deadline = System.nanoTime() + limit.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
                last = null;
            } catch (IllegalStateException e) {
                throw e;
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        AssertionError e = new AssertionError("gave up after " + limit.toSeconds() + " s waiting for " + what + "\n"
                + diagnostics.get());
        if (last != null) {
            e.initCause(last);
        }
        throw e;
    }
}
