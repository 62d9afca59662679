package org.zhifa.casefile.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.zhifa.api.casefile.Completeness;
import org.zhifa.api.casefile.Completeness.Missing;
import org.zhifa.api.cases.CaseEvent;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseStatus;
import org.zhifa.api.evidence.AvCoverage;
import org.zhifa.api.kind.AvRule;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.Transition;

/**
 * A case file against its kind's standard (R6): closed; every step passed produced its documents (each
 * can be rendered from the case); the steps that need audio/video have it; required fields are there.
 */
final class CompletenessCheck {

    /** Whether a document of the case can be produced: null if so, else the reason (zh, en). */
    interface Documents {
        String[] problem(String documentId);
    }

    private CompletenessCheck() {}

    /**
     * @param coverage the evidence store's A/V coverage of a step, or null when no evidence store is installed
     */
    static Completeness check(CaseFile c, Procedure procedure, Documents documents,
                              Function<Step, AvCoverage> coverage) {
        List<Missing> missing = new ArrayList<>();
        if (c.status() != CaseStatus.CLOSED) {
            missing.add(missing(Completeness.Type.NOT_CLOSED, null, null, "MISSING_NOT_CLOSED", c.stepTitleZh(),
                    c.stepTitleEn()));
        }
        Set<String> passed = new LinkedHashSet<>();
        for (CaseEvent e : c.events()) {
            if (e.toStep() != null) {
                passed.add(e.toStep());
            }
        }
        Set<String> docs = new LinkedHashSet<>();
        for (String id : passed) {
            Step step = procedure.step(id).orElse(null);
            if (step == null) {
                continue;
            }
            for (String doc : step.documents()) {
                if (!docs.add(doc)) {
                    continue;
                }
                String[] why = documents.problem(doc);
                if (why != null) {
                    missing.add(new Missing(Completeness.Type.DOCUMENT, id, doc,
                            Messages.text(Locale.ROOT, "MISSING_DOCUMENT", doc, step.titleZh(), why[0]),
                            Messages.text(Locale.ENGLISH, "MISSING_DOCUMENT", doc, step.titleEn(), why[1])));
                }
            }
            if (step.av() != AvRule.NONE) {
                AvCoverage cov = coverage == null ? null : coverage.apply(step);
                if (cov == null) {
                    missing.add(missing(Completeness.Type.AUDIO_VIDEO, id, step.av().name(), "MISSING_AV_UNKNOWN",
                            step.titleZh(), step.titleEn()));
                } else if (!cov.satisfied()) {
                    missing.add(new Missing(Completeness.Type.AUDIO_VIDEO, id, step.av().name(),
                            Messages.text(Locale.ROOT, "MISSING_AV", step.titleZh(), cov.messageZh()),
                            Messages.text(Locale.ENGLISH, "MISSING_AV", step.titleEn(), cov.messageEn())));
                }
            }
        }
        Map<String, String> fields = c.fields();
        Set<String> checked = new LinkedHashSet<>();
        List<FieldDef> required = new ArrayList<>(procedure.filingFields());
        for (CaseEvent e : c.events()) {
            if (e.transition() != null) {
                procedure.transition(e.transition()).map(Transition::fields).ifPresent(required::addAll);
            }
        }
        for (FieldDef f : required) {
            if (!f.required() || !checked.add(f.name())) {
                continue;
            }
            String v = fields.get(f.name());
            if (v == null || v.isBlank()) {
                missing.add(new Missing(Completeness.Type.FIELD, null, f.name(),
                        Messages.text(Locale.ROOT, "MISSING_FIELD", f.labelZh()),
                        Messages.text(Locale.ENGLISH, "MISSING_FIELD", f.labelEn())));
            }
        }
        return new Completeness(c.id(), c.number(), c.status() == CaseStatus.CLOSED, missing);
    }

    private static Missing missing(Completeness.Type type, String step, String item, String key, String zh, String en) {
        return new Missing(type, step, item, Messages.text(Locale.ROOT, key, zh), Messages.text(Locale.ENGLISH, key, en));
    }
}
