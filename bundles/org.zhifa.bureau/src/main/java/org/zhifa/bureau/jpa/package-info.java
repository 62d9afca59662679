/**
 * JPA helpers every zhifa persistence unit names in its persistence.xml (not an API: Hibernate
 * specific). A unit's bundle imports this package explicitly, since only its descriptor refers to it.
 */
@Version("1.0.0")
@Export
package org.zhifa.bureau.jpa;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
