/**
 * Disclosure (公示, D3–D7, C1): disclosure items created by decisions or by staff, their legal deadlines,
 * redaction, approval, correction, withdrawal and posting periods; the durable outbox that carries every
 * publication, update and withdrawal to every {@link org.zhifa.api.disclosure.PublishingChannel}.
 */
@Version("1.0.0")
@Export
package org.zhifa.api.disclosure;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
