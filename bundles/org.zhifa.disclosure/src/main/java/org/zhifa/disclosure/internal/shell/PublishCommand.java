package org.zhifa.disclosure.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.shell.ShellUser;

/** Approves an item and publishes it to every channel through the outbox (负责人, 管理员). */
@Command(scope = "zhifa", name = "publish",
        description = "Approves and publishes a disclosure item (审核发布) to every channel, with extra masks")
@Service
public class PublishCommand implements Action {

    @Reference
    DisclosureService service;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "item", required = true, description = "The item's id (as zhifa:disclosure-list lists it)")
    String item;

    @Option(name = "--mask", multiValued = true, description = "A text to mask besides what the redactor finds (repeatable)")
    List<String> masks;

    @Override
    public Object execute() {
        long id = ShellTexts.id(item);
        try {
            DisclosureItem i = service.approve(id, masks == null ? List.of() : masks, user.current());
            System.out.println(ShellTexts.both("published", i.id(), i.title(), "v" + i.version(),
                    i.postUntil() == null ? ShellTexts.zh("noEnd") : i.postUntil().toString()));
        } catch (ZhifaException e) {
            throw ShellTexts.refusal(e);
        }
        return null;
    }
}
