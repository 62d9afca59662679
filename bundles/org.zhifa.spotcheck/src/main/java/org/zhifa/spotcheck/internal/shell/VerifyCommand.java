package org.zhifa.spotcheck.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;
import org.zhifa.api.spotcheck.DrawVerification;
import org.zhifa.api.spotcheck.SpotCheckService;

/** Re-runs a draw from the record and the stored snapshots (S3): OK, or every problem and a non-zero exit. */
@Command(scope = "zhifa", name = "draw-verify",
        description = "Re-runs a draw from the record (抽取核验): OK, or every mismatch and a non-zero exit")
@Service
public class VerifyCommand implements Action {
    @Reference
    SpotCheckService service;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "draw", required = true, description = "the drawn draw's id")
    String draw;

    @Override
    public Object execute() {
        long id = Shell.id(draw, "what.draw");
        DrawVerification v;
        try {
            v = service.verify(id, user.current());
        } catch (ZhifaException e) {
            throw Shell.refusal(e);
        }
        if (!v.ok()) {
            v.problems().forEach(p -> System.out.println("  ✗ " + p));
            throw Shell.invalid("verify.failed", id, v.problems().size());
        }
        System.out.println(Shell.both("verify.ok", id, v.algorithm(), v.key(),
                v.rerun() == null ? 0 : v.rerun().assignments().size()));
        return null;
    }
}
