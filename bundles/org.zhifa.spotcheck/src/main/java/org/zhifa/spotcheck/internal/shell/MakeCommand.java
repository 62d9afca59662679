package org.zhifa.spotcheck.internal.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;
import org.zhifa.api.spotcheck.Draw;
import org.zhifa.api.spotcheck.SpotCheckService;

/** Makes an announced draw with the values its public sources took: recorded first, then shown. */
@Command(scope = "zhifa", name = "draw-make",
        description = "Makes an announced draw (抽取) with the published values of its sources, one argument per source")
@Service
public class MakeCommand implements Action {
    @Reference
    SpotCheckService service;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "draw", required = true, description = "the announced draw's id")
    String draw;

    @Argument(index = 1, name = "values", multiValued = true,
            description = "each announced source's values as published, in the announced order; values separated by commas or spaces, e.g. '3,8,12,19,25,31' '826'")
    List<String> values;

    @Override
    public Object execute() {
        long id = Shell.id(draw, "what.draw");
        List<List<String>> sourceValues = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            sourceValues.add(Arrays.stream(v.strip().split("[,，\\s]+")).filter(s -> !s.isEmpty()).toList());
        }
        Draw d;
        try {
            d = service.make(id, sourceValues, user.current());
        } catch (ZhifaException e) {
            throw Shell.refusal(e);
        }
        System.out.println(Shell.both("make.done", d.id(), d.targetCount(), d.poolSize(), Shell.orEmpty(d.recordSeq())));
        Shell.print(d, System.out);
        return null;
    }
}
