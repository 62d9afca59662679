package org.zhifa.cases.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID org.zhifa.cases (etc/org.zhifa.cases.cfg). */
@ObjectClassDefinition(name = "zhifa cases", description = "Case numbers and due lists")
public @interface CasesConfig {
    String PID = "org.zhifa.cases";

    @AttributeDefinition(description = "Case number pattern: {prefix} {code} (the kind's character) {year} {seq}")
    String numberFormat() default "{prefix}{code}\u3014{year}\u3015{seq}\u53f7";

    @AttributeDefinition(description = "The bureau's short name in case numbers, e.g. 衡国土资")
    String numberPrefix() default "\u8861\u56fd\u571f\u8d44";

    @AttributeDefinition(description = "Timers due within this many working days are flagged 即将到期")
    int dueSoonWorkingDays() default 3;

    @AttributeDefinition(description = "Time zone of the bureau")
    String zone() default "Asia/Shanghai";
}
