/**
 * Pre-disclosure catalogues (事前公开, D1, D7, D8): versioned catalogues with effective dates — 行政执法事项清单,
 * 随机抽查事项清单, 服务指南, 行政执法人员清单 — drafted, reviewed by someone other than their authors and
 * published; corrected on request by a new version; the 执法流程图 of every installed kind; and the filing
 * package (备案) for the city legal office.
 */
@Version("1.0.0")
@Export
package org.zhifa.api.catalogue;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
