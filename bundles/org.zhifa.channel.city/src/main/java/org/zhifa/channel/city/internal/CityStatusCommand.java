package org.zhifa.channel.city.internal;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;

/** The city channel's status per stream; {@code --push-now} pushes tree head and statistics first. */
@Command(scope = "zhifa", name = "city-status",
        description = "Shows the push to the city platform (市级平台推送): last success, last error and alarm of items, tree heads, statistics")
@Service
public class CityStatusCommand implements Action {

    @Reference
    CityChannel channel;

    @Reference
    ShellUser user;

    @Option(name = "--push-now", description = "Pushes the signed tree head and the statistics now (负责人, 管理员)")
    boolean pushNow;

    @Override
    public Object execute() {
        Actor actor;
        try {
            actor = user.current();
        } catch (ZhifaException e) {
            throw new IllegalArgumentException("[" + e.code() + "] " + e.messageZh() + " / " + e.messageEn());
        }
        if (!actor.isStaff()) {
            throw new IllegalArgumentException("[FORBIDDEN_ROLE] " + Texts.both("FORBIDDEN_ROLE"));
        }
        String failed = null;
        if (pushNow) {
            if (!actor.has(Roles.LEADER) && !actor.has(Roles.ADMIN)) {
                throw new IllegalArgumentException("[FORBIDDEN_PUSH] " + Texts.both("FORBIDDEN_PUSH"));
            }
            for (Map.Entry<String, Outcome> e : channel.pushNow().entrySet()) {
                Outcome o = e.getValue();
                String text = o.state() == Outcome.State.DONE ? o.receipt() : o.message();
                System.out.println(e.getKey() + ": " + o.state() + " " + text);
                if (o.state() == Outcome.State.FAILED && failed == null) {
                    failed = "[" + o.code() + "] " + text;
                }
            }
        }
        Map<String, Object> s = channel.status();
        System.out.println("url: " + s.get("url") + "   county: " + s.get("county"));
        if (s.get("configProblem") != null) {
            System.out.println(Texts.both("shell.config") + ": " + s.get("configProblem"));
        }
        ShellTable t = new ShellTable();
        for (String h : new String[] {"col.stream", "col.lastSuccess", "col.lastError", "col.error", "col.alarm"}) {
            t.column(Texts.zh(h) + " " + Texts.en(h));
        }
        for (String stream : new String[] {"items", "treeHeads", "statistics"}) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) s.get(stream);
            t.addRow().addContent(Texts.zh("stream." + stream) + " / " + Texts.en("stream." + stream),
                    text(m.get("lastSuccess")), text(m.get("lastErrorAt")), text(m.get("lastError")),
                    Boolean.TRUE.equals(m.get("alarm")) ? Texts.both("shell.alarm") + " " + m.get("alarmCode") : "");
        }
        t.print(System.out);
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
        return null;
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }
}
