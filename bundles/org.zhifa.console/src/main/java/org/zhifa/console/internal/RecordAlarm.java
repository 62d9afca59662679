package org.zhifa.console.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;

import org.zhifa.api.record.VerificationReport;

import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The red banner on top of every view while the record's last verification (scheduled or manual) found
 * problems, with a link to 记录核验. Asked again at each poll of the console, so it appears in open
 * sessions and leaves once a verification passes.
 */
final class RecordAlarm extends HorizontalLayout {
    private static final long serialVersionUID = 1L;
    static final String ID = "record-alarm-banner";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final transient Supplier<Optional<VerificationReport>> last;
    private final Messages m;
    private final Label text = new Label();
    private transient VerificationReport shown;

    /**
     * @param last the last verification's report, empty when there was none or the record is not installed
     * @param open goes to the 记录核验 view
     */
    RecordAlarm(Supplier<Optional<VerificationReport>> last, Messages m, Runnable open) {
        this.last = last;
        this.m = m;
        setId(ID);
        addStyleName("zhifa-alarm");
        setWidth("100%");
        setMargin(false);
        text.setId("record-alarm-text");
        Button link = new Button(m.get("record.alarm.open"), e -> open.run());
        link.setId("record-alarm-open");
        link.addStyleName(ValoTheme.BUTTON_LINK);
        addComponents(text, link);
        setComponentAlignment(text, Alignment.MIDDLE_LEFT);
        setComponentAlignment(link, Alignment.MIDDLE_LEFT);
        setExpandRatio(link, 1);
        setVisible(false);
        update();
    }

    /** Whether a report raises the alarm: only a verification that ran and found problems does. */
    static boolean raised(Optional<VerificationReport> report) {
        return report.isPresent() && !report.get().ok();
    }

    /** Shows or hides the banner for the last report; cheap (the record keeps its last report in memory). */
    void update() {
        Optional<VerificationReport> report;
        try {
            report = last.get();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(RecordAlarm.class).warn("record alarm: {}", e.toString());
            return;
        }
        if (!raised(report)) {
            shown = null;
            setVisible(false);
            return;
        }
        VerificationReport r = report.get();
        if (r != shown) {
            shown = r;
            text.setValue(m.get("record.alarm.banner", r.problems().size(), TIME.format(r.finished())));
        }
        setVisible(true);
    }
}
