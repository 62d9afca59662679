/**
 * The public site's extension point: a bundle adds a section to the site's navigation ({@link
 * org.zhifa.api.site.PublicSection}) and renders its pages in the site's frame ({@link
 * org.zhifa.api.site.PublicFrame}), so the site never depends on the bundles that extend it.
 */
@Version("1.0.0")
@Export
package org.zhifa.api.site;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
