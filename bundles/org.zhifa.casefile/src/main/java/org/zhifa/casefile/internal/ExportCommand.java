package org.zhifa.casefile.internal;

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
import org.zhifa.api.casefile.CaseFileService;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;

/** Writes a case file (案卷) to a zip file; a failed export leaves no file behind. */
@Command(scope = "zhifa", name = "casefile-export", description = "Exports a case file (案卷) as a verifiable zip")
@Service
public class ExportCommand implements Action {
    @Reference
    CaseFileService casefiles;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "caseId", required = true, description = "the case id")
    long caseId;

    @Argument(index = 1, name = "file", required = true, description = "output .zip; relative to the Karaf base folder")
    String file;

    @Option(name = "--force", description = "overwrite an existing file")
    boolean force;

    @Override
    public Object execute() throws IOException {
        try {
            Actor actor = user.current();
            casefiles.fileName(caseId, actor);
            Path path = Paths.get(file);
            if (!path.isAbsolute()) {
                path = Paths.get(System.getProperty("karaf.base", ".")).resolve(path);
            }
            if (Files.exists(path) && !force) {
                throw new IllegalArgumentException("文件已存在 / file exists: " + path + " (--force)");
            }
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".zhifa-", ".zip");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    casefiles.export(caseId, out, actor);
                }
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            System.out.println("已导出 / exported: " + path + " (" + Files.size(path) + " bytes)");
            return null;
        } catch (ZhifaException e) {
            throw new IllegalArgumentException("[" + e.code() + "] " + e.messageZh() + " / " + e.messageEn());
        }
    }
}
