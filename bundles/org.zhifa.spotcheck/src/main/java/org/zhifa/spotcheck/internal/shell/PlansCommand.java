package org.zhifa.spotcheck.internal.shell;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;
import org.zhifa.api.spotcheck.Plan;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.spotcheck.internal.Labels;

/** The plans (抽查计划) with their draws. */
@Command(scope = "zhifa", name = "spotcheck-plans",
        description = "Lists the random-inspection plans (抽查计划): item, filter, ratio or count, period, draws")
@Service
public class PlansCommand implements Action {
    @Reference
    SpotCheckService service;

    @Reference
    ShellUser user;

    @Override
    public Object execute() {
        Actor actor = user.current();
        ShellTable t = Shell.table("col.planId", "col.number", "col.title", "col.item", "col.filter", "col.size",
                "col.frequency", "col.period", "col.perTarget", "col.draws");
        List<Plan> plans;
        try {
            plans = service.plans(actor);
            for (Plan p : plans) {
                String draws = service.draws(p.id(), actor).stream()
                        .map(d -> "#" + d.id() + " " + Shell.T.zh("status." + d.status().name()))
                        .collect(Collectors.joining("，"));
                t.addRow().addContent(p.id(), p.number(), p.title(),
                        p.itemName() + (p.keyItem() ? "（" + Shell.T.zh("label.keyItem") + "）" : ""),
                        Labels.filter(Shell.zh(), p.filter()), Labels.size(Shell.zh(), p), p.frequency(),
                        p.periodFrom() + " ~ " + p.periodTo(), p.inspectorsPerTarget()
                                + (p.excludeOwnArea() ? "（" + Shell.T.zh("label.ownArea") + "）" : ""), draws);
            }
        } catch (ZhifaException e) {
            throw Shell.refusal(e);
        }
        t.print(System.out);
        System.out.println(Shell.both("total", plans.size()));
        return null;
    }
}
