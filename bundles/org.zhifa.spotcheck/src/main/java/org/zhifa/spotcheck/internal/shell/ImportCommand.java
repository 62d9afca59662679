package org.zhifa.spotcheck.internal.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.api.spotcheck.TargetImport;

/** Imports targets from CSV (UTF-8 or GBK) or XLSX: all rows or none, every bad row reported by line. */
@Command(scope = "zhifa", name = "spotcheck-import",
        description = "Imports inspection targets from a CSV or XLSX file: all rows or none; bad rows by line")
@Service
public class ImportCommand implements Action {
    @Reference
    SpotCheckService service;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "file", required = true,
            description = "a .csv or .xlsx file with the columns 名称,统一社会信用代码,类型,所属区域,风险等级,标签; relative to the Karaf base folder")
    String file;

    @Override
    public Object execute() throws IOException {
        Path path = Shell.file(file);
        if (!Files.isRegularFile(path)) {
            throw Shell.invalid("import.noFile", path);
        }
        TargetImport result;
        try (InputStream in = Files.newInputStream(path)) {
            result = service.importTargets(in, path.getFileName().toString(), user.current());
        } catch (ZhifaException e) {
            throw Shell.refusal(e);
        }
        if (!result.stored()) {
            for (TargetImport.RowError e : result.errors()) {
                System.out.println(Shell.both("import.row", e.line(), Shell.orEmpty(e.column())) + ": " + e.messageZh()
                        + " / " + e.messageEn());
            }
            throw Shell.invalid("import.refused", result.errors().size());
        }
        System.out.println(Shell.both("import.done", result.created(), result.revised(), result.format()));
        return null;
    }
}
