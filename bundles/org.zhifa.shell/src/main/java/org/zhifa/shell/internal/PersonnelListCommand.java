package org.zhifa.shell.internal;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;

@Command(scope = "zhifa", name = "personnel-list", description = "Lists the enforcement personnel register (行政执法人员清单)")
@Service
public class PersonnelListCommand implements Action {

    @Reference
    PersonnelService personnel;

    @Option(name = "-q", aliases = "--query", description = "Text in name, certificate number or unit")
    String text;

    @Option(name = "--unit", description = "Only this unit")
    String unit;

    @Option(name = "--category", description = "Only this enforcement category (执法类别)")
    String category;

    @Option(name = "--status", description = "VALID, EXPIRING, EXPIRED, NOT_YET_VALID or INACTIVE")
    String status;

    @Option(name = "-a", aliases = "--all", description = "Include deactivated officers")
    boolean all;

    @Option(name = "--sort", description = "name, unit, certificateNo, validTo, area or id")
    String sort = "id";

    @Option(name = "--offset", description = "First row")
    int offset;

    @Option(name = "-n", aliases = "--limit", description = "Rows to show (at most 500)")
    int limit = 50;

    @Override
    public Object execute() {
        CertificateStatus st = null;
        if (status != null) {
            try {
                st = CertificateStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("未知的证件状态 / unknown status: " + status);
            }
        }
        Page<Officer> page;
        try {
            page = personnel.list(new OfficerQuery(text, unit, category, st, all || st == CertificateStatus.INACTIVE
                    ? null : Boolean.TRUE, sort, true, offset, limit), ShellActor.current());
        } catch (ZhifaException e) {
            throw ShellErrors.of(e);
        }
        ShellTable table = new ShellTable();
        for (String h : new String[] {"ID", "姓名", "单位", "职务", "执法证号", "执法类别", "执法区域", "有效期至", "法律职业资格", "状态"}) {
            table.column(h);
        }
        for (Officer o : page.items()) {
            table.addRow().addContent(o.id(), o.name(), o.unit(), o.post() == null ? "" : o.post(), o.certificateNo(),
                    String.join("、", o.categories()), o.area(), o.validTo(), o.legalQualification() ? "是" : "否",
                    o.status());
        }
        table.print(System.out);
        System.out.println("共 " + page.total() + " 人 / total " + page.total() + " (showing " + page.items().size()
                + " from " + page.offset() + ")");
        return null;
    }
}
