package org.zhifa.api.casefile;

import java.util.List;

/**
 * A case file checked against its kind's standard (R6).
 *
 * @param missing empty when the case file is complete
 */
public record Completeness(long caseId, String number, boolean closed, List<Missing> missing) {
    public Completeness {
        missing = List.copyOf(missing);
    }

    public boolean complete() {
        return missing.isEmpty();
    }

    /**
     * One thing the case file lacks.
     *
     * @param type  NOT_CLOSED, DOCUMENT, AUDIO_VIDEO or FIELD
     * @param step  the step concerned, or null
     * @param item  the document id, field name or A/V rule concerned, or null
     */
    public record Missing(Type type, String step, String item, String messageZh, String messageEn) {
    }

    public enum Type { NOT_CLOSED, DOCUMENT, AUDIO_VIDEO, FIELD }
}
