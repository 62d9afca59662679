package org.zhifa.spotcheck.internal.shell;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.catalogue.CatalogueService;
import org.zhifa.api.catalogue.CatalogueType;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;
import org.zhifa.api.spotcheck.Plan;
import org.zhifa.api.spotcheck.PlanDraft;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.spotcheck.internal.Labels;

/** Makes a plan (抽查计划) for an item of the 随机抽查事项清单 in force (or of a named published version). */
@Command(scope = "zhifa", name = "spotcheck-plan-add",
        description = "Makes a random-inspection plan (抽查计划) for an item of the published 随机抽查事项清单")
@Service
public class PlanAddCommand extends FilterOptions {
    @Reference
    SpotCheckService service;

    @Reference
    CatalogueService catalogues;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "title", required = true, description = "the plan's title")
    String title;

    @Option(name = "--item", required = true, description = "the item's 事项名称 as the 随机抽查事项清单 lists it")
    String item;

    @Option(name = "--catalogue", description = "the published 随机抽查事项清单 version's id (default: the one in force)")
    String catalogue;

    @Option(name = "--key", description = "a key item (重点检查事项)")
    boolean keyItem;

    @Option(name = "--ratio", description = "the share to draw, 0 < ratio ≤ 1, e.g. 0.05 (or --count)")
    String ratio;

    @Option(name = "--count", description = "how many targets to draw (or --ratio)")
    Integer count;

    @Option(name = "--frequency", description = "as the catalogue says (default 每年一次)")
    String frequency = "每年一次";

    @Option(name = "--from", description = "first day of the inspection period, yyyy-MM-dd (default today)")
    String from;

    @Option(name = "--to", description = "last day of the inspection period, yyyy-MM-dd (default the year's end)")
    String to;

    @Option(name = "--inspectors", description = "inspectors per target (at least 2, default 2)")
    int inspectors = 2;

    @Option(name = "--own-area", description = "never an inspector of the target's own area")
    boolean ownArea;

    @Override
    public Object execute() {
        Actor actor = user.current();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate periodFrom = from == null ? today : day(from);
        LocalDate periodTo = to == null ? LocalDate.of(periodFrom.getYear(), 12, 31) : day(to);
        BigDecimal share;
        try {
            share = ratio == null ? null : new BigDecimal(ratio.strip());
        } catch (NumberFormatException e) {
            throw Shell.invalid("plan.ratio", ratio);
        }
        Plan p;
        try {
            long version = catalogue != null ? Shell.id(catalogue, "what.catalogue")
                    : catalogues.inForce(CatalogueType.INSPECTIONS, today, actor)
                            .orElseThrow(() -> Shell.invalid("plan.noCatalogue")).id();
            p = service.createPlan(new PlanDraft(title, version, item, keyItem, filter(null),
                    share, count, frequency, periodFrom, periodTo, inspectors, ownArea), actor);
        } catch (ZhifaException e) {
            throw Shell.refusal(e);
        }
        System.out.println(Shell.both("plan.done", p.id(), p.number()));
        System.out.println(p.title() + "  " + p.itemName() + "  " + Labels.filter(Shell.zh(), p.filter()) + "  "
                + Labels.size(Shell.zh(), p) + "  " + p.periodFrom() + " ~ " + p.periodTo());
        return null;
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Shell.invalid("day.invalid", text);
        }
    }
}
