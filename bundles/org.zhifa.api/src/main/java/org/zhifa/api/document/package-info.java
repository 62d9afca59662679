/**
 * Enforcement documents (执法文书): library-neutral templates ({@link org.zhifa.api.document.DocumentTemplate}),
 * the templates the running bureau knows ({@link org.zhifa.api.document.DocumentTemplates}) and the renderer
 * that fills them with case data as PDF or DOCX ({@link org.zhifa.api.document.DocumentRenderer}), and the values
 * plug-ins add to case documents ({@link org.zhifa.api.document.DocumentData}).
 */
@Version("1.1.0")
@Export
package org.zhifa.api.document;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
