package org.zhifa.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.ws.rs.core.StreamingOutput;

/**
 * A document rendered before the response starts, so a refusal still becomes a JSON error: small ones
 * stay in memory, larger ones go to a temporary file that is streamed out and deleted.
 */
final class RenderedDocument extends OutputStream {
    static final int IN_MEMORY = 4 * 1024 * 1024;

    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;

    @Override
    public void write(int b) throws IOException {
        target(1).write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        target(len).write(b, off, len);
    }

    private OutputStream target(int more) throws IOException {
        if (fileOut == null && memory.size() + more > IN_MEMORY) {
            file = Files.createTempFile("zhifa-document", ".tmp");
            fileOut = Files.newOutputStream(file);
            memory.writeTo(fileOut);
            memory = null;
        }
        return fileOut != null ? fileOut : memory;
    }

    @Override
    public void close() throws IOException {
        if (fileOut != null) {
            fileOut.close();
        }
    }

    /** The document as a response body; a spilled file is deleted once sent. */
    StreamingOutput body() throws IOException {
        close();
        if (file == null) {
            byte[] bytes = memory.toByteArray();
            return out -> out.write(bytes);
        }
        Path f = file;
        return out -> {
            try (InputStream in = Files.newInputStream(f)) {
                in.transferTo(out);
            } finally {
                Files.deleteIfExists(f);
            }
        };
    }

    /** Drops a spilled file after a failed rendering. */
    void discard() {
        try {
            close();
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
