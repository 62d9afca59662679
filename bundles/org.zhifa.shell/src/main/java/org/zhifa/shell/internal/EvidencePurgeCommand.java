package org.zhifa.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.evidence.EvidenceRetention;

@Command(scope = "zhifa", name = "evidence-purge",
        description = "Purge evidence files past their retention and not on legal hold (销毁到期证据); the log keeps their hashes")
@Service
public class EvidencePurgeCommand implements Action {

    @Reference(optional = true)
    EvidenceRetention retention;

    @Option(name = "--dry-run", description = "Only list what would be purged")
    boolean dryRun;

    @Override
    public Object execute() {
        if (retention == null) {
            throw new IllegalStateException("证据库未安装（feature zhifa-evidence）/ the evidence store is not installed");
        }
        EvidenceRetention.PurgeResult r;
        try {
            r = retention.purge(dryRun, ShellActor.current());
        } catch (ZhifaException e) {
            throw ShellErrors.of(e);
        }
        for (String hash : r.hashes()) {
            System.out.println(hash);
        }
        System.out.println((dryRun ? "将销毁 " : "已销毁 ") + r.hashes().size() + " 个文件（" + r.bytes() + " 字节），"
                + "因诉讼保全保留 " + r.heldSkipped() + " 个 / " + (dryRun ? "would purge " : "purged ")
                + r.hashes().size() + " files (" + r.bytes() + " bytes), " + r.heldSkipped() + " kept on legal hold");
        return null;
    }
}
