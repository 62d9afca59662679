package org.zhifa.spotcheck.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "zhifa random inspections (双随机、一公开)")
public @interface SpotCheckConfig {

    String PID = "org.zhifa.spotcheck";

    @AttributeDefinition(name = "Inspection categories",
            description = "An officer is an inspector when a category of the certificate is one of these; empty: any category")
    String[] inspectionCategories() default {};

    @AttributeDefinition(name = "Inspectors per target", description = "The least a plan may ask for (S2)")
    int minInspectorsPerTarget() default 2;

    @AttributeDefinition(name = "Largest import", description = "Bytes of a target import file")
    long maxImportBytes() default 20L * 1024 * 1024;

    @AttributeDefinition(name = "Plan number", description = "MessageFormat with {0} the year and {1} the sequence")
    String planNumber() default "抽查〔{0}〕{1}号";

    @AttributeDefinition(name = "Case category",
            description = "The 执法类别 a drawn target's inspection case is filed under; empty: the first category every drawn inspector holds")
    String caseCategory() default "";

    @AttributeDefinition(name = "Time zone", description = "The bureau's time zone: what 'today' is")
    String zone() default "Asia/Shanghai";
}
