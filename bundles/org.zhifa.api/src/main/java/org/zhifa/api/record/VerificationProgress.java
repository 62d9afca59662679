package org.zhifa.api.record;

/** Told how far a verification run got, for a progress bar. */
@FunctionalInterface
public interface VerificationProgress {
    VerificationProgress NONE = (done, total, phase) -> { };

    /** @param phase {@code entries}, {@code nodes}, {@code heads} or {@code evidence} */
    void progress(long done, long total, String phase);
}
