package org.zhifa.evidence.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.evidence.Device;
import org.zhifa.api.evidence.EvidenceService;
import org.zhifa.console.spi.ConsoleContext;

import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.UI;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * 设备台账: the register of recording devices with a retired toggle, the history of a device's revisions,
 * and for 管理员 a form that registers a device or saves a change as its next revision. The service
 * validates; a refusal is shown and the form keeps what was typed.
 */
final class DevicePanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DevicePanel.class);
    /** Types offered in the form; any other may be typed. */
    static final List<String> TYPES = List.of("执法记录仪", "照相机", "摄像机", "录音笔", "无人机");

    private final transient EvidenceService evidence;
    private final Actor actor;
    private final ConsoleTexts tx;
    private final boolean admin;
    private final Grid<Device> grid = new Grid<>();
    private final CheckBox retired = new CheckBox();
    private final Button edit;
    private final Button history;

    DevicePanel(EvidenceService evidence, ConsoleContext context, ZoneId zone) {
        this.evidence = evidence;
        this.actor = context.actor();
        this.tx = new ConsoleTexts(context, zone);
        this.admin = actor.has(Roles.ADMIN);
        setId("devices-view");
        setWidth("100%");
        Label title = new Label(tx.t("console.devices.title"));
        title.addStyleName(ValoTheme.LABEL_H2);

        retired.setId("devices-retired");
        retired.setCaption(tx.t("console.devices.showRetired"));
        retired.addValueChangeListener(e -> refresh());

        grid.setId("devices-grid");
        grid.setWidth("100%");
        grid.setHeightByRows(10);
        grid.addColumn(Device::id).setCaption(tx.t("console.devices.col.id")).setId("id");
        grid.addColumn(Device::type).setCaption(tx.t("console.devices.col.type"));
        grid.addColumn(d -> d.model() == null ? "" : d.model()).setCaption(tx.t("console.devices.col.model"));
        grid.addColumn(d -> d.holder() == null ? "" : d.holder()).setCaption(tx.t("console.devices.col.holder"));
        grid.addColumn(d -> tx.t("console.devices.status." + d.status().name())).setCaption(tx.t("console.devices.col.status"));
        grid.addColumn(d -> tx.date(d.clockCheckedAt())).setCaption(tx.t("console.devices.col.clock"));
        grid.addColumn(d -> String.valueOf(d.revision())).setCaption(tx.t("console.devices.col.revision"));
        grid.addColumn(d -> d.changedBy() + " " + tx.time(d.changedAt())).setCaption(tx.t("console.devices.col.changed"));
        grid.setStyleGenerator(d -> d.status() == Device.Status.ACTIVE ? null : "zhifa-device-" + d.status().name().toLowerCase());
        grid.addSelectionListener(e -> buttons());

        Button add = new Button(tx.t("console.devices.add"), e -> UI.getCurrent().addWindow(form(null)));
        add.setId("devices-add");
        add.addStyleName(ValoTheme.BUTTON_PRIMARY);
        edit = new Button(tx.t("console.devices.edit"), e -> grid.getSelectedItems().stream().findFirst()
                .ifPresent(d -> UI.getCurrent().addWindow(form(d))));
        edit.setId("devices-edit");
        history = new Button(tx.t("console.devices.history"), e -> grid.getSelectedItems().stream().findFirst()
                .ifPresent(d -> UI.getCurrent().addWindow(history(d))));
        history.setId("devices-history");
        HorizontalLayout bar = new HorizontalLayout(retired);
        if (admin) {
            bar.addComponents(add, edit);
        } else {
            Label hint = new Label(tx.t("console.devices.adminOnly"));
            hint.setId("devices-admin-only");
            bar.addComponent(hint);
        }
        bar.addComponent(history);
        addComponents(title, bar, grid);
        refresh();
    }

    private void buttons() {
        Device d = grid.getSelectedItems().stream().findFirst().orElse(null);
        edit.setEnabled(d != null && d.status() != Device.Status.RETIRED);
        history.setEnabled(d != null);
    }

    void refresh() {
        try {
            grid.setItems(evidence.devices(Boolean.TRUE.equals(retired.getValue()), actor));
        } catch (ZhifaException e) {
            tx.error(e);
            grid.setItems(List.of());
        }
        buttons();
    }

    /** Registers a device ({@code current} null) or saves a change of it as its next revision. */
    private Window form(Device current) {
        Window w = new Window(tx.t(current == null ? "console.devices.add" : "console.devices.edit"));
        w.setId("device-form");
        w.setModal(true);
        w.setWidth("560px");
        TextField id = new TextField(tx.t("console.devices.col.id"));
        id.setId("device-id");
        id.setWidth("100%");
        ComboBox<String> type = new ComboBox<>(tx.t("console.devices.col.type"));
        type.setId("device-type");
        type.setWidth("100%");
        type.setItems(TYPES);
        type.setNewItemProvider(text -> {
            type.setValue(text);
            return java.util.Optional.of(text);
        });
        TextField model = new TextField(tx.t("console.devices.col.model"));
        model.setId("device-model");
        model.setWidth("100%");
        TextField holder = new TextField(tx.t("console.devices.col.holder"));
        holder.setId("device-holder");
        holder.setWidth("100%");
        ComboBox<Device.Status> status = new ComboBox<>(tx.t("console.devices.col.status"));
        status.setId("device-status");
        status.setItems(Device.Status.values());
        status.setItemCaptionGenerator(s -> tx.t("console.devices.status." + s.name()));
        status.setEmptySelectionAllowed(false);
        status.setTextInputAllowed(false);
        DateField clock = new DateField(tx.t("console.devices.col.clock"));
        clock.setId("device-clock");
        clock.setDateFormat("yyyy-MM-dd");
        clock.setRangeEnd(LocalDate.now(tx.zone()));
        TextArea note = new TextArea(tx.t("console.devices.col.note"));
        note.setId("device-note");
        note.setWidth("100%");
        note.setRows(2);
        Label error = new Label();
        error.setId("device-form-error");
        error.addStyleName(ValoTheme.LABEL_FAILURE);
        error.setWidth("100%");
        error.setVisible(false);
        if (current == null) {
            status.setValue(Device.Status.ACTIVE);
            type.setValue(TYPES.get(0));
        } else {
            id.setValue(current.id());
            id.setReadOnly(true);
            type.setValue(current.type());
            model.setValue(nn(current.model()));
            holder.setValue(nn(current.holder()));
            status.setValue(current.status());
            clock.setValue(current.clockCheckedAt() == null ? null
                    : current.clockCheckedAt().atZone(tx.zone()).toLocalDate());
            note.setValue(nn(current.note()));
        }
        Button save = new Button(tx.t("console.save"), e -> {
            if (current == null && evidence.device(id.getValue().trim(), actor).isPresent()) {
                show(error, tx.t("console.devices.exists", id.getValue().trim()));
                return;
            }
            Device d = new Device(id.getValue().trim(), type.getValue(), blank(model.getValue()),
                    blank(holder.getValue()), status.getValue(),
                    clock.getValue() == null ? null : clock.getValue().atStartOfDay(tx.zone()).toInstant(),
                    blank(note.getValue()), current == null ? 0 : current.revision(), null, null);
            try {
                Device saved = evidence.saveDevice(d, actor);
                w.close();
                refresh();
                tx.info(tx.t("console.devices.saved", saved.id(), saved.revision()));
            } catch (ZhifaException ex) {
                show(error, tx.message(ex));
                tx.error(ex);
            } catch (RuntimeException ex) {
                LOG.error("saving device {} failed", d.id(), ex);
                show(error, tx.t("console.unexpected"));
            }
        });
        save.setId("device-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(tx.t("console.cancel"), e -> w.close());
        cancel.setId("device-cancel");
        FormLayout f = new FormLayout(id, type, model, holder, status, clock, note, error,
                new HorizontalLayout(save, cancel));
        f.setMargin(true);
        w.setContent(f);
        return w;
    }

    private Window history(Device d) {
        Window w = new Window(tx.t("console.devices.historyOf", d.id()));
        w.setId("device-history");
        w.setModal(true);
        w.setWidth("900px");
        Grid<Device> revisions = new Grid<>();
        revisions.setId("device-history-grid");
        revisions.setWidth("100%");
        revisions.setHeightByRows(6);
        revisions.addColumn(r -> String.valueOf(r.revision())).setCaption(tx.t("console.devices.col.revision"));
        revisions.addColumn(Device::type).setCaption(tx.t("console.devices.col.type"));
        revisions.addColumn(r -> nn(r.model())).setCaption(tx.t("console.devices.col.model"));
        revisions.addColumn(r -> nn(r.holder())).setCaption(tx.t("console.devices.col.holder"));
        revisions.addColumn(r -> tx.t("console.devices.status." + r.status().name())).setCaption(tx.t("console.devices.col.status"));
        revisions.addColumn(r -> tx.date(r.clockCheckedAt())).setCaption(tx.t("console.devices.col.clock"));
        revisions.addColumn(r -> nn(r.note())).setCaption(tx.t("console.devices.col.note"));
        revisions.addColumn(r -> r.changedBy() + " " + tx.time(r.changedAt())).setCaption(tx.t("console.devices.col.changed"));
        try {
            revisions.setItems(evidence.deviceHistory(d.id(), actor));
        } catch (ZhifaException e) {
            tx.error(e);
        }
        VerticalLayout v = new VerticalLayout(revisions);
        w.setContent(v);
        return w;
    }

    private static void show(Label error, String text) {
        error.setValue(text);
        error.setVisible(true);
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
