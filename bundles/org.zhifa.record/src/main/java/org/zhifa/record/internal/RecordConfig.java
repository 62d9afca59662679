package org.zhifa.record.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID org.zhifa.record (etc/org.zhifa.record.cfg). */
@ObjectClassDefinition(name = "zhifa record", description = "The whole-process record (全过程记录): Merkle log, signed tree heads")
public @interface RecordConfig {
    String PID = "org.zhifa.record";

    @AttributeDefinition(description = "SHA-256 or SM3; fixed when the log is created, a later change is refused")
    String hashAlgorithm() default "SHA-256";

    @AttributeDefinition(description = "The Ed25519 signing key (PKCS#8 PEM, created on first start, mode 600); "
            + "the public key is written beside it as .pub.pem; ${karaf.etc} is resolved")
    String privateKeyFile() default "${karaf.etc}/zhifa-record-key.pem";

    @AttributeDefinition(description = "Seconds between signed tree heads (only when the log grew); 0 = only on request")
    int sthIntervalSeconds() default 60;

    @AttributeDefinition(description = "Seconds between incremental verifications of the new entries; 0 = none")
    int verifyIntervalSeconds() default 3600;

    @AttributeDefinition(description = "Largest payload of one entry, in bytes of canonical JSON")
    int maxPayloadBytes() default 1048576;
}
