/**
 * Legal review of major enforcement decisions (重大执法决定法制审核, V1–V6): the versioned catalogue
 * (目录清单) that says which decisions are major, decision drafts, reviews with their checklist, deadline,
 * counsel opinions and escalation to 集体讨论, the reviewer register, and the gate the case engine asks
 * before it takes any decision.
 */
@Version("1.1.0")
@Export
package org.zhifa.api.legalreview;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
