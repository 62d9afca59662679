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
import org.zhifa.api.disclosure.WithdrawalGround;
import org.zhifa.api.shell.ShellUser;

/** Withdraws a published item from every channel with a published reason (D4; 负责人, 管理员). */
@Command(scope = "zhifa", name = "withdraw",
        description = "Withdraws a published disclosure item (撤回) from every channel with a published reason")
@Service
public class WithdrawCommand implements Action {

    @Reference
    DisclosureService service;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "item", required = true, description = "The item's id")
    String item;

    @Option(name = "--ground", required = true, description = "VARIED, REVOKED, ILLEGAL, VOID or OTHER")
    String ground;

    @Argument(index = 1, name = "reason", required = true, multiValued = true,
            description = "The reason published with the withdrawal")
    List<String> reason;

    @Override
    public Object execute() {
        long id = ShellTexts.id(item);
        WithdrawalGround g = ShellTexts.value(WithdrawalGround.class, ground, "--ground");
        try {
            DisclosureItem i = service.withdraw(id, g, String.join(" ", reason), user.current());
            System.out.println(ShellTexts.both("withdrawn", i.id(), i.title(), ShellTexts.zh("ground." + i.withdrawalGround()),
                    i.withdrawalReason()));
        } catch (ZhifaException e) {
            throw ShellTexts.refusal(e);
        }
        return null;
    }
}
