@Version("1.0.0")
@Export
package org.zhifa.api.personnel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
