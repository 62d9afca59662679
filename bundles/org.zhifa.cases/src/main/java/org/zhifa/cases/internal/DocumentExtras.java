package org.zhifa.cases.internal;

import java.util.List;
import java.util.Map;

import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.common.Actor;
import org.zhifa.api.document.DocumentData;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.Step;

/**
 * Adds what {@link DocumentData} plug-ins contribute to a case document's fields: only names under the
 * prefix the plug-in registered with ({@link DocumentData#PROPERTY_DATA}), never over a field the case
 * itself fills. Kept apart from the engine so the engine only calls it.
 */
final class DocumentExtras {

    private DocumentExtras() {}

    /**
     * @param contributors the services with their properties (as DS hands them to the engine)
     * @param kind         the case's kind, for the step that makes the document; null when not installed
     */
    static void add(Map<String, Object> fields, List<Map.Entry<Map<String, Object>, DocumentData>> contributors,
                    CaseFile c, String documentId, EnforcementKind kind, Actor actor) {
        if (contributors.isEmpty()) {
            return;
        }
        String step = kind == null ? null : kind.procedure().steps().stream()
                .filter(s -> s.documents().contains(documentId)).map(Step::id).findFirst().orElse(null);
        for (Map.Entry<Map<String, Object>, DocumentData> d : contributors) {
            Object prefix = d.getKey().get(DocumentData.PROPERTY_DATA);
            if (!(prefix instanceof String p) || p.isBlank()) {
                continue;
            }
            Map<String, ?> extra = d.getValue().fields(c.id(), documentId, step, actor);
            if (extra == null) {
                continue;
            }
            extra.forEach((name, value) -> {
                if (name != null && value != null && name.startsWith(p + ".")) {
                    fields.putIfAbsent(name, value);
                }
            });
        }
    }
}
