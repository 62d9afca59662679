package org.zhifa.legalreview.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "zhifa legal review of major decisions (重大执法决定法制审核)")
public @interface LegalReviewConfig {

    String PID = "org.zhifa.legalreview";

    @AttributeDefinition(name = "Review working days",
            description = "Working days from submission the reviewer has for the outcome (5-7 by province)")
    int reviewWorkingDays() default 5;

    @AttributeDefinition(name = "Extension working days",
            description = "Working days a 负责人 may add once")
    int extensionWorkingDays() default 3;

    @AttributeDefinition(name = "Required materials",
            description = "Materials every submission must list (names of Material), comma-separated")
    String requiredMaterials() default "INVESTIGATION_REPORT, EVIDENCE, PROPOSAL";

    @AttributeDefinition(name = "Staffing target",
            description = "Target ratio of legal reviewers to active enforcement officers (0.05 = 5 %)")
    String staffingTarget() default "0.05";

    @AttributeDefinition(name = "Catalogue file",
            description = "The national default catalogue (JSON) seeded as version 1 on first start; ${karaf.etc} is resolved")
    String catalogueFile() default "${karaf.etc}/zhifa-legalreview-catalogue.json";

    @AttributeDefinition(name = "Time zone", description = "The bureau's time zone: what 'today' is")
    String zone() default "Asia/Shanghai";
}
