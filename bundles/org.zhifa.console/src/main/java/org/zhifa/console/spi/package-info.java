/**
 * The console-view SPI: plug-in bundles contribute views and menu entries to the Vaadin console.
 * It lives in the console bundle rather than org.zhifa.api so the core API stays free of Vaadin.
 */
@Version("1.4.0")
@Export
package org.zhifa.console.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
