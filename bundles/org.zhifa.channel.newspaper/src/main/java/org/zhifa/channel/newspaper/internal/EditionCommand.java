package org.zhifa.channel.newspaper.internal;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;

/** Writes a newspaper edition (报纸公告) to a file. */
@Command(scope = "zhifa", name = "newspaper-edition",
        description = "Writes the newspaper edition (报纸公告) of a period as PDF, DOCX or an e-mail package (.eml)")
@Service
public class EditionCommand implements Action {
    @Reference
    NewspaperChannel channel;

    @Reference
    ShellUser user;

    @Option(name = "--from", required = true, description = "first day, yyyy-MM-dd")
    String from;

    @Option(name = "--to", required = true, description = "last day, yyyy-MM-dd")
    String to;

    @Option(name = "--format", description = "pdf (default), docx or eml")
    String format;

    @Option(name = "--types", description = "NOTICE,DECISION,CATALOGUE (default: the configured types)")
    String types;

    @Option(name = "--out", required = true, description = "the file to write; relative to the Karaf base folder")
    String out;

    @Option(name = "--force", description = "overwrite an existing file")
    boolean force;

    @Override
    public Object execute() throws Exception {
        try {
            NewspaperChannel.Format f = NewspaperChannel.Format.parse(format);
            LocalDate[] period = channel.period(from, to);
            Path path = Paths.get(out);
            if (!path.isAbsolute()) {
                path = Paths.get(System.getProperty("karaf.base", ".")).resolve(path);
            }
            path = path.normalize();
            if (Files.exists(path) && !force) {
                throw Messages.invalid("NEWSPAPER_FILE_EXISTS", "out", path.toString());
            }
            Edition edition = channel.edition(period[0], period[1], channel.types(types), user.current());
            NewspaperChannel.File file = channel.render(edition, f);
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // written aside and moved: a failure leaves no half file behind
            Path tmp = Files.createTempFile(dir, ".zhifa-", "." + f.extension());
            try {
                try (OutputStream o = Files.newOutputStream(tmp)) {
                    o.write(file.content());
                }
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            System.out.println("已生成 / written: " + path + " (" + file.content().length + " bytes; "
                    + edition.entries().size() + " entries, " + f.name().toLowerCase(Locale.ROOT) + ")");
            return null;
        } catch (ZhifaException e) {
            throw new IllegalArgumentException("[" + e.code() + "] " + e.messageZh() + " / " + e.messageEn());
        }
    }
}
