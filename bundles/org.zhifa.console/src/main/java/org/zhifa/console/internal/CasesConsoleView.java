package org.zhifa.console.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplates;
import org.zhifa.api.legalreview.LegalReviewService;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.record.RecordService;
import org.zhifa.console.spi.CaseSection;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/**
 * 案件办理: the case list ({@code #!cases}) and a case's page ({@code #!cases/<id>}). A view of the console
 * bundle itself, but registered only while a {@link CaseService} is there: the menu entry comes and goes
 * with the case engine like any plug-in's.
 */
@Component(service = ConsoleView.class, configurationPid = "org.zhifa.cases",
        property = {ConsoleView.PROPERTY_VIEW + "=" + CasesConsoleView.ID, "service.ranking:Integer=100"})
public class CasesConsoleView implements ConsoleView {

    static final String ID = "cases";

    private final CaseService cases;
    private final PersonnelService personnel;
    private final WorkingDays workingDays;
    private final int dueSoon;
    private final ZoneId zone;
    private final RecordService record;
    /** The document engine's templates, for the documents' titles; optional: ids are shown without it. */
    private volatile DocumentTemplates templates;
    /** Legal review is a plug-in: with it, a decision's form starts from the case's reviewed draft. */
    private volatile LegalReviewService review;
    /** Plug-ins' sections of the case page, highest ranking first. */
    private final Map<ServiceReference<CaseSection>, CaseSection> sections =
            new ConcurrentSkipListMap<>(java.util.Collections.reverseOrder());

    @Activate
    public CasesConsoleView(@Reference(name = "cases") CaseService cases,
                            @Reference(name = "personnel") PersonnelService personnel,
                            @Reference(name = "workingDays") WorkingDays workingDays,
                            @Reference(name = "record") RecordService record, CaseConsoleConfig config) {
        this.record = record;
        this.cases = cases;
        this.personnel = personnel;
        this.workingDays = workingDays;
        this.dueSoon = Math.max(0, config.dueSoonWorkingDays());
        this.zone = ZoneId.of(config.zone());
    }

    @Reference(name = "review", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setReview(LegalReviewService r) {
        review = r;
    }

    void unsetReview(LegalReviewService r) {
        if (review == r) {
            review = null;
        }
    }

    @Reference(name = "templates", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setTemplates(DocumentTemplates t) {
        templates = t;
    }

    void unsetTemplates(DocumentTemplates t) {
        if (templates == t) {
            templates = null;
        }
    }

    @Reference(name = "sections", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + CaseSection.PROPERTY_SECTION + "=*)")
    void addSection(ServiceReference<CaseSection> ref, CaseSection section) {
        sections.put(ref, section);
    }

    void removeSection(ServiceReference<CaseSection> ref, CaseSection section) {
        sections.remove(ref, section);
    }

    private List<Map.Entry<String, CaseSection>> sections() {
        return sections.entrySet().stream()
                .map(e -> Map.entry(String.valueOf(e.getKey().getProperty(CaseSection.PROPERTY_SECTION)), e.getValue()))
                .toList();
    }

    private Optional<DocumentTemplate> template(String id) {
        DocumentTemplates t = templates;
        return t == null ? Optional.empty() : t.find(id);
    }

    @Override
    public String title(Locale locale) {
        return Messages.of(locale).get("menu.cases");
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new CasesScreen(new CaseConsole(cases, personnel, workingDays, dueSoon, zone, this::template,
                this::sections, record, () -> review), context.actor(),
                Messages.of(context.locale()));
    }
}
