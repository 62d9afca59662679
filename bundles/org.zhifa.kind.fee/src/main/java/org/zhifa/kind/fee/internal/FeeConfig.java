package org.zhifa.kind.fee.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = "org.zhifa.kind.fee", name = "zhifa kind: administrative fees",
        description = "行政收费: the fee list (收费目录清单) and disclosure of relief decisions")
public @interface FeeConfig {

    @AttributeDefinition(name = "Fee list file", description = "The versioned fee list (JSON); ${karaf.etc} is resolved")
    String feeListFile() default "${karaf.etc}/zhifa-fee-list.json";

    @AttributeDefinition(name = "Disclosure working days", description = "减免 decisions published within this many working days (D3, other decisions)")
    int disclosureWorkingDays() default 20;
}
