package org.zhifa.city.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.zhifa.api.common.Roles;
import org.zhifa.console.spi.ConsoleContext;

import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** The 县区管理 view: alarm banner, counties, alarms with acknowledgement, and the registration form. */
final class CountiesPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final transient City city;
    private final transient ConsoleContext context;
    private final Texts t;
    private final HorizontalLayout banner = new HorizontalLayout();
    private final Label bannerText = new Label();
    private final Grid<Model.CountyState> counties = new Grid<>();
    private final Grid<Model.Alarm> alarms = new Grid<>();

    CountiesPanel(City city, ConsoleContext context) {
        this.city = city;
        this.context = context;
        this.t = Texts.of(context.locale());
        setId("city-counties-view");
        banner.setId("city-alarm-banner");
        banner.addStyleName("zhifa-alarm");
        banner.setWidth("100%");
        bannerText.setId("city-alarm-text");
        bannerText.setWidth("100%");
        banner.addComponent(bannerText);
        Label title = new Label(t.get("console.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
        addComponents(banner, title);

        counties.setId("city-counties-grid");
        counties.setWidth("100%");
        counties.setHeightByRows(6);
        counties.addColumn(s -> s.county().code()).setCaption(t.get("console.code"));
        counties.addColumn(s -> s.county().name()).setCaption(t.get("console.name"));
        counties.addColumn(s -> s.county().active() ? "✓" : "✗").setCaption(t.get("console.active"));
        counties.addColumn(s -> s.latest() == null ? "-" : Long.toString(s.latest().treeSize()))
                .setCaption(t.get("console.col.size"));
        counties.addColumn(s -> Integer.toString(s.openAlarms())).setCaption(t.get("console.col.alarms"));
        Label cl = new Label(t.get("console.counties"));
        cl.addStyleName(ValoTheme.LABEL_H3);
        addComponents(cl, counties);

        alarms.setId("city-alarms-grid");
        alarms.setWidth("100%");
        alarms.setHeightByRows(5);
        alarms.addColumn(Model.Alarm::id).setCaption("#");
        alarms.addColumn(Model.Alarm::county).setCaption(t.get("console.col.county"));
        alarms.addColumn(a -> t.get("alarm.kind." + a.kind())).setCaption(t.get("console.col.kind"));
        alarms.addColumn(a -> TIME.format(a.raisedAt())).setCaption(t.get("console.col.raisedAt"));
        alarms.addColumn(Model.Alarm::message).setCaption(t.get("console.col.message")).setExpandRatio(1);
        alarms.addColumn(a -> a.open() ? t.get("console.open") : t.get("console.acked", a.ackBy(), a.ackReason()))
                .setCaption(t.get("console.col.state"));
        Label al = new Label(t.get("console.alarms"));
        al.addStyleName(ValoTheme.LABEL_H3);
        addComponents(al, alarms);

        boolean admin = context.actor().has(Roles.ADMIN);
        if (admin) {
            TextField reason = new TextField(t.get("console.ackReason"));
            reason.setId("city-ack-reason");
            reason.setWidth("30em");
            Button ack = new Button(t.get("console.ack"), e -> alarms.getSelectedItems().stream().findFirst().ifPresent(a -> {
                try {
                    city.acknowledge(a.id(), reason.getValue(), context.actor());
                    reason.clear();
                    refresh();
                } catch (Refusal r) {
                    context.notify(t.english() ? r.messageEn : r.messageZh, true);
                }
            }));
            ack.setId("city-ack");
            HorizontalLayout row = new HorizontalLayout(reason, ack);
            row.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);
            addComponent(row);
            addComponent(form());
        } else {
            addComponent(new Label(t.get("console.adminOnly")));
        }
        refresh();
    }

    private FormLayout form() {
        TextField code = new TextField(t.get("console.code"));
        code.setId("city-reg-code");
        TextField name = new TextField(t.get("console.name"));
        name.setId("city-reg-name");
        name.setWidth("24em");
        TextArea pem = new TextArea(t.get("console.pem"));
        pem.setId("city-reg-pem");
        pem.setWidth("40em");
        pem.setRows(4);
        TextField cert = new TextField(t.get("console.cert"));
        cert.setId("city-reg-cert");
        cert.setWidth("40em");
        CheckBox token = new CheckBox(t.get("console.issueToken"), true);
        token.setId("city-reg-token");
        CheckBox active = new CheckBox(t.get("console.active"), true);
        active.setId("city-reg-active");
        TextField reason = new TextField(t.get("console.reason"));
        reason.setId("city-reg-reason");
        reason.setWidth("30em");
        Label shown = new Label();
        shown.setId("city-reg-token-shown");
        shown.setWidth("100%");
        Button save = new Button(t.get("console.save"), e -> {
            try {
                String c = code.getValue().strip();
                boolean exists = city.counties().stream().anyMatch(k -> k.code().equals(c));
                City.Registered r = city.register(new Wire.CountyDraft(c, blank(name.getValue()), blank(pem.getValue()),
                        blank(cert.getValue()), exists ? token.getValue() : Boolean.TRUE, active.getValue(),
                        blank(reason.getValue())), context.actor());
                shown.setValue(r.token() == null ? t.get("console.saved", c) : t.get("console.token", c, r.token()));
                context.notify(t.get("console.saved", c), false);
                refresh();
            } catch (Refusal r) {
                context.notify(t.english() ? r.messageEn : r.messageZh, true);
            }
        });
        save.setId("city-reg-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        FormLayout f = new FormLayout(code, name, pem, cert, token, active, reason, save, shown);
        f.setCaption(t.get("console.register"));
        return f;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private void refresh() {
        try {
            List<Model.CountyState> states = city.countyStates();
            counties.setItems(states);
            List<Model.Alarm> all = city.alarms(false);
            alarms.setItems(all);
            long open = all.stream().filter(Model.Alarm::open).count();
            if (open > 0) {
                String which = String.join(", ", all.stream().filter(Model.Alarm::open)
                        .map(a -> a.county() + " " + t.get("alarm.kind." + a.kind())).distinct().toList());
                bannerText.setValue(t.get("console.alarm", open, which));
            }
            banner.setVisible(open > 0);
        } catch (Refusal r) {
            context.notify(t.english() ? r.messageEn : r.messageZh, true);
        }
    }
}
