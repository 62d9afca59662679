package org.zhifa.evidence.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.zhifa.api.evidence.EvidenceItem;

/**
 * Streams one browser upload into the store: Vaadin writes the file into a pipe while a worker thread
 * hands the other end to {@code EvidenceService.store}, which hashes and writes it as it arrives; nothing
 * holds the whole file. The store only sees the end of the content once Vaadin reported the upload as
 * succeeded: a broken or cancelled upload makes the last read fail, so nothing half-received is stored.
 * One instance per upload.
 */
final class StreamingReceiver {

    /** How long the store waits at the end of the bytes for Vaadin to say whether the upload succeeded. */
    private static final long VERDICT_SECONDS = 120;
    private static final int PIPE_BYTES = 256 * 1024;

    private final CountDownLatch verdict = new CountDownLatch(1);
    private volatile boolean succeeded;
    private final CompletableFuture<EvidenceItem> result = new CompletableFuture<>();
    private PipedOutputStream out;

    /**
     * Starts the worker and returns the stream Vaadin writes the file to.
     *
     * @param store stores the content it is given (called in the worker thread)
     */
    OutputStream start(Function<InputStream, EvidenceItem> store) {
        PipedInputStream pipe = new PipedInputStream(PIPE_BYTES);
        try {
            out = new PipedOutputStream(pipe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InputStream gated = new FilterInputStream(pipe) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                return b < 0 ? end() : b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                return n < 0 ? end() : n;
            }
        };
        Thread worker = new Thread(() -> {
            try (InputStream in = gated) {
                result.complete(store.apply(in));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, "zhifa-evidence-upload");
        worker.setDaemon(true);
        worker.start();
        return out;
    }

    /** The end of the bytes: EOF once the upload succeeded, an error if it failed or nobody says. */
    private int end() throws IOException {
        try {
            if (!verdict.await(VERDICT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("no verdict on the upload");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (!succeeded) {
            throw new IOException("the upload did not complete");
        }
        return -1;
    }

    /** Vaadin says the upload succeeded: the store finishes; returns what it stored. */
    EvidenceItem succeeded() throws ExecutionException, TimeoutException, InterruptedException {
        succeeded = true;
        verdict.countDown();
        return result.get(VERDICT_SECONDS, TimeUnit.SECONDS);
    }

    /** Vaadin says the upload failed: the store gives up; returns why the store refused, if it did. */
    Throwable failed() {
        succeeded = false;
        verdict.countDown();
        try {
            if (out != null) {
                out.close(); // wakes a worker waiting for bytes that will not come
            }
        } catch (IOException e) {
            // already closed
        }
        try {
            result.get(VERDICT_SECONDS, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }
}
