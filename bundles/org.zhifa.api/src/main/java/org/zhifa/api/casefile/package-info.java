/**
 * The case file (案卷, R5, R6): a self-contained, offline-verifiable export of a case and the check of its
 * completeness against its kind's standard.
 */
@Version("1.1.0")
@Export
package org.zhifa.api.casefile;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
