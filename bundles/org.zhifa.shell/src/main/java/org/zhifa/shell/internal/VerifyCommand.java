package org.zhifa.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.record.Problem;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.api.record.VerificationReport;

/** Verifies the whole record now; fails (the client exits non-zero) when anything is wrong. */
@Command(scope = "zhifa", name = "verify",
        description = "Verifies the whole-process record (全过程记录核验): every entry, tree node, signed tree head and evidence file")
@Service
public class VerifyCommand implements Action {

    @Reference(optional = true)
    RecordService record;

    @Override
    public Object execute() {
        if (record == null) {
            throw new IllegalStateException("全过程记录未启动 / the record (feature zhifa-record) is not running");
        }
        PrintStream out = System.out;
        VerificationReport report;
        try {
            long[] shown = {-1};
            report = record.verify((done, total, phase) -> {
                long percent = total == 0 ? 100 : done * 100 / total;
                if (percent / 10 != shown[0] / 10 || done == total) {
                    shown[0] = percent;
                    out.println("  " + phase + " " + done + "/" + total + " (" + percent + "%)");
                    out.flush();
                }
            }, ShellActor.current());
        } catch (ZhifaException e) {
            throw ShellErrors.of(e);
        }
        out.println("核验范围 Range: " + report.fromSeq() + " … " + report.treeSize() + "，根哈希 root "
                + report.rootHash() + " (" + record.hashAlgorithm() + ")");
        out.println("证据文件 Evidence files checked: " + report.evidenceFiles());
        SignedTreeHead sth = record.latestTreeHead();
        out.println("最新签名树头 Latest signed tree head: size " + sth.treeSize() + ", root " + sth.rootHash()
                + ", key " + sth.keyId());
        if (report.ok()) {
            out.println("核验通过 OK: " + report.treeSize() + " 条记录未被改动 / entries unaltered");
            return null;
        }
        ShellTable table = new ShellTable();
        for (String h : new String[] {"问题 Problem", "序号 Seq", "位置 Location", "说明 Description"}) {
            table.column(h);
        }
        for (Problem p : report.problems()) {
            table.addRow().addContent(p.type(), p.seq() < 0 ? "" : p.seq(), p.location(),
                    p.messageZh() + " / " + p.messageEn());
        }
        table.print(out);
        throw new IllegalStateException("核验失败：发现 " + report.problems().size() + " 个问题 / verification FAILED: "
                + report.problems().size() + " problem(s)");
    }
}
