package org.zhifa.demo.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.api.spotcheck.TargetFilter;
import org.zhifa.api.spotcheck.TargetImport;

/**
 * Gives the demo bureau's 双随机、一公开 a target pool (检查对象名录库) when random inspections are installed and
 * the pool is empty: 40 mines, quarries, building sites, land users and surveyors of a county, imported like
 * any bureau's file (all rows or none, attributed to demo-loader). Names and codes are invented; the codes
 * carry valid GB 32100 check characters. Plans are left to the user: they need a published 随机抽查事项清单.
 */
@Component(immediate = true)
public class DemoSpotCheck {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSpotCheck.class);
    private static final Actor LOADER = new Actor("demo-loader", Set.of(Roles.ADMIN));
    private static final String TARGETS = "名称,统一社会信用代码,类型,所属区域,风险等级,标签\n" +
        "衡阳县界牌瓷土矿业有限公司,91430421MA4L63E3FH,企业,界牌镇,高,采矿;瓷土\n" +
        "衡阳县金兰石膏矿有限责任公司,91430421MA4LCQLH1W,企业,金兰镇,高,采矿;石膏\n" +
        "衡阳县洪市建筑石料用灰岩矿,91430421MA4L9WG14L,企业,洪市镇,中,采矿;采石\n" +
        "衡阳县渣江镇鑫达砂石有限公司,91430421MA4LDDR2TF,企业,渣江镇,中,采矿;河砂\n" +
        "衡阳县台源镇明珠砖厂,91430421MA4LEKGGW4,企业,台源镇,低,采矿;砖瓦用页岩\n" +
        "衡阳县曲兰镇恒昌矿业有限公司,91430421MA4LCCC7L9,企业,曲兰镇,高,采矿;萤石\n" +
        "衡阳县三湖镇宏发采石场,92430421MA4LD9TCM0,个体工商户,三湖镇,中,采石\n" +
        "衡阳县库宗桥镇兴业石材厂,92430421MA4L43XMJ0,个体工商户,库宗桥镇,中,采石\n" +
        "衡阳县杉桥镇顺达采石场,92430421MA4LX3NQ2B,个体工商户,杉桥镇,高,采石\n" +
        "衡阳县岣嵝乡青峰石料厂,92430421MA4LG0K882,个体工商户,岣嵝乡,中,采石\n" +
        "衡阳县井头镇金石矿业有限公司,91430421MA4LDG11MC,企业,井头镇,中,采矿;建筑用砂岩\n" +
        "衡阳县演陂镇长盛钾长石矿有限公司,91430421MA4L88DQ1R,企业,演陂镇,低,采矿;钾长石\n" +
        "衡阳县集兵镇永固水泥用灰岩矿有限公司,91430421MA4LNJN6KN,企业,集兵镇,高,采矿;水泥用灰岩\n" +
        "衡阳县西渡镇东湖砂场,92430421MA4L1M257Y,个体工商户,西渡镇,中,采矿;河砂\n" +
        "衡阳蒸湘置业有限公司（西渡新城项目）,91430421MA4L7UX6U4,企业,西渡镇,中,在建工程;建设用地\n" +
        "衡阳县城投建设发展有限公司,91430421MA4L6XPE2K,企业,西渡镇,低,在建工程;建设用地\n" +
        "衡阳县华庭房地产开发有限公司,91430421MA4L8PACG7,企业,西渡镇,中,在建工程\n" +
        "湖南衡岳建工集团有限公司衡阳县分公司,91430421MA4LWY5JBY,企业,西渡镇,中,在建工程\n" +
        "衡阳县集兵镇农贸市场改造项目部,93430421MA4L7R2U94,其他,集兵镇,低,在建工程\n" +
        "衡阳县井头镇中心小学（教学楼扩建）,12430421MA4LAAWM5B,事业单位,井头镇,低,在建工程\n" +
        "衡阳县演陂镇卫生院（住院楼）,12430421MA4L43TD07,事业单位,演陂镇,低,在建工程\n" +
        "衡阳县恒泰物流园开发有限公司,91430421MA4LL91GAD,企业,界牌镇,高,在建工程;建设用地\n" +
        "衡阳县金兰镇光伏发电有限公司,91430421MA4LN98R4B,企业,金兰镇,中,在建工程;建设用地\n" +
        "衡阳县渣江镇美丽乡村建设项目部,93430421MA4LKRCL69,其他,渣江镇,低,在建工程\n" +
        "衡阳县西渡工业园标准厂房建设有限公司,91430421MA4LXMKYX9,企业,西渡镇,中,建设用地\n" +
        "衡阳县湘衡食品有限公司,91430421MA4LK56KJ1,企业,西渡镇,低,建设用地\n" +
        "衡阳县鑫源再生资源有限公司,91430421MA4LA3W6PU,企业,台源镇,高,建设用地;闲置土地\n" +
        "衡阳县洪市镇绿源农业开发有限公司,91430421MA4LGP6KGM,企业,洪市镇,中,建设用地;设施农用地\n" +
        "衡阳县三湖镇利民建材有限公司,91430421MA4LYMBAB7,企业,三湖镇,中,建设用地\n" +
        "衡阳县曲兰镇旺达养殖专业合作社,93430421MA4LBFE2J1,其他,曲兰镇,中,设施农用地\n" +
        "衡阳县杉桥镇宏图机械制造有限公司,91430421MA4L8QL88A,企业,杉桥镇,低,建设用地;闲置土地\n" +
        "衡阳县库宗桥镇佳美家具厂,92430421MA4LQ2TW28,个体工商户,库宗桥镇,低,建设用地\n" +
        "衡阳县国土测绘院,12430421MA4L78LTD6,事业单位,西渡镇,低,测绘\n" +
        "湖南衡测地理信息有限公司,91430421MA4LR2MNDJ,企业,西渡镇,中,测绘\n" +
        "衡阳县天正勘测设计有限公司,91430421MA4LWRGQ4R,企业,集兵镇,低,测绘\n" +
        "衡阳县精准不动产测绘服务部,92430421MA4LYEBRB1,个体工商户,西渡镇,中,测绘\n" +
        "衡阳县界牌镇陶瓷工业园开发有限公司,91430421MA4L548D1X,企业,界牌镇,中,在建工程;建设用地\n" +
        "衡阳县岣嵝乡生态旅游开发有限公司,91430421MA4LDJP32Y,企业,岣嵝乡,中,建设用地;在建工程\n" +
        "衡阳县井头镇宝山石场,92430421MA4LXJB6MH,个体工商户,井头镇,高,采石\n" +
        "衡阳县演陂镇福兴矿业有限公司,91430421MA4L3DA8EX,企业,演陂镇,中,采矿;建筑用砂\n";

    @Activate
    public DemoSpotCheck(@Reference SpotCheckService spotCheck) {
        if (spotCheck.targets(TargetFilter.any(), true, 0, 1, LOADER).total() > 0) {
            return;
        }
        TargetImport r = spotCheck.importTargets(new ByteArrayInputStream(TARGETS.getBytes(StandardCharsets.UTF_8)),
                "demo-targets.csv", LOADER);
        if (r.stored()) {
            LOG.info("demo bureau: {} inspection targets in the pool", r.created());
        } else {
            LOG.warn("demo bureau: the demo targets were refused: {}", r.errors());
        }
    }
}
