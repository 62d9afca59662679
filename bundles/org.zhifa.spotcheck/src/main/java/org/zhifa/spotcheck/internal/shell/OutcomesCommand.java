package org.zhifa.spotcheck.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;
import org.zhifa.api.spotcheck.InspectionOutcome;
import org.zhifa.api.spotcheck.SpotCheckService;

/** What became of each drawn target (S4): its inspection case, result, deadline and publication. */
@Command(scope = "zhifa", name = "draw-outcomes",
        description = "Lists the drawn targets of a draw with their inspection case, result, publication deadline and publication")
@Service
public class OutcomesCommand implements Action {
    @Reference
    SpotCheckService service;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "draw", required = true, description = "the drawn draw's id")
    String draw;

    @Override
    public Object execute() {
        long id = Shell.id(draw, "what.draw");
        List<InspectionOutcome> outcomes;
        try {
            outcomes = service.outcomes(id, user.current());
        } catch (ZhifaException e) {
            throw Shell.refusal(e);
        }
        ShellTable t = Shell.table("col.targetId", "col.target", "col.case", "col.step", "col.endedOn", "col.finding",
                "col.publishBy", "col.publishedOn", "col.problem");
        for (InspectionOutcome o : outcomes) {
            t.addRow().addContent(o.targetId(), o.targetName(),
                    o.caseId() == null ? "" : Shell.orEmpty(o.caseNumber()) + " (" + o.caseId() + ")",
                    Shell.orEmpty(o.caseStep()), Shell.orEmpty(o.endedOn()),
                    o.finding() == null ? "" : o.finding().label(), Shell.orEmpty(o.publishBy()),
                    Shell.orEmpty(o.publishedOn()), Shell.orEmpty(o.caseProblem()));
        }
        t.print(System.out);
        System.out.println(Shell.both("total", outcomes.size()));
        return null;
    }
}
