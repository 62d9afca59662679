@Version("1.2.0")
@Export
package org.zhifa.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
