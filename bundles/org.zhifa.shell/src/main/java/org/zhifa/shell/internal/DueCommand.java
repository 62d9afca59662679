package org.zhifa.shell.internal;

import java.util.Comparator;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.DueItem;
import org.zhifa.api.common.ZhifaException;

@Command(scope = "zhifa", name = "due", description = "Legal time limits overdue or due soon (逾期及即将到期), overdue first")
@Service
public class DueCommand implements Action {

    @Reference(optional = true)
    CaseService cases;

    @Option(name = "--within", description = "Working days ahead (0-365, default 3)")
    int within = CaseShell.DEFAULT_WITHIN;

    @Override
    public Object execute() {
        CaseService engine = CaseShell.engine(cases);
        List<DueItem> items;
        try {
            items = engine.due(within, CaseShell.actor());
        } catch (ZhifaException e) {
            throw ShellErrors.of(e);
        }
        items = items.stream().sorted(Comparator.comparing((DueItem i) -> !i.overdue())
                .thenComparing(DueItem::dueOn).thenComparingLong(DueItem::caseId)).toList();
        ShellTable table = new ShellTable();
        for (String h : new String[] {"状态 State", "案号 Number", "案件名称 Title", "期限 Limit", "依据 Basis",
                "到期日 Due", "剩余工作日 Days left"}) {
            table.column(h);
        }
        long overdue = 0;
        for (DueItem i : items) {
            overdue += i.overdue() ? 1 : 0;
            table.addRow().addContent(i.overdue() ? "!! 逾期 OVERDUE" : "即将到期 DUE SOON", i.number(), i.title(),
                    i.ruleTitleZh() + " / " + i.ruleTitleEn(), i.basis(), i.dueOn(), i.workingDaysLeft());
        }
        table.print(System.out);
        System.out.println("逾期 " + overdue + " 项，" + within + " 个工作日内到期 " + (items.size() - overdue) + " 项 / "
                + overdue + " overdue, " + (items.size() - overdue) + " due within " + within + " working days");
        return null;
    }
}
