package org.zhifa.casefile.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.zhifa.api.common.ZhifaException;

/**
 * Writes the case-file zip as a stream: each listed file is hashed on its way into the zip, so nothing is
 * held whole in memory. Names are checked: plain ASCII segments only (see the README's format).
 */
final class Archive {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9._\\-]{0,199}(/[A-Za-z0-9_\\-][A-Za-z0-9._\\-]{0,199}){0,3}");

    /** One listed file. */
    record Listed(String path, long size, String hash) {}

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final ZipOutputStream zip;
    private final String algorithm;
    private final List<Listed> listed = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    Archive(OutputStream out, String algorithm) {
        this.zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        }, StandardCharsets.UTF_8);
        this.algorithm = algorithm;
        digest(); // refuse an unknown algorithm before anything is written
    }

    /** A safe entry-name segment from any text (a document id, an extension): other characters become '_'. */
    static String segment(String s) {
        String t = s == null ? "" : s.replaceAll("[^A-Za-z0-9._\\-]", "_").replaceAll("^[._]+", "");
        t = t.length() > 120 ? t.substring(0, 120) : t;
        return t.isEmpty() ? "_" : t;
    }

    /** Adds a file listed in the manifest, hashing it while it is written. */
    Listed file(String path, Content content) throws IOException {
        MessageDigest md = digest();
        long[] size = {0};
        entry(path);
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                md.update(b, off, len);
                size[0] += len;
                zip.write(b, off, len);
            }
        };
        content.writeTo(counting);
        zip.closeEntry();
        Listed l = new Listed(path, size[0], HexFormat.of().formatHex(md.digest()));
        listed.add(l);
        return l;
    }

    /** Adds an unlisted entry (the log slice, the manifest). */
    void raw(String path, byte[] bytes) throws IOException {
        entry(path);
        zip.write(bytes);
        zip.closeEntry();
    }

    private void entry(String path) throws IOException {
        if (!SAFE.matcher(path).matches() || path.contains("..") || !names.add(path)) {
            throw new IllegalArgumentException("unsafe or duplicate entry name " + path);
        }
        zip.putNextEntry(new ZipEntry(path));
    }

    List<Listed> listed() {
        return List.copyOf(listed);
    }

    /** The hash of the file list as the README defines it: one {@code <hash>  <size>  <path>\n} line each. */
    String filesHash() {
        StringBuilder b = new StringBuilder();
        for (Listed l : listed) {
            b.append(l.hash()).append("  ").append(l.size()).append("  ").append(l.path()).append('\n');
        }
        return hash(b.toString().getBytes(StandardCharsets.UTF_8));
    }

    String hash(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    void finish() throws IOException {
        zip.finish();
        zip.flush();
    }

    private MessageDigest digest() {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw Messages.error(ZhifaException.Kind.UNAVAILABLE, "CASEFILE_HASH_UNAVAILABLE", algorithm);
        }
    }
}
