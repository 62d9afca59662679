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

    @Option(name = "--ground", description = "VARIED, REVOKED, ILLEGAL, VOID or OTHER (also accepted after the id)")
    String ground;

    @Argument(index = 0, name = "item and reason", required = true, multiValued = true,
            description = "The item's id, then the reason published with the withdrawal")
    List<String> args;

    @Override
    public Object execute() {
        // Karaf reads options only before the first argument: take "<id> --ground G <reason>" as well
        List<String> rest = new java.util.ArrayList<>(args);
        String g0 = ShellTexts.take(rest, "--ground");
        String groundText = ground != null ? ground : g0;
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(ShellTexts.both("usage.withdraw"));
        }
        long id = ShellTexts.id(rest.remove(0));
        if (groundText == null) {
            throw new IllegalArgumentException(ShellTexts.both("usage.withdraw"));
        }
        WithdrawalGround g = ShellTexts.value(WithdrawalGround.class, groundText, "--ground");
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(ShellTexts.both("usage.withdraw"));
        }
        try {
            DisclosureItem i = service.withdraw(id, g, String.join(" ", rest), user.current());
            System.out.println(ShellTexts.both("withdrawn", i.id(), i.title(), ShellTexts.zh("ground." + i.withdrawalGround()),
                    i.withdrawalReason()));
        } catch (ZhifaException e) {
            throw ShellTexts.refusal(e);
        }
        return null;
    }
}
