package org.zhifa.disclosure.internal.shell;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.ChannelStatus;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.OutboxEntry;
import org.zhifa.api.disclosure.OutboxState;
import org.zhifa.api.shell.ShellUser;

/** The outbox: every channel's status, then its entries (by default those not yet delivered). */
@Command(scope = "zhifa", name = "outbox",
        description = "Shows the publishing channels and the outbox (推送队列): waiting, retrying, pending, failed entries")
@Service
public class OutboxCommand implements Action {
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    @Reference
    DisclosureService service;

    @Reference
    ShellUser user;

    @Option(name = "--state", description = "WAITING, RETRYING, PENDING, DONE or FAILED (default: every entry not DONE)")
    String state;

    @Option(name = "--channel", description = "Only this channel's entries")
    String channel;

    @Option(name = "--retry", description = "Tries this entry again now (负责人, 管理员)")
    String retry;

    @Option(name = "--limit", description = "Rows (1-500, default 50)")
    int limit = 50;

    @Override
    public Object execute() {
        OutboxState s = ShellTexts.value(OutboxState.class, state, "--state");
        Actor actor = user.current();
        List<ChannelStatus> channels;
        Page<OutboxEntry> page;
        try {
            if (retry != null) {
                OutboxEntry e = service.retry(ShellTexts.id(retry), actor);
                System.out.println(ShellTexts.both("retried", e.id(), e.channel()));
            }
            channels = service.channels(actor);
            page = service.outbox(s, channel, 0, limit, actor);
        } catch (ZhifaException e) {
            throw ShellTexts.refusal(e);
        }
        ShellTable c = new ShellTable();
        for (String h : List.of("col.channel", "col.name", "col.installed", "col.waiting", "col.failed", "col.done",
                "col.oldest", "col.alarm")) {
            c.column(ShellTexts.header(h));
        }
        for (ChannelStatus ch : channels) {
            c.addRow().addContent(ch.id(), ch.titleZh() + " / " + ch.titleEn(), ShellTexts.zh(ch.installed() ? "yes" : "no"),
                    ch.waiting(), ch.failed(), ch.done(), ch.oldestWaitingSince() == null ? "" : AT.format(ch.oldestWaitingSince()),
                    ch.alarm() ? ShellTexts.both("alarm") : "");
        }
        c.print(System.out);
        ShellTable t = new ShellTable();
        for (String h : List.of("col.entry", "col.channel", "col.item", "col.action", "col.state", "col.attempts",
                "col.created", "col.next", "col.error", "col.alarm")) {
            t.column(ShellTexts.header(h));
        }
        for (OutboxEntry e : page.items()) {
            t.addRow().addContent(e.id(), e.channel(), e.itemId() + " v" + e.version(), e.action(), e.state(), e.attempts(),
                    AT.format(e.createdAt()), e.nextAttemptAt() == null ? "" : AT.format(e.nextAttemptAt()),
                    e.lastError() == null ? "" : e.lastError(), e.alarm() ? ShellTexts.both("alarm") : "");
        }
        t.print(System.out);
        System.out.println(ShellTexts.both("total", String.valueOf(page.total())));
        return null;
    }
}
