package org.zhifa.console.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.record.Problem;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.api.record.VerificationReport;

import com.vaadin.ui.Button;
import com.vaadin.ui.Grid;
import com.vaadin.ui.Label;
import com.vaadin.ui.ProgressBar;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/**
 * The record's state for staff: the alarm of the last verification on top, the latest signed tree head,
 * and for 负责人 and 管理员 a verification run in the background whose progress the console's poll shows.
 */
final class RecordPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RecordPanel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final transient RecordService record;
    private final Actor actor;
    private final Messages m;
    private final Label alarm = new Label();
    private final Label head = new Label();
    private final Button verify;
    private final ProgressBar progress = new ProgressBar();
    private final Label phase = new Label();
    private final Grid<Problem> problems = new Grid<>();

    RecordPanel(RecordService record, Actor actor, Messages m) {
        this.record = record;
        this.actor = actor;
        this.m = m;
        setWidth("100%");
        Label title = new Label(m.get("record.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
        alarm.setId("record-alarm");
        alarm.setWidth("100%");
        head.setId("record-sth");
        head.setWidth("100%");
        verify = new Button(m.get("record.verify"), e -> start());
        verify.setId("record-verify");
        boolean may = actor.has(Roles.LEADER) || actor.has(Roles.ADMIN);
        verify.setEnabled(may);
        if (!may) {
            verify.setDescription(m.get("record.verify.roles"));
        }
        progress.setId("record-progress");
        progress.setWidth("100%");
        progress.setVisible(false);
        phase.setId("record-phase");
        problems.setId("record-problems");
        problems.setWidth("100%");
        problems.setHeightByRows(8);
        problems.addColumn(p -> m.get("record.problem." + p.type().name())).setCaption(m.get("record.col.type"));
        problems.addColumn(p -> p.seq() < 0 ? "" : Long.toString(p.seq())).setCaption(m.get("record.col.seq"));
        problems.addColumn(Problem::location).setCaption(m.get("record.col.location"));
        problems.addColumn(p -> m.english() ? p.messageEn() : p.messageZh()).setCaption(m.get("record.col.message"));
        problems.setVisible(false);
        addComponents(title, alarm, head, verify, progress, phase, problems);
        refresh();
    }

    private void refresh() {
        show(record.lastVerification().orElse(null));
        try {
            SignedTreeHead h = record.latestTreeHead();
            head.setValue(m.get("record.sth", h.treeSize(), h.rootHash(), h.hashAlgorithm(), TIME.format(h.timestamp()),
                    h.keyId()));
        } catch (ZhifaException e) {
            head.setValue(m.error(e));
        }
    }

    private void show(VerificationReport r) {
        alarm.removeStyleNames(ValoTheme.LABEL_FAILURE, ValoTheme.LABEL_SUCCESS);
        if (r == null) {
            alarm.setValue(m.get("record.never"));
            problems.setVisible(false);
            return;
        }
        String kind = m.get(r.full() ? "record.full" : "record.incremental");
        if (r.ok()) {
            alarm.addStyleName(ValoTheme.LABEL_SUCCESS);
            alarm.setValue(m.get("record.ok", TIME.format(r.finished()), kind, r.fromSeq(), r.treeSize(), r.evidenceFiles()));
            problems.setVisible(false);
        } else {
            alarm.addStyleName(ValoTheme.LABEL_FAILURE);
            alarm.setValue(m.get("record.failed", TIME.format(r.finished()), kind, r.problems().size()));
            problems.setItems(r.problems());
            problems.setVisible(true);
        }
    }

    private void start() {
        UI ui = getUI();
        verify.setEnabled(false);
        progress.setValue(0f);
        progress.setVisible(true);
        phase.setValue(m.get("record.running"));
        Thread t = new Thread(() -> {
            try {
                VerificationReport r = record.verify((done, total, name) -> ui.access(() -> {
                    progress.setValue(total == 0 ? 1f : (float) done / total);
                    phase.setValue(m.get("record.phase", m.get("record.phase." + name), done, total));
                }), actor);
                ui.access(() -> finished(r, null));
            } catch (ZhifaException e) {
                ui.access(() -> finished(null, m.error(e)));
            } catch (RuntimeException e) {
                LOG.error("record verification from the console failed", e);
                ui.access(() -> finished(null, e.toString()));
            }
        }, "zhifa-console-verify");
        t.setDaemon(true);
        t.start();
    }

    private void finished(VerificationReport r, String error) {
        verify.setEnabled(true);
        progress.setVisible(false);
        if (error != null) {
            phase.setValue(error);
            Notifications.error(getUI().getPage(), error);
            return;
        }
        phase.setValue(m.get(r.ok() ? "record.done.ok" : "record.done.failed", r.treeSize(), r.problems().size()));
        refresh();
        show(r);
    }
}
