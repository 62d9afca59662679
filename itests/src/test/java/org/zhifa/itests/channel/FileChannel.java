package org.zhifa.itests.channel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.PublishingChannel;

/**
 * A publishing channel for the integration tests, running inside the bureau as a real OSGi service. It is
 * told what to do through its folder: while a file {@code fail} exists it fails (RETRY); otherwise it
 * appends {@code ACTION publicId version attempt} to {@code delivered.txt} and writes the delivered text
 * and PDF to {@code <publicId>-v<version>-<action>.txt|pdf}. Idempotent per (public id, version, action).
 */
public final class FileChannel implements PublishingChannel {
    public static final String ID = "ittest";
    private final Path dir;

    FileChannel(Path dir) {
        this.dir = dir;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "Test channel" : "测试渠道";
    }

    @Override
    public synchronized DeliveryResult deliver(Delivery d) {
        if (Files.exists(dir.resolve("fail"))) {
            return DeliveryResult.retry("told to fail (attempt " + d.attempt() + ")");
        }
        String key = d.item().publicId() + "-v" + d.item().version() + "-" + d.action();
        try {
            if (!Files.exists(dir.resolve(key + ".txt"))) {
                Files.writeString(dir.resolve(key + ".txt"), d.item().title() + "\n" + d.item().text()
                        + (d.item().withdrawalReason() == null ? "" : "\n" + d.item().withdrawalGround() + " "
                        + d.item().withdrawalReason()), StandardCharsets.UTF_8);
                if (d.item().pdf() != null) {
                    Files.write(dir.resolve(key + ".pdf"), d.item().pdf());
                }
                Files.writeString(dir.resolve("delivered.txt"), d.action() + " " + d.item().publicId() + " "
                        + d.item().version() + " " + d.attempt() + " " + d.receipt() + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DeliveryResult.done("it-" + d.item().publicId());
    }
}
