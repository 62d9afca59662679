/** What Karaf shell commands of plug-ins share: the session's user as an {@link org.zhifa.api.common.Actor}. */
@Version("1.0.0")
@Export
package org.zhifa.api.shell;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
