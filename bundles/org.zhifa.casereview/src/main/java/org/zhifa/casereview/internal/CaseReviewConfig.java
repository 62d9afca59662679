package org.zhifa.casereview.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "zhifa case-file review (案卷评查)")
public @interface CaseReviewConfig {

    @AttributeDefinition(name = "Catalogue file",
            description = "The versioned scoring catalogue (JSON) new rounds use; ${karaf.etc} is resolved")
    String catalogueFile() default "${karaf.etc}/zhifa-casereview-catalogue.json";

    @AttributeDefinition(name = "优秀 from", description = "The lowest score graded 优秀 (excellent)")
    String excellentFrom() default "90";

    @AttributeDefinition(name = "合格 from", description = "The lowest score graded 合格 (pass); below it 不合格")
    String passFrom() default "70";
}
