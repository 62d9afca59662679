package org.zhifa.api.kind;

import java.util.List;

/**
 * A step of a procedure (e.g. 调查取证).
 *
 * @param minOfficers certified officers the case needs assigned while in this step (e.g. 2 for
 *                    investigation, 处罚法 42); 0 = no requirement
 * @param av          audio/video recording the step needs (R4)
 * @param documents   ids of the documents (文书) the step produces
 * @param terminal    the case is closed (结案/归档) in this step
 */
public record Step(String id, String titleZh, String titleEn, int minOfficers, AvRule av,
                   List<String> documents, boolean terminal) {

    public Step {
        documents = List.copyOf(documents);
    }

    public static Step of(String id, String titleZh, String titleEn) {
        return new Step(id, titleZh, titleEn, 0, AvRule.NONE, List.of(), false);
    }

    public Step officers(int n) { return new Step(id, titleZh, titleEn, n, av, documents, terminal); }
    public Step av(AvRule rule) { return new Step(id, titleZh, titleEn, minOfficers, rule, documents, terminal); }
    public Step documents(String... ids) {
        return new Step(id, titleZh, titleEn, minOfficers, av, List.of(ids), terminal);
    }
    public Step closes() { return new Step(id, titleZh, titleEn, minOfficers, av, documents, true); }

    public String title(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleZh;
    }
}
