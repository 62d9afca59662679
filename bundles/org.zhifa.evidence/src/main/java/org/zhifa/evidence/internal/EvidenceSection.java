package org.zhifa.evidence.internal;

import java.time.ZoneId;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.evidence.EvidenceService;
import org.zhifa.console.spi.CaseSection;
import org.zhifa.console.spi.ConsoleContext;

/** 证据 on the case page: the case's evidence with hashes, an upload, A/V interruptions and coverage. */
@Component(service = CaseSection.class, configurationPid = "org.zhifa.evidence",
        property = {CaseSection.PROPERTY_SECTION + "=evidence", "service.ranking:Integer=60"})
public class EvidenceSection implements CaseSection {

    private final EvidenceService evidence;
    private final ZoneId zone;
    /** The case engine names the kind's steps; the section is on a case page, so it is normally there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile CaseService cases;

    @Activate
    public EvidenceSection(@Reference(name = "evidence") EvidenceService evidence, EvidenceConfig config) {
        this.evidence = evidence;
        this.zone = ZoneId.of(config.zone());
    }

    @Override
    public String title(Locale locale) {
        return Messages.text(ConsoleTexts.locale(locale), "console.evidence.title");
    }

    @Override
    public com.vaadin.ui.Component create(long caseId, ConsoleContext context) {
        return new EvidencePanel(evidence, cases, caseId, context, zone);
    }
}
