package org.zhifa.catalogue.internal.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.catalogue.CatalogueService;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;
import org.zhifa.catalogue.internal.Messages;

/**
 * Writes the filing package (备案, D8) to a zip file, as {@code GET /api/v1/catalogues/filing} does; written to
 * a temporary file beside it first, so a refused or failed export leaves nothing behind.
 */
@Command(scope = "zhifa", name = "catalogue-filing",
        description = "Writes the catalogues' filing package (事前公开清单备案包) as a zip")
@Service
public class FilingCommand implements Action {
    @Reference
    CatalogueService catalogues;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "file", required = true, description = "output .zip; relative to the Karaf base folder")
    String file;

    @Option(name = "--force", description = "overwrite an existing file")
    boolean force;

    @Override
    public Object execute() throws IOException {
        Actor actor = user.current();
        String name = file == null ? "" : file.strip();
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            throw new IllegalArgumentException(both("shell.filing.zip", name));
        }
        Path path = Paths.get(name);
        if (!path.isAbsolute()) {
            path = Paths.get(System.getProperty("karaf.base", ".")).resolve(path);
        }
        path = path.toAbsolutePath().normalize();
        if (Files.exists(path) && !force) {
            throw new IllegalArgumentException(both("shell.filing.exists", path));
        }
        Path dir = path.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".zhifa-", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                catalogues.filingPackage(out, actor);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        } catch (ZhifaException e) {
            throw new IllegalArgumentException("[" + e.code() + "] " + e.messageZh() + " / " + e.messageEn());
        } finally {
            Files.deleteIfExists(tmp);
        }
        System.out.println(both("shell.filing.done", path, Files.size(path)));
        return null;
    }

    private static String both(String key, Object... args) {
        return Messages.zh(key, args) + " / " + Messages.en(key, args);
    }
}
