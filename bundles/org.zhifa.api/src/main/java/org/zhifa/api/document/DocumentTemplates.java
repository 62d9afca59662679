package org.zhifa.api.document;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The document templates of the running bureau. A bundle ships its templates as JSON resources
 * {@value #RESOURCE_FOLDER}{@code /*.json}; they are known while the bundle is active. When two
 * bundles ship the same id, the bundle installed first wins and the other is logged and ignored.
 */
@ProviderType
public interface DocumentTemplates {

    /** Where a bundle puts its templates, one JSON file per template. */
    String RESOURCE_FOLDER = "OSGI-INF/documents";

    Optional<DocumentTemplate> find(String id);

    /** Every known template, sorted by id. */
    List<DocumentTemplate> all();

    /**
     * Reads one template in the JSON format of the documents bundle's README (UTF-8), e.g. for a
     * template an administrator uploads or a plug-in's unit test.
     *
     * @throws org.zhifa.api.common.ZhifaException {@code DOCUMENT_TEMPLATE_INVALID} (INVALID) for malformed
     *         JSON, an unknown block type, a missing id or an undeclared placeholder
     */
    DocumentTemplate parse(InputStream json);
}
