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
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerDraft;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;

/**
 * Fills an empty register of a demo bureau with officers in every certificate state, through the
 * same service (and history) as any administrator. Does nothing when the register has entries.
 */
@Component(immediate = true, service = DemoData.class)
public class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final Actor LOADER = new Actor("demo-loader", Set.of(Roles.ADMIN));

    private static final String[] NAMES = {"王建国", "李秀英", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄丽", "周杰",
        "吴敏", "徐强", "孙红梅", "胡军", "朱婷", "高峰", "林芳", "何勇", "郭佳", "马骏", "罗娟", "梁志刚", "宋雪", "郑浩",
        "谢琳"};
    private static final String[] UNITS = {"衡阳县自然资源局执法监察大队", "衡阳县自然资源局西渡所", "衡阳县自然资源局井头所",
        "衡阳县自然资源局法规股"};
    private static final String[] POSTS = {"大队长", "副大队长", "执法队员", "所长", "科员", "法制员"};
    private static final String[] AREAS = {"衡阳县全域", "西渡镇、集兵镇", "井头镇、演陂镇", "衡阳县全域"};
    private static final List<List<String>> CATEGORIES = List.of(List.of("土地管理", "矿产资源"), List.of("土地管理"),
            List.of("城乡规划", "土地管理"), List.of("矿产资源", "地质环境"), List.of("测绘地理信息"), List.of("森林草原", "土地管理"));

    @Activate
    public DemoData(@Reference PersonnelService personnel) {
        if (personnel.count(OfficerQuery.all(0, 1), LOADER) > 0) {
            return;
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        for (int i = 0; i < NAMES.length; i++) {
            LocalDate from = today.minusYears(2).plusDays(i * 17L);
            LocalDate to;
            if (i % 8 == 3) {
                to = today.minusDays(5 + i);          // expired
            } else if (i % 8 == 5) {
                to = today.plusDays(3 + i / 2);       // expiring soon
            } else {
                to = from.plusYears(5);
            }
            Officer o = personnel.create(new OfficerDraft(NAMES[i], UNITS[i % UNITS.length], POSTS[i % POSTS.length],
                    String.format("43042120%02d%04d", 18 + i % 8, 1001 + i), CATEGORIES.get(i % CATEGORIES.size()),
                    AREAS[i % AREAS.length], from, to, i % 5 == 0), LOADER);
            if (i == NAMES.length - 1) {
                personnel.deactivate(o.id(), "调离执法岗位（演示数据）", LOADER);
            }
        }
        LOG.info("zhifa demo: registered {} officers", NAMES.length);
    }
}
