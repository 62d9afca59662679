package org.zhifa.disclosure.internal.console;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.KindInfo;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.record.RecordService;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.ConsoleView;

/** 公示工作台: the disclosure items with their deadlines, approval with the redaction preview, corrections, withdrawal. */
@Component(service = ConsoleView.class, property = {ConsoleView.PROPERTY_VIEW + "=" + QueueConsoleView.ID,
        "service.ranking:Integer=6"})
public class QueueConsoleView implements ConsoleView {

    static final String ID = "disclosure";

    private final DisclosureService service;
    private volatile CaseService cases;
    private volatile RecordService record;

    @Activate
    public QueueConsoleView(@Reference(name = "service") DisclosureService service) {
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

    @Reference(name = "record", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setRecord(RecordService r) {
        record = r;
    }

    void unsetRecord(RecordService r) {
        if (record == r) {
            record = null;
        }
    }

    @Override
    public String title(Locale locale) {
        return ConsoleTexts.text(locale, "queue.title");
    }

    @Override
    public Set<String> roles() {
        return Set.of();
    }

    ConsoleServices services() {
        return new ConsoleServices(service, () -> {
            CaseService c = cases;
            return c == null ? List.<KindInfo>of() : c.kinds();
        }, () -> Optional.ofNullable(record));
    }

    @Override
    public com.vaadin.ui.Component create(ConsoleContext context) {
        return new QueuePanel(services(), context);
    }
}
