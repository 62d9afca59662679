package org.zhifa.demo.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.cases.CaseDraft;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseQuery;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.Party;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;

/**
 * Files two 行政处罚 cases in a demo bureau without cases, through the case engine like any officer:
 * one already in 调查取证 with two officers, one just filed against an organisation. Runs once the
 * register is filled and the penalty kind is installed; does nothing when cases exist.
 */
@Component(immediate = true)
public class DemoCases {
    private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);
    private static final Actor LOADER = new Actor("demo-loader", Set.of(Roles.OFFICER));

    @Activate
    public DemoCases(@Reference CaseService cases, @Reference PersonnelService personnel,
                     @Reference(target = "(zhifa.kind=penalty)") EnforcementKind penalty, @Reference DemoData officers) {
        if (cases.list(CaseQuery.all(0, 1), LOADER).total() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long wang = officer(personnel, "王建国");
        CaseFile house = cases.file(new CaseDraft("penalty", "土地管理", "周某某未经批准占用耕地建房",
                new Party(PartyType.PERSON, "周某某", "430421198001011239", null, "13800000000",
                        "衡阳县西渡镇梅花村"), List.of(wang, officer(personnel, "李秀英")), false,
                Map.of("cause", "未经批准占用耕地建房", "source", "监督检查发现",
                        "discoveredOn", today.minusDays(3).toString())), LOADER);
        cases.transition(house.id(), "investigate", Map.of(), "立案审批通过，开展调查", house.version(), LOADER);
        cases.file(new CaseDraft("penalty", "矿产资源", "衡阳县某砂石有限公司无证开采砂石",
                new Party(PartyType.ORGANISATION, "衡阳县某砂石有限公司", "91430421MA4L3K8X1B", "周某", null,
                        "衡阳县井头镇"), List.of(wang, officer(personnel, "吴敏")), false,
                Map.of("cause", "未取得采矿许可证擅自采矿", "source", "投诉举报")), LOADER);
        LOG.info("demo bureau: filed 2 demo cases");
    }

    /** The id of the active, certified officer of that name from the demo register. */
    private static long officer(PersonnelService personnel, String name) {
        return personnel.list(new OfficerQuery(name, null, null, null, true, "id", true, 0, 5), LOADER).items().stream()
                .filter(o -> o.name().equals(name))
                .filter(o -> o.status() == CertificateStatus.VALID || o.status() == CertificateStatus.EXPIRING)
                .map(Officer::id).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo officer " + name + " missing"));
    }
}
