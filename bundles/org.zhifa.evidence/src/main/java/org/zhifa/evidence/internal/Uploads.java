package org.zhifa.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.evidence.EvidenceDraft;
import org.zhifa.api.evidence.UploadSession;

/**
 * Chunked uploads in progress: {@code uploads/<id>/session.properties} (the draft) and {@code uploads/<id>/data}
 * (the bytes so far). The file system is the state, so an upload survives a restart; callers serialise
 * access per id.
 */
final class Uploads {

    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path dir;

    Uploads(Path dir) {
        this.dir = dir;
    }

    UploadSession start(EvidenceDraft d, long total, String user, Instant at) {
        String id = UUID.randomUUID().toString();
        Path folder = dir.resolve(id);
        Properties p = new Properties();
        put(p, "fileName", d.fileName());
        put(p, "mediaType", d.mediaType());
        put(p, "caseId", d.caseId() == null ? null : d.caseId().toString());
        put(p, "step", d.step());
        put(p, "deviceId", d.deviceId());
        put(p, "place", d.place());
        put(p, "recordedFrom", d.recordedFrom() == null ? null : d.recordedFrom().toString());
        put(p, "recordedTo", d.recordedTo() == null ? null : d.recordedTo().toString());
        put(p, "note", d.note());
        p.setProperty("totalSize", Long.toString(total));
        p.setProperty("startedBy", user);
        p.setProperty("startedAt", at.toString());
        try {
            Files.createDirectories(folder);
            Files.createFile(folder.resolve("data"));
            Path tmp = folder.resolve("session.tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "zhifa chunked upload");
            }
            Files.move(tmp, folder.resolve("session.properties"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            ContentStore.deleteTree(folder);
            throw new UncheckedIOException(e);
        }
        return session(id).orElseThrow();
    }

    Optional<UploadSession> session(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path folder = dir.resolve(id);
        Path file = folder.resolve("session.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            long received = Files.size(folder.resolve("data"));
            EvidenceDraft d = new EvidenceDraft(p.getProperty("fileName"), p.getProperty("mediaType"),
                    p.getProperty("caseId") == null ? null : Long.valueOf(p.getProperty("caseId")),
                    p.getProperty("step"), p.getProperty("deviceId"), p.getProperty("place"),
                    instant(p.getProperty("recordedFrom")), instant(p.getProperty("recordedTo")), p.getProperty("note"));
            return Optional.of(new UploadSession(id, d, Long.parseLong(p.getProperty("totalSize")), received,
                    p.getProperty("startedBy"), Instant.parse(p.getProperty("startedAt"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    Path data(String id) {
        return dir.resolve(id).resolve("data");
    }

    /** Appends the chunk at the end; on failure or beyond {@code total} the data is cut back to where it was. */
    void append(String id, long received, long total, InputStream chunk, long maxChunk) {
        Path data = data(id);
        try (FileChannel ch = FileChannel.open(data, StandardOpenOption.WRITE)) {
            ch.position(received);
            byte[] buf = new byte[ContentStore.BUFFER];
            long written = 0;
            int n;
            try {
                while ((n = chunk.read(buf)) >= 0) {
                    written += n;
                    if (received + written > total) {
                        throw Messages.invalid("evidence.upload.beyond", "offset", total);
                    }
                    if (written > maxChunk) {
                        throw ContentStore.tooLarge(maxChunk);
                    }
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                    while (bb.hasRemaining()) {
                        ch.write(bb);
                    }
                }
                ch.force(false);
            } catch (IOException | RuntimeException e) {
                ch.truncate(received);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(String id) {
        ContentStore.deleteTree(dir.resolve(id));
    }

    static ZhifaException notFound(String id) {
        return Messages.error(ZhifaException.Kind.NOT_FOUND, "evidence.upload.unknown", "uploadId",
                id == null ? "" : Validation.shorten(id));
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
        }
    }

    private static Instant instant(String s) {
        return s == null ? null : Instant.parse(s);
    }

}
