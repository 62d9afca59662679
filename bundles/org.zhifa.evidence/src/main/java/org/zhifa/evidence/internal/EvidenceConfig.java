package org.zhifa.evidence.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The evidence store's settings (etc/org.zhifa.evidence.cfg). Retention periods per record type are the
 * free-form keys {@code retention.<kind>} and {@code retention.default}; see the shipped file.
 */
@ObjectClassDefinition(id = "org.zhifa.evidence", name = "zhifa evidence store",
        description = "Content-addressed evidence files, recording devices, A/V coverage and retention")
public @interface EvidenceConfig {

    @AttributeDefinition(description = "Store folder; ${karaf.data} is resolved")
    String root() default "${karaf.data}/zhifa/evidence";

    @AttributeDefinition(description = "Largest evidence file in bytes (default 2 GiB)")
    long maxBytes() default 2L * 1024 * 1024 * 1024;

    @AttributeDefinition(description = "Hours after its last chunk an unfinished upload is removed")
    int uploadExpiryHours() default 24;

    @AttributeDefinition(description = "A device whose clock was not checked within this many days is refused (0: no check)")
    int clockCheckDays() default 180;

    @AttributeDefinition(description = "refuse or warn: what an upload from a device with an overdue clock check gets")
    String clockCheckPolicy() default "refuse";

    @AttributeDefinition(description = "Largest gap in seconds between two recordings of an uninterrupted step that needs no recorded interruption")
    int gapToleranceSeconds() default 60;

    @AttributeDefinition(description = "Time zone of the bureau: times in documents and the console")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Hours between scheduled purges of expired evidence; 0 = no scheduled purge")
    int purgeIntervalHours() default 0;
}
