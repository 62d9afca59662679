package org.zhifa.legalreview.internal.shell;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.legalreview.LegalReview;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.api.shell.ShellUser;

/** The open legal reviews, as the console's inbox shows them to the shell user: overdue first, then by due date. */
@Command(scope = "zhifa", name = "review-pending",
        description = "Lists the open legal reviews (待办法制审核): case, draft, submitted, due, overdue, reviewer")
@Service
public class ReviewPendingCommand implements Action {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    @Reference
    LegalReviewService service;

    @Reference
    ShellUser user;

    @Override
    public Object execute() {
        List<LegalReview> pending;
        try {
            pending = service.pending(user.current());
        } catch (ZhifaException e) {
            throw ShellTexts.refusal(e);
        }
        ShellTable t = new ShellTable();
        for (String h : List.of("col.no", "col.case", "col.title", "col.draft", "col.status", "col.submitted", "col.due",
                "col.overdue", "col.reviewer")) {
            t.column(ShellTexts.header(h));
        }
        for (LegalReview r : pending) {
            t.addRow().addContent(r.id(), r.caseNumber(), r.caseTitle(), "v" + r.draftVersion(),
                    ShellTexts.column("outcome." + r.status().name()),
                    AT.format(r.submittedAt()) + " " + r.submittedBy(), r.due() == null ? "" : r.due().toString(),
                    r.overdue() ? ShellTexts.zh("overdue") + " " + ShellTexts.en("overdue") : "",
                    r.reviewer() == null ? ShellTexts.both("unassigned") : r.reviewer());
        }
        t.print(System.out);
        System.out.println(ShellTexts.both("total", String.valueOf(pending.size())));
        return null;
    }
}
