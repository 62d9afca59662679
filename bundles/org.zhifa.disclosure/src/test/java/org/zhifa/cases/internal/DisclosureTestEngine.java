package org.zhifa.cases.internal;

import java.lang.annotation.Annotation;
import java.time.Clock;

import org.apache.aries.jpa.template.JpaTemplate;
import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.cases.CaseDecisionListener;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.legalreview.DecisionGate;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.record.RecordService;

/** The real case engine for the disclosure's tests, with the disclosure service as its decision listener. */
public final class DisclosureTestEngine {
    private DisclosureTestEngine() {}

    public static CaseServiceImpl create(JpaTemplate jpa, PersonnelService personnel, WorkingDays days,
                                         RecordService record, String bureau, Clock clock, EnforcementKind kind,
                                         DecisionGate gate, CaseDecisionListener listener) {
        CaseServiceImpl s = new CaseServiceImpl(jpa, personnel, days, record, bureau, new CasesConfig() {
            @Override public Class<? extends Annotation> annotationType() { return CasesConfig.class; }
            @Override public String numberFormat() { return "{prefix}{code}\u3014{year}\u3015{seq}\u53f7"; }
            @Override public String numberPrefix() { return "衡国土资"; }
            @Override public int dueSoonWorkingDays() { return 3; }
            @Override public String zone() { return "Asia/Shanghai"; }
        }, clock);
        s.addKind(kind);
        s.setGate(gate);
        s.addDecisionListener(listener);
        return s;
    }
}
