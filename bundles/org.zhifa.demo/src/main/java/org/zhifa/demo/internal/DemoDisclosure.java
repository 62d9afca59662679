package org.zhifa.demo.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.ItemDraft;
import org.zhifa.api.disclosure.ItemQuery;
import org.zhifa.api.disclosure.ItemType;

/**
 * Gives the demo bureau something to disclose when disclosure is installed and has no items yet: a 行政处罚
 * decision taken on paper, approved by the demo leader (so the public site shows it, redacted), and a notice
 * waiting for approval in the 公示工作台. All names, numbers and addresses are invented.
 */
@Component(immediate = true)
public class DemoDisclosure {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDisclosure.class);
    private static final Actor OFFICER = new Actor("officer", Set.of(Roles.OFFICER));
    private static final Actor LEADER = new Actor("leader", Set.of(Roles.LEADER));

    @Activate
    public DemoDisclosure(@Reference DisclosureService disclosure) {
        if (disclosure.items(ItemQuery.all(0, 1), LEADER).total() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate decided = today.minusDays(3);
        // a paper decision: its number is far from those the demo and tests give filed cases
        String number = "衡国土资罚〔" + decided.getYear() + "〕901号";
        String text = number + "\n衡阳县自然资源局\n行政处罚决定书\n"
                + "当事人：李建华，性别：男，公民身份号码：430421198005170018\n"
                + "住址：湖南省衡阳市衡阳县西渡镇梅花村3组12号\n联系电话：13907341234\n"
                + "经查，当事人于" + (decided.getYear() - 1) + "年9月未经批准擅自占用衡阳县西渡镇梅花村集体耕地320平方米"
                + "建设住宅。上述事实有现场勘测笔录、询问笔录、证人王秀英的证言（联系电话0734-6812345）及照片等证据证实。\n"
                + "当事人的行为违反了《中华人民共和国土地管理法》第四十四条的规定。依据《中华人民共和国土地管理法》第七十七条、"
                + "第七十八条，决定如下：\n一、责令退还非法占用的土地320平方米，限期拆除在非法占用的土地上新建的建筑物；\n"
                + "二、处以罚款人民币9600元（每平方米30元）。\n"
                + "如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者在六个月内提起行政诉讼。\n衡阳县自然资源局\n" + decided;
        DisclosureItem decision = disclosure.create(new ItemDraft(ItemType.DECISION, "penalty",
                "李建华未经批准占用耕地建住宅案", number, "李建华", true, false, decided, text, List.of("王秀英"), List.of()),
                OFFICER);
        disclosure.approve(decision.id(), List.of(), LEADER);
        disclosure.create(new ItemDraft(ItemType.NOTICE, null, "关于西渡镇梅花村违法用地限期拆除的公告", null, null, false,
                false, today.minusDays(1), "经查，西渡镇梅花村3组有违法占用集体土地建设的建筑物。请相关当事人自本公告发布之日起"
                        + "十五日内自行拆除，逾期不拆除的，本局将依法处理。\n衡阳县自然资源局", List.of(), List.of()),
                OFFICER);
        LOG.info("demo bureau: disclosed a paper decision and queued a notice");
    }
}
