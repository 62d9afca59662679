package org.zhifa.casereview.internal;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Locale;


import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.casereview.CaseReviewService;
import org.zhifa.api.casereview.RoundReport;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.shell.ShellUser;

/** Writes a review round's report to a PDF or CSV file (the format follows the extension). */
@Command(scope = "zhifa", name = "casereview-report",
        description = "Writes the report of a case-file review round (案卷评查报告) as PDF or CSV")
@Service
public class ReportCommand implements Action {
    @Reference
    CaseReviewService service;

    @Reference(optional = true)
    DocumentRenderer renderer;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "round", required = true, description = "the round's id")
    long round;

    @Argument(index = 1, name = "file", required = true, description = "*.pdf or *.csv; relative to the Karaf base folder")
    String file;

    @Option(name = "--en", description = "English headings")
    boolean english;

    @Option(name = "--force", description = "overwrite an existing file")
    boolean force;

    @Override
    public Object execute() throws Exception {
        try {
            Path path = Paths.get(file);
            if (!path.isAbsolute()) {
                path = Paths.get(System.getProperty("karaf.base", ".")).resolve(path);
            }
            String lower = file.toLowerCase(Locale.ROOT);
            boolean csv = lower.endsWith(".csv");
            if (!csv && !lower.endsWith(".pdf")) {
                throw Messages.invalid("casereview.format.invalid", "file", file);
            }
            if (Files.exists(path) && !force) {
                throw new IllegalArgumentException("文件已存在 / file exists (use --force): " + path);
            }
            Locale locale = english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            RoundReport report = service.report(round, user.current());
            if (!csv && renderer == null) {
                throw Messages.error(ZhifaException.Kind.UNAVAILABLE, "casereview.pdf.unavailable", null);
            }
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // written aside and moved: a failure leaves no half file behind
            Path tmp = Files.createTempFile(dir, ".zhifa-", csv ? ".csv" : ".pdf");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    if (csv) {
                        out.write(ReportWriter.csv(report, locale).bytes());
                    } else {
                        ReportWriter.pdf(report, locale, renderer, out);
                    }
                }
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            System.out.println("已生成 / written: " + path + " (" + Files.size(path) + " bytes; "
                    + report.cases().size() + " case files, average " + report.average() + ")");
            return null;
        } catch (ZhifaException e) {
            throw new IllegalArgumentException("[" + e.code() + "] " + e.messageZh() + " / " + e.messageEn());
        }
    }
}
