/**
 * Evidence (R2, R4): files stored content-addressed by hash, recording devices (执法记录仪), and the
 * audio/video rules (音像记录事项清单) that gate closing a step.
 */
@Version("1.1.0")
@Export
package org.zhifa.api.evidence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
