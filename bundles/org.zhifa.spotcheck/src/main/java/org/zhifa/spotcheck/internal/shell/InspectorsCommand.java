package org.zhifa.spotcheck.internal.shell;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;
import org.zhifa.api.spotcheck.ConflictDeclaration;
import org.zhifa.api.spotcheck.Inspector;
import org.zhifa.api.spotcheck.SpotCheckService;

/** The inspector pool (执法检查人员名录库) of a day, and the declared conflicts in force. */
@Command(scope = "zhifa", name = "spotcheck-inspectors",
        description = "Lists the inspectors (执法检查人员名录库) of a day and the conflicts of interest in force")
@Service
public class InspectorsCommand implements Action {
    @Reference
    SpotCheckService service;

    @Reference
    ShellUser user;

    @Option(name = "--day", description = "yyyy-MM-dd (default today)")
    String day;

    @Override
    public Object execute() {
        LocalDate on = null;
        if (day != null) {
            try {
                on = LocalDate.parse(day.strip());
            } catch (DateTimeParseException e) {
                throw Shell.invalid("day.invalid", day);
            }
        }
        Actor actor = user.current();
        List<Inspector> inspectors;
        List<ConflictDeclaration> conflicts;
        try {
            inspectors = service.inspectors(on, actor);
            conflicts = service.conflicts(null, null, actor).stream().filter(ConflictDeclaration::active).toList();
        } catch (ZhifaException e) {
            throw Shell.refusal(e);
        }
        ShellTable t = Shell.table("col.officerId", "col.name", "col.unit", "col.certificate", "col.area", "col.categories");
        inspectors.forEach(i -> t.addRow().addContent(i.officerId(), i.name(), i.unit(), i.certificateNo(),
                Shell.orEmpty(i.area()), String.join("、", i.categories())));
        t.print(System.out);
        System.out.println(Shell.both("total", inspectors.size()));
        if (!conflicts.isEmpty()) {
            System.out.println(Shell.both("label.conflicts", conflicts.size()));
            ShellTable c = Shell.table("col.conflictId", "col.officerId", "col.targetId", "col.reason", "col.declared");
            conflicts.forEach(x -> c.addRow().addContent(x.id(), x.officerId(), x.targetId(), x.reason(),
                    Shell.AT.format(x.declaredAt()) + " " + x.declaredBy()));
            c.print(System.out);
        }
        return null;
    }
}
