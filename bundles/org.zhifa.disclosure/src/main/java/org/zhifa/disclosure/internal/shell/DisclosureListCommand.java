package org.zhifa.disclosure.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.ItemQuery;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.shell.ShellUser;

/** The disclosure queue: items with their status and deadline, late and due-soon ones flagged. */
@Command(scope = "zhifa", name = "disclosure-list",
        description = "Lists disclosure items (公示事项): status, deadline, late (逾期) and due soon (即将到期)")
@Service
public class DisclosureListCommand implements Action {

    @Reference
    DisclosureService service;

    @Reference
    ShellUser user;

    @Option(name = "--due", description = "late (overdue, incl. withdrawals) or soon (within the warning window)")
    String due;

    @Option(name = "--status", description = "PENDING, PUBLISHED, WITHHELD, WITHDRAWN or EXPIRED")
    String status;

    @Option(name = "--type", description = "DECISION, NOTICE or CATALOGUE")
    String type;

    @Option(name = "-q", description = "Text in the title, case number or party")
    String q;

    @Option(name = "--limit", description = "Rows (1-500, default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        if (due != null && !due.equals("late") && !due.equals("soon")) {
            throw new IllegalArgumentException(ShellTexts.both("due.invalid", due));
        }
        ItemQuery query = new ItemQuery(ShellTexts.value(ItemStatus.class, status, "--status"),
                ShellTexts.value(ItemType.class, type, "--type"), null, due, q, 0, limit);
        Page<DisclosureItem> page;
        try {
            page = service.items(query, user.current());
        } catch (ZhifaException e) {
            throw ShellTexts.refusal(e);
        }
        ShellTable t = new ShellTable();
        for (String h : List.of("col.id", "col.type", "col.status", "col.title", "col.case", "col.decided", "col.due",
                "col.flag", "col.version")) {
            t.column(ShellTexts.header(h));
        }
        for (DisclosureItem i : page.items()) {
            String flag = i.late() ? ShellTexts.both("late") : i.dueSoon() ? ShellTexts.both("soon") : "";
            String dueOn = i.withdrawalDueOn() != null && i.withdrawnAt() == null
                    ? ShellTexts.zh("withdrawalDue") + " " + i.withdrawalDueOn() : String.valueOf(i.dueOn());
            t.addRow().addContent(i.id(), ShellTexts.both("type." + i.type()), ShellTexts.both("status." + i.status()),
                    i.title(), i.caseNumber() == null ? "" : i.caseNumber(), i.decidedOn(), dueOn, flag, "v" + i.version());
        }
        t.print(System.out);
        System.out.println(ShellTexts.both("total", String.valueOf(page.total())));
        return null;
    }
}
