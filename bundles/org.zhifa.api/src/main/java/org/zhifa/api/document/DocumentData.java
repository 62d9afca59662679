package org.zhifa.api.document;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;
import org.zhifa.api.common.Actor;

/**
 * Values a plug-in adds to a case's documents, e.g. the evidence list with each item's hash that the
 * 笔录 and 清单 print (R2). Register an implementation as an OSGi service with {@link #PROPERTY_DATA}
 * = a prefix such as {@code evidence}; the case engine asks every one of them when it renders a case
 * document and adds the names that start with {@code <prefix>.} to the case's own fields (anything else
 * is ignored, and the case's own fields win). Templates declare these names like any other field; list
 * values (one element per row) feed {@code list} columns.
 *
 * @since 1.1
 */
@ConsumerType
public interface DocumentData {

    /** Service property: the prefix of the names the service contributes. */
    String PROPERTY_DATA = "zhifa.document.data";

    /**
     * The values for one document of a case.
     *
     * @param documentId the template id, e.g. {@code penalty.inspection}
     * @param step       the procedure step whose documents name it, or null when none does
     * @param actor      who renders it: read what this user may read, refuse like the plug-in's own reads
     * @return names (each starting with the prefix) to a {@link CharSequence} or a {@link java.util.List}
     */
    Map<String, ?> fields(long caseId, String documentId, String step, Actor actor);
}
