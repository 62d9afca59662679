package org.zhifa.console.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What the case screens read of the case engine's configuration (PID {@code org.zhifa.cases}, shared
 * on purpose): one setting says when a case is 即将到期, for the engine's due list and the console alike.
 */
@ObjectClassDefinition(name = "zhifa console: cases")
public @interface CaseConsoleConfig {
    @AttributeDefinition(description = "Timers due within this many working days are flagged 即将到期")
    int dueSoonWorkingDays() default 3;

    @AttributeDefinition(description = "Time zone of the bureau")
    String zone() default "Asia/Shanghai";
}
