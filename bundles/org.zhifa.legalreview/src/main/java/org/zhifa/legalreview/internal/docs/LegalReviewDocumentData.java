package org.zhifa.legalreview.internal.docs;

import java.time.ZoneId;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.common.Actor;
import org.zhifa.api.document.DocumentData;
import org.zhifa.api.legalreview.LegalReviewService;

/**
 * The 法制审核栏 (V6) every case document may print: {@code legalReview.outcome} (通过, 不通过, 集体讨论决定…,
 * or 不属于重大执法决定 / 未经法制审核), {@code .evaluation} (why the decision is major, with the catalogue's
 * explanation), {@code .catalogue}, {@code .draft}, {@code .reviewer}, {@code .decidedOn}, {@code .opinion},
 * {@code .counsel} (法律顾问 / 公职律师 opinions, one a line) and {@code .discussion} (集体讨论), all of the
 * review of the case's latest decision draft.
 */
@Component(service = DocumentData.class, property = DocumentData.PROPERTY_DATA + "=legalReview")
public class LegalReviewDocumentData implements DocumentData {
    /** The bureau's day (the case engine's default zone). */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final LegalReviewService service;
    private volatile CaseService cases;

    @Activate
    public LegalReviewDocumentData(@Reference(name = "service") LegalReviewService service) {
        this.service = service;
    }

    @Reference(name = "cases", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setCases(CaseService c) {
        cases = c;
    }

    void unsetCases(CaseService c) {
        if (cases == c) {
            cases = null;
        }
    }

    @Override
    public Map<String, ?> fields(long caseId, String documentId, String step, Actor actor) {
        return ReviewColumn.of(service, cases, caseId, actor, ZONE).fields();
    }
}
