/**
 * The enforcement-kind SPI (T1): a plug-in bundle registers one {@link org.zhifa.api.kind.EnforcementKind}
 * per kind (行政许可、处罚、强制、征收、收费、检查); the case engine asks it everything kind-specific and
 * never names a kind itself.
 */
@Version("1.3.0")
@Export
package org.zhifa.api.kind;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
