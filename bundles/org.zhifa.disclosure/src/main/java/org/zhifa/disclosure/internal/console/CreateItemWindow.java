package org.zhifa.disclosure.internal.console;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.zhifa.api.cases.KindInfo;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.ItemDraft;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.console.spi.ConsoleContext;
import org.zhifa.console.spi.Refusals;

import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/** A notice (公告) or a decision taken on paper, entered by hand; the service sets its deadline and may withhold it. */
final class CreateItemWindow extends Window {

    private static final long serialVersionUID = 1L;

    CreateItemWindow(ConsoleServices services, ConsoleContext context, ConsoleTexts m, List<KindInfo> kinds,
                     Consumer<DisclosureItem> created) {
        super(m.get("create.title"));
        setId("disc-create-window");
        setModal(true);
        setWidth("760px");
        Label error = Refusals.errorLabel("disc-create-error");

        ComboBox<ItemType> type = new ComboBox<>(m.get("create.type"));
        type.setId("disc-create-type");
        type.setItems(ItemType.NOTICE, ItemType.DECISION);
        type.setItemCaptionGenerator(t -> m.get("type." + t.name()));
        type.setEmptySelectionAllowed(false);
        type.setTextInputAllowed(false);
        type.setValue(ItemType.NOTICE);
        ComboBox<String> kind = new ComboBox<>(m.get("create.kind"));
        kind.setId("disc-create-kind");
        Map<String, String> titles = kinds.stream().collect(Collectors.toMap(KindInfo::id,
                k -> m.english() ? k.titleEn() : k.titleZh(), (a, b) -> a, java.util.LinkedHashMap::new));
        kind.setItems(titles.keySet());
        kind.setItemCaptionGenerator(k -> titles.getOrDefault(k, k));
        kind.setTextInputAllowed(false);
        kind.setPageLength(0);
        TextField title = new TextField(m.get("create.itemTitle"));
        title.setId("disc-create-title");
        title.setWidth("100%");
        title.setMaxLength(200);
        TextField caseNumber = new TextField(m.get("create.caseNumber"));
        caseNumber.setId("disc-create-case");
        caseNumber.setMaxLength(100);
        TextField party = new TextField(m.get("create.party"));
        party.setId("disc-create-party");
        party.setMaxLength(200);
        CheckBox person = new CheckBox(m.get("create.partyPerson"));
        person.setId("disc-create-person");
        CheckBox minor = new CheckBox(m.get("create.partyMinor"));
        minor.setId("disc-create-minor");
        DateField decided = new DateField(m.get("create.decidedOn"));
        decided.setId("disc-create-decided");
        decided.setDateFormat("yyyy-MM-dd");
        decided.setPlaceholder("yyyy-MM-dd");
        decided.setLenient(false);
        decided.setParseErrorMessage(m.get("create.date.invalid"));
        decided.setValue(LocalDate.now(ConsoleTexts.ZONE));
        TextArea text = new TextArea(m.get("create.text"));
        text.setId("disc-create-text");
        text.setWidth("100%");
        text.setRows(8);
        text.setMaxLength(200_000);
        TextField names = new TextField(m.get("create.knownNames"));
        names.setId("disc-create-names");
        names.setWidth("100%");
        names.setMaxLength(2_000);
        names.setDescription(m.get("create.knownNames.hint"));

        FormLayout form = new FormLayout(type, kind, title, caseNumber, party, person, minor, decided, text, names);
        form.setWidth("100%");
        Button save = new Button(m.get("create.save"), e -> Refusals.act(context, error, () -> {
            if (decided.getValue() == null && !decided.isEmpty()) {
                throw ConsoleTexts.invalid("create.date.invalid", "decidedOn");
            }
            List<String> known = names.getValue() == null ? List.of()
                    : Arrays.stream(names.getValue().split("[,，;；、\\s]+")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList();
            ItemDraft draft = new ItemDraft(type.getValue(), kind.getValue(), title.getValue(),
                    blankToNull(caseNumber.getValue()), blankToNull(party.getValue()),
                    Boolean.TRUE.equals(person.getValue()), Boolean.TRUE.equals(minor.getValue()),
                    decided.getValue(), text.getValue(), known, List.of());
            DisclosureItem item = services.disclosure().create(draft, context.actor());
            close();
            context.notify(m.get("create.done", item.title(), ConsoleTexts.date(item.dueOn())), false);
            created.accept(item);
        }));
        save.setId("disc-create-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(m.get("action.cancel"), e -> close());
        cancel.setId("disc-create-cancel");
        VerticalLayout body = new VerticalLayout(error, form, new HorizontalLayout(save, cancel));
        setContent(body);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
