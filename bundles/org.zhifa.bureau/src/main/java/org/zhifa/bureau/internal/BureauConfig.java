package org.zhifa.bureau.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.zhifa.bureau}: the bureau's identity and register rules. */
@ObjectClassDefinition(id = BureauConfig.PID, name = "zhifa bureau", description = "Bureau identity and personnel register rules")
public @interface BureauConfig {
    String PID = "org.zhifa.bureau";

    @AttributeDefinition(description = "Administrative division code of the bureau (stored on every row)")
    String code() default "430421";

    @AttributeDefinition(description = "Name of the bureau")
    String name() default "衡阳县自然资源局";

    @AttributeDefinition(description = "Enforcement categories (执法类别) an officer's certificate may carry")
    String[] categories() default {"土地管理", "矿产资源", "测绘地理信息", "城乡规划", "地质环境", "森林草原"};

    @AttributeDefinition(description = "Certificates expiring within this many days are flagged (即将到期)")
    int certificateWarningDays() default 30;

    @AttributeDefinition(description = "JAAS realm that checks users' passwords (REST Basic, console login)")
    String realm() default "karaf";

    @AttributeDefinition(description = "Time zone of the bureau's calendar days")
    String zone() default "Asia/Shanghai";
}
