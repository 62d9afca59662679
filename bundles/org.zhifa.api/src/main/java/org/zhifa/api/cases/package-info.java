/** Enforcement cases (T2–T6): filing, transitions, officers and recusal, timers, due lists. */
@Version("1.2.0")
@Export
package org.zhifa.api.cases;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
