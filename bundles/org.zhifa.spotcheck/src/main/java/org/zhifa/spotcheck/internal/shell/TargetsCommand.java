package org.zhifa.spotcheck.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;
import org.zhifa.api.spotcheck.InspectionTarget;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.api.spotcheck.TargetFilter;
import org.zhifa.spotcheck.internal.Labels;

/** The target pool (检查对象名录库), filtered as a plan filters it. */
@Command(scope = "zhifa", name = "spotcheck-targets",
        description = "Lists the inspection targets (检查对象名录库): -q name or credit code, --type, --area, --risk, --tag")
@Service
public class TargetsCommand extends FilterOptions {
    @Reference
    SpotCheckService service;

    @Reference
    ShellUser user;

    @Option(name = "-q", description = "part of the name or the credit code")
    String q;

    @Option(name = "--inactive", description = "also deactivated targets")
    boolean inactive;

    @Option(name = "--offset", description = "rows to skip")
    int offset;

    @Option(name = "--limit", description = "rows to show (1–500, default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw Shell.invalid("paging.invalid");
        }
        TargetFilter filter = filter(q);
        Page<InspectionTarget> page;
        try {
            page = service.targets(filter, inactive, offset, limit, user.current());
        } catch (ZhifaException e) {
            throw Shell.refusal(e);
        }
        ShellTable t = Shell.table("col.targetId", "col.target", "col.creditCode", "col.type", "col.area", "col.risk",
                "col.tags", "col.revision", "col.state");
        for (InspectionTarget x : page.items()) {
            t.addRow().addContent(x.id(), x.name(), x.creditCode(), Labels.type(Shell.zh(), x.type()), x.area(),
                    Labels.risk(Shell.zh(), x.risk()), String.join("、", x.tags().stream().sorted().toList()),
                    x.revision(), x.active() ? "" : Shell.both("state.inactive"));
        }
        t.print(System.out);
        System.out.println(Shell.both("total.paged", page.total(), page.items().isEmpty() ? 0 : page.offset() + 1,
                page.offset() + page.items().size()));
        return null;
    }
}
