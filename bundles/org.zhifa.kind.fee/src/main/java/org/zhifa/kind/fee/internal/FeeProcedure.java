package org.zhifa.kind.fee.internal;

import static org.zhifa.api.kind.FieldDef.Type.DATE;
import static org.zhifa.api.kind.FieldDef.Type.LONGTEXT;
import static org.zhifa.api.kind.FieldDef.Type.MONEY;
import static org.zhifa.api.kind.FieldDef.Type.TEXT;

import java.util.List;

import org.zhifa.api.common.Roles;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.KindTexts;
import org.zhifa.api.kind.Procedure;

/** 行政收费: 登记 → 核定 → [减免] → 缴纳 → 结案. No national time limit applies, so no timers. */
final class FeeProcedure {

    static final String REGISTERED = "registered";   // 登记
    static final String ASSESSED = "assessed";       // 核定
    static final String REDUCED = "reduced";         // 减免
    static final String PAID = "paid";               // 缴纳
    static final String CLOSED = "closed";           // 结案

    static final String ASSESS = "assess";
    static final String REDUCE = "reduce";
    static final String PAY = "pay";
    static final String PAY_AFTER_RELIEF = "payAfterRelief";
    static final String CLOSE_EXEMPT = "closeExempt";

    static final String REDUCTION = "减收";
    static final String EXEMPTION = "免收";

    private FeeProcedure() {}

    static Procedure build(KindTexts t, FeeList list) {
        FieldDef[] payment = {t.required("paidOn", DATE), t.required("paidAmount", MONEY),
                t.required("receiptNo", TEXT)};
        FieldDef closedOn = t.required("closedOn", DATE);
        FieldDef summary = t.required("closingSummary", LONGTEXT);
        FieldDef reason = t.required("cancellationReason", LONGTEXT);
        return new Procedure(REGISTERED,
                List.of(t.step(REGISTERED),
                        t.step(ASSESSED).documents("fee.assessment"),
                        t.step(REDUCED).documents("fee.relief"),
                        t.step(PAID).documents("fee.receipt"),
                        t.step(CLOSED).closes()),
                List.of(t.transition(ASSESS, REGISTERED, ASSESSED,
                                t.choice("feeItem", true, list.names()), t.required("quantity", TEXT),
                                t.required("assessedAmount", MONEY), t.required("assessedOn", DATE),
                                t.optional("paymentDeadline", DATE), t.optional("assessmentNote", LONGTEXT)),
                        t.transition(REDUCE, ASSESSED, REDUCED,
                                t.choice("reliefType", true, REDUCTION, EXEMPTION), t.required("payableAmount", MONEY),
                                t.required("reliefBasis", LONGTEXT), t.required("reliefDecidedOn", DATE))
                                .roles(Roles.LEADER),
                        t.transition(PAY, ASSESSED, PAID, payment),
                        t.transition(PAY_AFTER_RELIEF, REDUCED, PAID, payment),
                        t.transition("close", PAID, CLOSED, closedOn, summary),
                        t.transition(CLOSE_EXEMPT, REDUCED, CLOSED, closedOn, summary),
                        t.transition("cancel", REGISTERED, CLOSED, reason),
                        t.transition("cancelAssessment", ASSESSED, CLOSED, reason).roles(Roles.LEADER)),
                List.of(t.required("matter", TEXT)),
                List.of());
    }
}
