package org.zhifa.evidence.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.stream.Stream;

import org.zhifa.api.common.ZhifaException;

/**
 * The files: {@code <root>/<hash[0:2]>/<hash[2:4]>/<hash>}, written to {@code <root>/tmp} while hashed and
 * then moved into place, never overwritten; chunked uploads in progress live under {@code <root>/uploads}.
 * Everything is streamed through a 64 KiB buffer: no file is ever held in memory.
 */
final class ContentStore {

    static final int BUFFER = 64 * 1024;

    private final Path root;
    private final Path tmp;
    private final Path uploads;

    /** A hashed file waiting in the temp folder. */
    record Written(Path temp, String hash, long size) {}

    ContentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        this.uploads = this.root.resolve("uploads");
        try {
            Files.createDirectories(tmp);
            Files.createDirectories(uploads);
        } catch (IOException e) {
            throw new UncheckedIOException("evidence store " + this.root, e);
        }
    }

    Path root() {
        return root;
    }

    Path uploads() {
        return uploads;
    }

    /** Where the file of {@code hash} lives; only well-formed hashes name a path. */
    Path path(String hash) {
        if (!Hasher.looksLikeHash(hash)) {
            throw new IllegalArgumentException("not a hash: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    /** Streams {@code in} to a temp file while hashing; refuses (and removes it) past {@code max} bytes. */
    Written write(InputStream in, long max, Hasher hasher) {
        Path temp;
        try {
            temp = Files.createTempFile(tmp, "in-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
            Hasher.Digest digest = hasher.digest();
            byte[] buf = new byte[BUFFER];
            long size = 0;
            int n;
            while ((n = in.read(buf)) >= 0) {
                size += n;
                if (size > max) {
                    throw tooLarge(max);
                }
                digest.update(buf, 0, n);
                out.write(buf, 0, n);
            }
            out.close();
            return new Written(temp, HexFormat.of().formatHex(digest.finish()), size);
        } catch (IOException e) {
            delete(temp);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(temp);
            throw e;
        }
    }

    static ZhifaException tooLarge(long max) {
        return Messages.invalid("evidence.too.large", "content", max);
    }

    /** Hashes a file already in the store's file system (a finished chunked upload) without moving it. */
    String hash(Path file, Hasher hasher) {
        try (InputStream in = Files.newInputStream(file)) {
            Hasher.Digest digest = hasher.digest();
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf)) >= 0) {
                digest.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(digest.finish());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves {@code temp} to the file of {@code hash} unless that exists already (dedup: the existing file is
     * kept, the temp removed). Returns true if a new file was placed.
     */
    boolean place(Path temp, String hash) {
        Path target = path(hash);
        try {
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                delete(temp);
                return false;
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            target.toFile().setReadOnly();
            return true;
        } catch (FileAlreadyExistsException e) {
            delete(temp);
            return false;
        } catch (IOException e) {
            delete(temp);
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the file of {@code hash} (a purge, or undoing a placement whose rows did not commit). */
    void remove(String hash) {
        delete(path(hash));
    }

    boolean exists(String hash) {
        return Files.isRegularFile(path(hash));
    }

    long size(String hash) {
        try {
            return Files.size(path(hash));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies bytes {@code from}..{@code to} inclusive. */
    void copy(String hash, long from, long to, OutputStream out) throws IOException {
        try (FileChannel ch = FileChannel.open(path(hash), StandardOpenOption.READ)) {
            long remaining = to - from + 1;
            long pos = from;
            ByteBuffer buf = ByteBuffer.allocate(BUFFER);
            while (remaining > 0) {
                buf.clear();
                buf.limit((int) Math.min(BUFFER, remaining));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    break;
                }
                out.write(buf.array(), 0, n);
                pos += n;
                remaining -= n;
            }
        }
    }

    /** Removes temp files and upload folders untouched since {@code before}. */
    int clean(Instant before) {
        int removed = 0;
        try (Stream<Path> temps = Files.list(tmp)) {
            for (Path p : temps.toList()) {
                if (Files.getLastModifiedTime(p).toInstant().isBefore(before)) {
                    delete(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (Stream<Path> dirs = Files.list(uploads)) {
            for (Path d : dirs.toList()) {
                if (lastTouched(d).isBefore(before)) {
                    deleteTree(d);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    private static Instant lastTouched(Path dir) throws IOException {
        Instant last = Files.getLastModifiedTime(dir).toInstant();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Instant t = Files.getLastModifiedTime(f).toInstant();
                if (t.isAfter(last)) {
                    last = t;
                }
            }
        }
        return last;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(ContentStore::delete);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        delete(dir);
    }

    static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
