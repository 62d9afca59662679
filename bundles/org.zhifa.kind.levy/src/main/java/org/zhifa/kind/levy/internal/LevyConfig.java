package org.zhifa.kind.levy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Notice periods and thresholds of land expropriation; defaults are national law. */
@ObjectClassDefinition(id = "org.zhifa.kind.levy", name = "zhifa kind: land expropriation (行政征收)",
        description = "Notice periods of 土地管理法 47 and 土地管理法实施条例 26-31")
public @interface LevyConfig {

    @AttributeDefinition(name = "Pre-notice (working days)", description = "实施条例 26: 预公告时间不少于十个工作日")
    int preNoticeWorkingDays() default 10;

    @AttributeDefinition(name = "Plan notice (days)", description = "土地管理法 47, 实施条例 29: 公告至少三十日")
    int planNoticeDays() default 30;

    @AttributeDefinition(name = "Levy notice (working days)", description = "实施条例 31: 收到批准文件之日起十五个工作日内公告")
    int levyNoticeWorkingDays() default 15;

    @AttributeDefinition(name = "Objection majority (%)", description = "土地管理法 47: 多数成员认为方案不符合规定的应当听证; more than this share of members")
    int objectionMajorityPercent() default 50;

    @AttributeDefinition(name = "Disclosure (working days)", description = "D3: decisions published within this many working days")
    int disclosureWorkingDays() default 20;

    @AttributeDefinition(name = "A/V required", description = "R4 音像记录事项清单: step ids needing an audio/video record, comma separated")
    String avRequired() default "hearing";

    @AttributeDefinition(name = "A/V uninterrupted", description = "R4: step ids needing uninterrupted full-process audio/video, comma separated")
    String avUninterrupted() default "";
}
