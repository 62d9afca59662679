package org.zhifa.console.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.cases.CaseDraft;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.KindInfo;
import org.zhifa.api.cases.Party;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.Transition;
import org.zhifa.api.personnel.Officer;
import org.zhifa.console.spi.FieldForm;

import com.vaadin.server.UserError;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Alignment;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Component;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.Label;
import com.vaadin.ui.RadioButtonGroup;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * 立案: kind, 执法领域, title, party, 简易程序 where the kind has one, officers from the active register and
 * the kind's filing fields generated from its {@code FieldDef}s. The window stays open until filing succeeded.
 */
final class FileCaseForm extends Window {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FileCaseForm.class);

    private final transient CaseConsole console;
    private final Actor actor;
    private final Messages m;
    private final transient Consumer<CaseFile> onFiled;

    final ComboBox<KindInfo> kind = new ComboBox<>();
    final ComboBox<String> category = new ComboBox<>();
    final TextField title = new TextField();
    final RadioButtonGroup<PartyType> partyType = new RadioButtonGroup<>();
    final TextField partyName = new TextField();
    final TextField partyId = new TextField();
    final TextField legalRep = new TextField();
    final TextField phone = new TextField();
    final TextField address = new TextField();
    final CheckBox simple = new CheckBox();
    final ComboBox<Officer> officerPick;
    private final VerticalLayout officerList = new VerticalLayout();
    private final List<Officer> officers = new ArrayList<>();
    private final FormLayout filing = new FormLayout();
    private FieldForm filingFields = new FieldForm(List.of(), Messages.ZH, "field-");
    private final Map<String, AbstractComponent> byField = new LinkedHashMap<>();

    FileCaseForm(CaseConsole console, Actor actor, Messages m, List<KindInfo> kinds, Consumer<CaseFile> onFiled) {
        this.console = console;
        this.actor = actor;
        this.m = m;
        this.onFiled = onFiled;
        setId("case-file-form");
        setCaption(m.get("cases.file.title"));
        setModal(true);
        setWidth("760px");
        setHeight("90%");

        kind.setId("case-kind");
        kind.setCaption(m.get("case.kind"));
        kind.setItems(kinds);
        kind.setItemCaptionGenerator(k -> m.english() ? k.titleEn() : k.titleZh());
        kind.setTextInputAllowed(false);
        kind.setEmptySelectionAllowed(false);
        category.setId("case-category");
        category.setCaption(m.get("case.category"));
        category.setItems(console.personnel().categories());
        category.setTextInputAllowed(false);
        category.setEmptySelectionAllowed(false);
        title.setId("case-title");
        title.setCaption(m.get("case.title"));
        title.setMaxLength(200);
        partyType.setId("party-type");
        partyType.setCaption(m.get("party.type"));
        partyType.setItems(PartyType.values());
        partyType.setItemCaptionGenerator(t -> m.get("party.type." + t.name()));
        partyType.addStyleName(ValoTheme.OPTIONGROUP_HORIZONTAL);
        partyType.setValue(PartyType.PERSON);
        partyName.setId("party-name");
        partyId.setId("party-id-number");
        legalRep.setId("party-legal-rep");
        phone.setId("party-phone");
        address.setId("party-address");
        simple.setId("case-simple");
        simple.setCaption(m.get("case.simple"));
        for (AbstractComponent c : List.<AbstractComponent>of(kind, category, title, partyName, partyId, legalRep, phone, address)) {
            c.setWidth("100%");
        }
        for (com.vaadin.data.HasValue<?> c : List.<com.vaadin.data.HasValue<?>>of(kind, category, title, partyName,
                partyId)) {
            c.setRequiredIndicatorVisible(true);
        }
        partyType.addValueChangeListener(e -> partyLabels());
        partyLabels();

        officerPick = OfficerPicker.comboBox(console.personnel(), actor, m, category::getValue);
        officerPick.setId("case-officer-pick");
        officerPick.setCaption(m.get("case.officers"));
        officerPick.setPlaceholder(m.get("case.officers.pick"));
        officerPick.setWidth("100%");
        officerPick.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                addOfficer(e.getValue());
                officerPick.setValue(null);
            }
        });
        officerList.setId("case-officers");
        officerList.setMargin(false);
        officerList.setSpacing(false);
        officerList.setCaption(m.get("case.officers.chosen"));
        category.addValueChangeListener(e -> officerPick.getDataProvider().refreshAll());

        filing.setId("case-filing-fields");
        filing.setMargin(false);
        kind.addValueChangeListener(e -> kindChanged(e.getValue()));
        if (kinds.size() == 1) {
            kind.setValue(kinds.get(0));
        } else {
            kindChanged(null);
        }

        // the engine names the party's inputs party.<component> in its refusals
        byField.putAll(Map.of("kind", kind, "category", category, "title", title, "party", partyName,
                party("type"), partyType, party("name"), partyName, party("idNumber"), partyId, party("legalRep"),
                legalRep, party("phone"), phone, party("address"), address));
        byField.put("officers", officerPick);
        byField.put("simple", simple);

        Label partyHeading = new Label(m.get("party.heading"));
        partyHeading.addStyleName(ValoTheme.LABEL_H4);
        FormLayout form = new FormLayout(kind, category, title, simple, partyHeading, partyType, partyName, partyId,
                legalRep, phone, address, officerPick, officerList);
        form.setMargin(false);
        Label filingHeading = new Label(m.get("case.filingFields"));
        filingHeading.addStyleName(ValoTheme.LABEL_H4);

        Button save = new Button(m.get("cases.file.save"), e -> save());
        save.setId("case-file-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(m.get("action.cancel"), e -> close());
        cancel.setId("case-file-cancel");
        VerticalLayout root = new VerticalLayout(form, filingHeading, filing, new HorizontalLayout(save, cancel));
        root.setWidth("100%");
        setContent(root);
    }

    private void partyLabels() {
        boolean person = partyType.getValue() != PartyType.ORGANISATION;
        partyName.setCaption(m.get(person ? "party.name.person" : "party.name.organisation"));
        partyId.setCaption(m.get(person ? "party.idNumber.person" : "party.idNumber.organisation"));
        partyId.setMaxLength(18);
        legalRep.setCaption(m.get("party.legalRep"));
        legalRep.setVisible(!person);
        phone.setCaption(m.get("party.phone"));
        address.setCaption(m.get("party.address"));
    }

    private void kindChanged(KindInfo k) {
        boolean hasSimple = k != null
                && k.procedure().transitions().stream().anyMatch(t -> t.variant() == Transition.Variant.SIMPLE);
        simple.setVisible(hasSimple);
        if (!hasSimple) {
            simple.setValue(false);
        }
        filing.removeAllComponents();
        filingFields = new FieldForm(k == null ? List.of() : k.procedure().filingFields(), m.locale(), "field-");
        filingFields.addTo(filing);
    }

    private void addOfficer(Officer o) {
        if (officers.stream().anyMatch(x -> x.id() == o.id())) {
            return;
        }
        officers.add(o);
        officerPick.setComponentError(null);
        Label name = new Label(OfficerPicker.caption(o, m));
        Button remove = new Button(m.get("action.remove"));
        remove.setId("case-officer-remove-" + o.id());
        remove.addStyleName(ValoTheme.BUTTON_LINK);
        remove.addStyleName(ValoTheme.BUTTON_SMALL);
        HorizontalLayout row = new HorizontalLayout(name, remove);
        row.setId("case-officer-" + o.id());
        row.setDefaultComponentAlignment(Alignment.MIDDLE_LEFT);
        remove.addClickListener(e -> {
            officers.removeIf(x -> x.id() == o.id());
            officerList.removeComponent(row);
        });
        officerList.addComponent(row);
    }

    private void save() {
        byField.values().forEach(c -> c.setComponentError(null));
        String required = m.get("validation.required");
        String firstProblem = null;
        for (AbstractComponent c : List.<AbstractComponent>of(kind, category, title, partyName, partyId)) {
            Object v = ((com.vaadin.data.HasValue<?>) c).getValue();
            if (v == null || v.toString().isBlank()) {
                c.setComponentError(new UserError(required));
                if (firstProblem == null) {
                    firstProblem = c.getCaption() + m.get("label.separator") + required;
                }
            }
        }
        var fieldProblem = filingFields.validate();
        if (firstProblem == null && fieldProblem.isPresent()) {
            firstProblem = fieldProblem.get();
        }
        if (firstProblem != null) {
            Notifications.error(firstProblem);
            return;
        }
        boolean person = partyType.getValue() != PartyType.ORGANISATION;
        Party party = new Party(partyType.getValue(), partyName.getValue().strip(), partyId.getValue().strip(),
                person ? null : blankToNull(legalRep.getValue()), blankToNull(phone.getValue()),
                blankToNull(address.getValue()));
        CaseDraft draft = new CaseDraft(kind.getValue().id(), category.getValue(), title.getValue().strip(), party,
                officers.stream().map(Officer::id).toList(), simple.isVisible() && simple.getValue(),
                filingFields.values());
        CaseFile filed;
        try {
            filed = console.cases().file(draft, actor);
        } catch (ZhifaException e) {
            String message = m.error(e);
            AbstractComponent c = e.field() == null ? null : byField.get(e.field());
            if (c != null) {
                c.setComponentError(new UserError(message));
                FieldForm.focus(c);
            } else {
                filingFields.mark(e.field(), message);
            }
            Notifications.error(message);
            return;
        } catch (RuntimeException e) {
            LOG.error("filing a case failed", e);
            Notifications.error(m.get("error.unexpected"));
            return;
        }
        close();
        Notifications.info(m.get("cases.filed", filed.number()));
        onFiled.accept(filed);
    }

    private static String party(String component) {
        return "party." + component;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
