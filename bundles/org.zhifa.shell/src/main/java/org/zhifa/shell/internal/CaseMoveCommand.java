package org.zhifa.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;

/**
 * Takes one transition of a case through the engine, like the console's forms and the REST API: every
 * check of the engine, the kind and the legal-review gate (V2) applies; a refusal exits non-zero.
 */
@Command(scope = "zhifa", name = "case-move",
        description = "Takes a transition of a case (办理环节流转), e.g. decide, with its fields as name=value")
@Service
public class CaseMoveCommand implements Action {

    @Reference(optional = true)
    CaseService cases;

    @Argument(index = 0, name = "case", required = true, description = "Case id or case number (案号)")
    String idOrNumber;

    @Argument(index = 1, name = "transition", required = true, description = "The transition id, e.g. decide")
    String transition;

    @Argument(index = 2, name = "fields", multiValued = true, description = "The transition's fields as name=value")
    List<String> fields;

    @Option(name = "--reason", description = "Why (required by some transitions)")
    String reason;

    @Option(name = "--version", description = "The case version you saw; the move is refused when it changed")
    long version = -1;

    @Override
    public Object execute() {
        CaseService engine = CaseShell.engine(cases);
        Actor actor = CaseShell.actor();
        Map<String, String> values = parse(fields);
        CaseFile c = CaseShell.find(engine, idOrNumber, actor);
        CaseFile moved;
        try {
            moved = engine.transition(c.id(), transition.strip(), values, reason, version, actor);
        } catch (ZhifaException e) {
            throw ShellErrors.of(e);
        }
        System.out.println("已办理 / moved: " + moved.number() + "  " + c.stepTitleZh() + " → " + moved.stepTitleZh()
                + " / " + c.stepTitleEn() + " → " + moved.stepTitleEn() + "  (版本 / version " + moved.version() + ")");
        return null;
    }

    /** name=value pairs; the value may hold '=' and be empty, a name only once. */
    static Map<String, String> parse(List<String> pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        if (pairs == null) {
            return values;
        }
        for (String p : pairs) {
            int eq = p.indexOf('=');
            String name = eq < 0 ? "" : p.substring(0, eq).strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("字段应写作 名称=值 / a field is name=value: " + p);
            }
            if (values.put(name, p.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("字段重复 / field given twice: " + name);
            }
        }
        return values;
    }
}
