package org.zhifa.shell.internal;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.personnel.ImportResult;
import org.zhifa.api.personnel.PersonnelService;

@Command(scope = "zhifa", name = "personnel-import",
        description = "Imports officers from a CSV file (UTF-8 or GBK); all rows or none")
@Service
public class PersonnelImportCommand implements Action {

    @Reference
    PersonnelService personnel;

    @Argument(index = 0, name = "csv", required = true,
            description = "CSV file on the server; a relative path is resolved against the Karaf home folder")
    String file;

    @Override
    public Object execute() {
        Path path = Paths.get(file);
        if (!path.isAbsolute()) {
            path = Paths.get(System.getProperty("karaf.base", ".")).resolve(path);
        }
        try {
            ImportResult r = personnel.importCsv(path.normalize(), ShellActor.current());
            System.out.println("已导入 " + r.imported() + " 名执法人员（编码 " + r.charset() + "） / imported "
                    + r.imported() + " officers (" + r.charset() + ")");
            return null;
        } catch (ZhifaException e) {
            throw ShellErrors.of(e);
        }
    }
}
