package org.zhifa.casefile.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.zhifa.casefile", name = "zhifa case file",
        description = "Case file (案卷) export")
public @interface CaseFileConfig {

    @AttributeDefinition(name = "Reference over bytes",
            description = "Evidence files larger than this are listed by hash and reference only, not copied into the archive")
    long referenceOverBytes() default 536_870_912L;
}
