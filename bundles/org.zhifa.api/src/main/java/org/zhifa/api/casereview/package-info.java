/**
 * The yearly case-file review (案卷评查, R6) and the statistics of cases (R8): a versioned scoring
 * catalogue, review rounds with their cases, reviewers and recorded results, the round's report, and
 * counts of cases by kind, step, officer and month.
 */
@Version("1.0.0")
@Export
package org.zhifa.api.casereview;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
