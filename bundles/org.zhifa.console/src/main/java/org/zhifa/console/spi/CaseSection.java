package org.zhifa.console.spi;

import java.util.Locale;

import org.osgi.annotation.versioning.ConsumerType;

import com.vaadin.ui.Component;

/**
 * A section a plug-in adds to every case page (e.g. the case file's export and completeness, the case's
 * evidence). Register an implementation as an OSGi service with the property {@link #PROPERTY_SECTION}
 * (a unique id); the case page shows it below the documents while the service is there.
 * {@code service.ranking} orders the sections (higher first).
 */
@ConsumerType
public interface CaseSection {

    /** Service property: the section id; the section's component gets the id {@code case-section-<id>}. */
    String PROPERTY_SECTION = "zhifa.console.case-section";

    /** The section's heading in the given locale. */
    String title(Locale locale);

    /** A new component for the case, in the UI thread with the session locked. */
    Component create(long caseId, ConsoleContext context);
}
