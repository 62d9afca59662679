package org.zhifa.casefile.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.casefile.CaseFileService;
import org.zhifa.api.casefile.Completeness;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.shell.ShellUser;

/** Prints what a case file lacks against its kind's standard (R6). */
@Command(scope = "zhifa", name = "casefile-check", description = "Checks a case file (案卷) for completeness")
@Service
public class CheckCommand implements Action {
    @Reference
    CaseFileService casefiles;

    @Reference
    ShellUser user;

    @Argument(index = 0, name = "caseId", required = true, description = "the case id")
    long caseId;

    @Override
    public Object execute() {
        try {
            Completeness c = casefiles.completeness(caseId, user.current());
            if (c.complete()) {
                System.out.println(c.number() + "：案卷完整 / complete");
                return null;
            }
            System.out.println(c.number() + "：案卷不完整 / incomplete (" + c.missing().size() + ")");
            for (Completeness.Missing m : c.missing()) {
                System.out.println("  " + m.type() + "  " + m.messageZh() + " / " + m.messageEn());
            }
            return null;
        } catch (ZhifaException e) {
            throw new IllegalArgumentException("[" + e.code() + "] " + e.messageZh() + " / " + e.messageEn());
        }
    }
}
