package org.zhifa.kind.inspection.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Officers and disclosure of 行政检查; defaults are national rules. */
@ObjectClassDefinition(id = "org.zhifa.kind.inspection", name = "zhifa kind: administrative inspection (行政检查)",
        description = "On-site inspection, rectification and follow-up")
public @interface InspectionConfig {

    @AttributeDefinition(name = "Officers on site", description = "行政处罚法 42: at least two certified officers")
    int minOfficers() default 2;

    @AttributeDefinition(name = "Disclosure (working days)", description = "D3, S4: results published within 20 working days")
    int disclosureWorkingDays() default 20;

    @AttributeDefinition(name = "A/V required", description = "R4 音像记录事项清单: step ids needing an audio/video record, comma separated")
    String avRequired() default "onsite,reinspecting";

    @AttributeDefinition(name = "A/V uninterrupted", description = "R4: step ids needing uninterrupted full-process audio/video, comma separated")
    String avUninterrupted() default "";
}
