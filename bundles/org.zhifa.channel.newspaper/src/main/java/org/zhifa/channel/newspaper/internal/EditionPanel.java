package org.zhifa.channel.newspaper.internal;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.console.spi.ConsoleContext;

import com.vaadin.server.FileDownloader;
import com.vaadin.server.StreamResource;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBoxGroup;
import com.vaadin.ui.DateField;
import com.vaadin.ui.Grid;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.themes.ValoTheme;

/** The 报纸公告 view: a period and types, the entries an edition of them prints, and its downloads. */
final class EditionPanel extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient NewspaperChannel channel;
    private final transient ConsoleContext context;
    private final Locale locale;
    private final DateField from = new DateField();
    private final DateField to = new DateField();
    private final CheckBoxGroup<ItemType> types = new CheckBoxGroup<>();
    private final Label count = new Label();
    private final Label error = new Label();
    private final Grid<Entry> grid = new Grid<>();

    EditionPanel(ConsoleContext context, NewspaperChannel channel) {
        this.context = context;
        this.channel = channel;
        this.locale = context.locale();
        setId("newspaper-view");
        Label title = new Label(t("view.title"));
        title.addStyleName(ValoTheme.LABEL_H2);
        LocalDate today = channel.today();
        from.setId("newspaper-from");
        from.setCaption(t("view.from"));
        from.setDateFormat("yyyy-MM-dd");
        from.setValue(today.withDayOfMonth(1));
        to.setId("newspaper-to");
        to.setCaption(t("view.to"));
        to.setDateFormat("yyyy-MM-dd");
        to.setValue(today);
        types.setId("newspaper-types");
        types.setCaption(t("view.types"));
        types.setItems(ItemType.values());
        types.setItemCaptionGenerator(x -> t("view.type." + x.name()));
        types.setValue(channel.defaultTypes());
        types.addStyleName(ValoTheme.OPTIONGROUP_HORIZONTAL);
        Button show = new Button(t("view.show"), e -> refresh());
        show.setId("newspaper-show");
        show.addStyleName(ValoTheme.BUTTON_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(from, to, types, show);
        filters.setDefaultComponentAlignment(com.vaadin.ui.Alignment.BOTTOM_LEFT);

        HorizontalLayout downloads = new HorizontalLayout(download(NewspaperChannel.Format.PDF, "view.pdf"),
                download(NewspaperChannel.Format.DOCX, "view.docx"), download(NewspaperChannel.Format.EML, "view.eml"));

        error.setId("newspaper-error");
        error.addStyleName(ValoTheme.LABEL_FAILURE);
        error.setVisible(false);
        count.setId("newspaper-count");
        grid.setId("newspaper-entries");
        grid.setWidth("100%");
        grid.setHeightByRows(10);
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd");
        grid.addColumn(e -> t("view.kind." + e.kind().name())).setCaption(t("view.col.kind")).setWidth(120);
        grid.addColumn(e -> t("view.type." + e.type().name())).setCaption(t("view.types")).setWidth(140);
        grid.addColumn(Entry::title).setCaption(t("view.col.title"));
        grid.addColumn(e -> day.format((e.kind() == Entry.Kind.WITHDRAWAL ? e.withdrawnAt() : e.publishedAt())
                .atZone(channel.zone()))).setCaption(t("view.col.published")).setWidth(140);
        addComponents(title, filters, error, count, grid, downloads);
        refresh();
    }

    private Button download(NewspaperChannel.Format format, String key) {
        Button b = new Button(t(key));
        b.setId("newspaper-" + format.extension());
        StreamResource resource = new StreamResource(() -> {
            try {
                return new ByteArrayInputStream(channel.render(edition(), format).content());
            } catch (ZhifaException e) {
                // the download cannot show a message: the preview shows why
                return null;
            }
        }, "newspaper." + format.extension()) {
            private static final long serialVersionUID = 1L;

            @Override
            public String getFilename() {
                LocalDate f = from.getValue();
                LocalDate t = to.getValue();
                return "newspaper-" + f + "-" + t + "." + format.extension();
            }
        };
        resource.setMIMEType(format.mediaType);
        resource.setCacheTime(0);
        new FileDownloader(resource).extend(b);
        return b;
    }

    private Edition edition() {
        LocalDate f = from.getValue();
        LocalDate t = to.getValue();
        LocalDate[] period = channel.period(f == null ? "" : f.toString(), t == null ? "" : t.toString());
        Set<ItemType> chosen = types.getValue().isEmpty() ? channel.defaultTypes() : EnumSet.copyOf(types.getValue());
        return channel.edition(period[0], period[1], chosen, context.actor());
    }

    private void refresh() {
        try {
            Edition e = edition();
            List<Entry> entries = e.entries();
            grid.setItems(entries);
            count.setValue(t("view.count", String.valueOf(entries.size())));
            error.setVisible(false);
        } catch (ZhifaException ex) {
            grid.setItems(List.of());
            count.setValue("");
            String message = "en".equals(locale.getLanguage()) ? ex.messageEn() : ex.messageZh();
            error.setValue(message);
            error.setVisible(true);
            context.notify(message, true);
        }
    }

    private String t(String key, Object... args) {
        return Messages.text(locale, key, args);
    }
}
