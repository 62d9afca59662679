package org.zhifa.api.site;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The public site's page frame, provided by the site: a section served by another bundle writes its pages
 * between {@link #open} and {@link #close} and sends {@link #headers}, so it looks, navigates and is as safe as
 * the rest of the site. Texts inside the frame are the section's own, HTML-escaped with
 * {@link org.zhifa.api.common.PublicPages#escape}.
 */
@ProviderType
public interface PublicFrame {

    /** The security headers of a page without script (Content-Security-Policy, nosniff, frame denial …). */
    Map<String, String> headers();

    /** Writes the page up to the opening of {@code <main>}: document head, skip link, header, navigation. */
    void open(PrintWriter w, Locale locale, String title, String currentSection);

    /** Closes {@code <main>} and writes the footer and the end of the document. */
    void close(PrintWriter w, Locale locale);
}
