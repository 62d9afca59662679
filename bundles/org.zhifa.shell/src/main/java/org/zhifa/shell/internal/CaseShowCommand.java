package org.zhifa.shell.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.cases.AssignedOfficer;
import org.zhifa.api.cases.CaseEvent;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.CaseStatus;
import org.zhifa.api.cases.CaseTimer;
import org.zhifa.api.cases.Party;
import org.zhifa.api.cases.Recusal;
import org.zhifa.api.kind.CaseFacts.PartyType;

@Command(scope = "zhifa", name = "case-show", description = "Shows one case (案件详情): party, officers, timers, timeline")
@Service
public class CaseShowCommand implements Action {
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CaseShell.ZONE);

    @Reference(optional = true)
    CaseService cases;

    @Argument(index = 0, name = "case", required = true, description = "Case id or case number (案号)")
    String idOrNumber;

    @Override
    public Object execute() {
        CaseService engine = CaseShell.engine(cases);
        CaseFile c = CaseShell.find(engine, idOrNumber, CaseShell.actor());
        LocalDate today = CaseShell.today();

        line("案号 / number", c.number() + "  (ID " + c.id() + ", 版本 / version " + c.version() + ")");
        line("执法类别 / kind", c.kindTitleZh() + " / " + c.kindTitleEn()
                + (c.kindInstalled() ? "" : "  [模块未安装，只读 / kind not installed: read-only]"));
        line("案件名称 / title", c.title());
        line("执法领域 / category", c.category());
        line("程序 / procedure", c.simple() ? "简易程序 / simple" : "普通程序 / ordinary");
        line("当前环节 / step", c.stepTitleZh() + " / " + c.stepTitleEn() + " (" + c.step() + ")");
        line("状态 / status", c.status() == CaseStatus.OPEN ? "办理中 / open" : "已结案 / closed");
        line("立案日期 / filed", c.filedOn() + "  " + c.createdBy());

        Party p = c.party();
        System.out.println();
        System.out.println("当事人 / party");
        line("  类型 / type", p.type() == PartyType.PERSON ? "自然人 / person" : "法人或其他组织 / organisation");
        line("  名称 / name", p.name() + (c.minor() ? "  [未成年人 / minor]" : ""));
        line("  证件号码 / ID", p.idNumber());
        if (p.legalRep() != null) {
            line("  法定代表人 / legal rep.", p.legalRep());
        }
        if (p.phone() != null) {
            line("  电话 / phone", p.phone());
        }
        if (p.address() != null) {
            line("  地址 / address", p.address());
        }

        System.out.println();
        System.out.println("执法人员 / officers");
        ShellTable officers = table("ID", "姓名 Name", "执法证号 Certificate", "证件 Valid");
        for (AssignedOfficer o : c.officers()) {
            officers.addRow().addContent(o.officerId(), o.name(), o.certificateNo(),
                    o.certificateValid() ? "有效 valid" : "!! 无效 invalid");
        }
        officers.print(System.out);

        System.out.println("法定期限 / timers");
        ShellTable timers = table("期限 Limit", "依据 Basis", "起算 From", "到期 Due", "完成 Met", "状态 State");
        for (CaseTimer t : c.timers()) {
            timers.addRow().addContent(t.titleZh() + " / " + t.titleEn(), t.basis(), t.startedOn(), t.dueOn(),
                    CaseShell.orEmpty(t.metOn()), CaseShell.state(t, today));
        }
        timers.print(System.out);

        if (!c.recusals().isEmpty()) {
            System.out.println("回避 / recusals");
            ShellTable recusals = table("ID", "执法人员 Officer", "申请人 By", "理由 Reason", "决定 Decision");
            for (Recusal r : c.recusals()) {
                recusals.addRow().addContent(r.id(), r.officerName(), r.requestedBy(), r.reason(),
                        r.approved() == null ? "待决定 pending" : r.approved() ? "准予回避 approved" : "不予回避 refused");
            }
            recusals.print(System.out);
        }

        System.out.println("办理过程 / timeline");
        ShellTable events = table("#", "时间 At", "办理人 Actor", "事项 Event", "环节 Step", "说明 Reason");
        for (CaseEvent e : c.events()) {
            events.addRow().addContent(e.seq(), AT.format(e.at()), e.actor(), e.titleZh() + " / " + e.titleEn(),
                    (e.fromStep() == null ? "" : e.fromStep() + " → ") + CaseShell.orEmpty(e.toStep()),
                    CaseShell.orEmpty(e.reason()));
        }
        events.print(System.out);
        return null;
    }

    private static void line(String label, String value) {
        System.out.println(label + ": " + CaseShell.orEmpty(value));
    }

    private static ShellTable table(String... headers) {
        ShellTable t = new ShellTable();
        for (String h : headers) {
            t.column(h);
        }
        return t;
    }
}
