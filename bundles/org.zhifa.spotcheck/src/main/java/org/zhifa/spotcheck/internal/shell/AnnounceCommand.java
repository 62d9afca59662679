package org.zhifa.spotcheck.internal.shell;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;
import org.zhifa.api.spotcheck.Draw;
import org.zhifa.api.spotcheck.SeedSource;
import org.zhifa.api.spotcheck.SpotCheckService;

/**
 * Announces a draw of a plan, or a reasoned redraw of a drawn draw: the public sources whose future values will
 * make the key (RFC 3797), or a secure random source.
 */
@Command(scope = "zhifa", name = "draw-announce",
        description = "Announces a draw (抽取公告) of a plan with its public sources of randomness, or a redraw with --redraw and --reason")
@Service
public class AnnounceCommand implements Action {
    @Reference
    SpotCheckService service;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "plan", description = "the plan's id (not with --redraw)")
    String plan;

    @Argument(index = 1, name = "sources", multiValued = true,
            description = "labels of the public sources, in order, e.g. '2026-12-01 福利彩票双色球开奖号码'")
    List<String> sources;

    @Option(name = "--unordered", multiValued = true,
            description = "1-based position of a source whose values have no order of their own (lottery balls): sorted, as RFC 3797 §4 does")
    List<Integer> unordered;

    @Option(name = "--random", description = "draw with a key from a secure random source instead of public sources")
    boolean random;

    @Option(name = "--redraw", description = "the id of the drawn draw this redraw supersedes")
    String redraw;

    @Option(name = "--reason", description = "why the draw is redone (required with --redraw, published)")
    String reason;

    @Override
    public Object execute() {
        List<String> labels = sources == null ? List.of() : sources;
        if (random == !labels.isEmpty()) {
            throw Shell.invalid("announce.sources");
        }
        List<SeedSource> announced = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            announced.add(new SeedSource(labels.get(i), List.of(), unordered == null || !unordered.contains(i + 1)));
        }
        for (int u : unordered == null ? List.<Integer>of() : unordered) {
            if (u < 1 || u > labels.size()) {
                throw Shell.invalid("announce.unordered", u, labels.size());
            }
        }
        Draw.SeedMode mode = random ? Draw.SeedMode.SECURE_RANDOM : Draw.SeedMode.PUBLIC_SOURCES;
        Draw d;
        try {
            if (redraw != null) {
                if (plan != null) {
                    throw Shell.invalid("announce.planWithRedraw");
                }
                d = service.announceRedraw(Shell.id(redraw, "what.draw"), reason, mode, announced, user.current());
            } else {
                if (reason != null) {
                    throw Shell.invalid("announce.reasonWithoutRedraw");
                }
                d = service.announce(Shell.id(plan, "what.plan"), mode, announced, user.current());
            }
        } catch (ZhifaException e) {
            throw Shell.refusal(e);
        }
        System.out.println(Shell.both("announce.done", d.id(), d.planId(), d.round()));
        Shell.print(d, System.out);
        return null;
    }
}
