package org.zhifa.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.personnel.PersonnelService;

@Command(scope = "zhifa", name = "health", description = "Shows the bureau's health: database and zhifa bundles")
@Service
public class HealthCommand implements Action {
    @Reference
    BundleContext context;

    @Reference
    BureauInfo bureau;

    @Reference
    PersonnelService personnel;

    @Override
    public Object execute() {
        boolean ok = true;
        System.out.println("单位 / bureau: " + bureau.name() + " (" + bureau.code() + ")");
        String db;
        try {
            long n = personnel.probe();
            db = "UP (" + n + " active officers)";
        } catch (RuntimeException e) {
            db = "DOWN: " + e.getMessage();
            ok = false;
        }
        System.out.println("数据库 / database: " + db);
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("Bundle");
        table.column("Version");
        table.column("State");
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.zhifa.")) {
                boolean active = b.getState() == Bundle.ACTIVE;
                ok &= active;
                table.addRow().addContent(b.getBundleId(), b.getSymbolicName(), b.getVersion(),
                        active ? "ACTIVE" : "NOT ACTIVE (" + b.getState() + ")");
            }
        }
        table.print(System.out);
        if (!ok) {
            throw new IllegalStateException("zhifa is not healthy / 系统状态异常");
        }
        System.out.println("状态 / status: UP");
        return null;
    }
}
