package org.zhifa.channel.wechat.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * What the channel must remember across restarts, in one small properties file written atomically: the cover
 * thumb's media_id per account and image, the URL of each uploaded inline image, and each publishing job
 * by (public id, version, action), so a delivery that comes again after a crash never publishes twice.
 */
final class StateFile {
    private final Path file;
    private final Properties values = new Properties();

    StateFile(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the WeChat channel's state " + file, e);
            }
        }
    }

    synchronized String get(String key) {
        return values.getProperty(key);
    }

    synchronized void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "zhifa WeChat channel state: media ids and publishing jobs (no secrets)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the WeChat channel's state " + file, e);
        }
    }
}
