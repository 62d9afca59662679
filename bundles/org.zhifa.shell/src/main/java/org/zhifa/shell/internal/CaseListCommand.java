package org.zhifa.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.cases.CaseQuery;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.CaseStatus;
import org.zhifa.api.cases.CaseSummary;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.ZhifaException;

@Command(scope = "zhifa", name = "case-list", description = "Lists cases (案件列表) with filters and paging")
@Service
public class CaseListCommand implements Action {

    /** Optional: the shell works without the case engine and says so. */
    @Reference(optional = true)
    CaseService cases;

    @Option(name = "-q", aliases = "--query", description = "Text in the case number, title or party name")
    String text;

    @Option(name = "--kind", description = "Kind id, e.g. penalty (行政处罚)")
    String kind;

    @Option(name = "--step", description = "Current step id, e.g. investigation")
    String step;

    @Option(name = "--status", description = "OPEN or CLOSED")
    String status;

    @Option(name = "--category", description = "Enforcement category (执法领域)")
    String category;

    @Option(name = "--officer", description = "Assigned officer id")
    Long officer;

    @Option(name = "--due", description = "overdue (逾期) or soon (即将到期)")
    String due;

    @Option(name = "--within", description = "With --due soon: working days ahead (default 3)")
    int within = CaseShell.DEFAULT_WITHIN;

    @Option(name = "--sort", description = "filedOn, number, nextDue or id")
    String sort = "id";

    @Option(name = "--asc", description = "Ascending (default: newest first)")
    boolean ascending;

    @Option(name = "--offset", description = "First row")
    int offset;

    @Option(name = "-n", aliases = "--limit", description = "Rows to show (at most 500)")
    int limit = 50;

    @Override
    public Object execute() {
        CaseService engine = CaseShell.engine(cases);
        CaseStatus st = CaseShell.choice(CaseStatus.class, status, "案件状态", "status");
        CaseQuery.Due d = CaseShell.choice(CaseQuery.Due.class, due, "期限筛选", "due filter");
        Page<CaseSummary> page;
        try {
            page = engine.list(new CaseQuery(text, kind, step, st, category, officer, d, within, sort, ascending,
                    offset, limit), CaseShell.actor());
        } catch (ZhifaException e) {
            throw ShellErrors.of(e);
        }
        ShellTable table = new ShellTable();
        for (String h : new String[] {"ID", "案号 Number", "类别 Kind", "案件名称 Title", "当事人 Party", "环节 Step",
                "状态 Status", "立案 Filed", "最近期限 Next due"}) {
            table.column(h);
        }
        for (CaseSummary c : page.items()) {
            table.addRow().addContent(c.id(), c.number(), c.kindTitleZh() + (c.kindInstalled() ? "" : " (未安装)"),
                    c.title(), c.partyName(), c.stepTitleZh(), c.status() == CaseStatus.OPEN ? "办理中 OPEN" : "已结案 CLOSED",
                    c.filedOn(), overdue(c) ? "!! " + c.nextDue() : CaseShell.orEmpty(c.nextDue()));
        }
        table.print(System.out);
        System.out.println("共 " + page.total() + " 件 / total " + page.total() + " (showing " + page.items().size()
                + " from " + page.offset() + ")");
        return null;
    }

    private static boolean overdue(CaseSummary c) {
        return c.status() == CaseStatus.OPEN && c.nextDue() != null && c.nextDue().isBefore(CaseShell.today());
    }
}
