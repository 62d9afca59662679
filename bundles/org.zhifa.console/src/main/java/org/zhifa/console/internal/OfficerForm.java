package org.zhifa.console.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerDraft;
import org.zhifa.api.personnel.PersonnelService;

import com.vaadin.data.Binder;
import com.vaadin.server.UserError;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.Button;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.CheckBoxGroup;
import com.vaadin.ui.DateField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.HorizontalLayout;
import com.vaadin.ui.TextField;
import com.vaadin.ui.VerticalLayout;
import com.vaadin.ui.Window;
import com.vaadin.ui.themes.ValoTheme;

/**
 * Add or edit one officer (管理员 only). The Binder checks the obvious; the service is the final judge
 * and its refusal is shown next to the field at fault. The window stays open until the save succeeded.
 */
final class OfficerForm extends Window {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OfficerForm.class);

    private final transient PersonnelService personnel;
    private final Actor actor;
    private final Messages m;
    private final Officer existing;
    private final transient Consumer<Officer> onSaved;
    private final List<String> categoryOrder;
    private final Binder<OfficerBean> binder = new Binder<>();

    final TextField name = new TextField();
    final TextField unit = new TextField();
    final TextField post = new TextField();
    final TextField certificate = new TextField();
    final CheckBoxGroup<String> categories = new CheckBoxGroup<>();
    final TextField area = new TextField();
    final DateField validFrom = new DateField();
    final DateField validTo = new DateField();
    final CheckBox legal = new CheckBox();
    private final Map<String, AbstractComponent> fieldsByName;

    /** {@code existing} null = a new officer. */
    OfficerForm(PersonnelService personnel, Actor actor, Messages m, Officer existing, Consumer<Officer> onSaved) {
        this.personnel = personnel;
        this.actor = actor;
        this.m = m;
        this.existing = existing;
        this.onSaved = onSaved;
        this.categoryOrder = personnel.categories();
        setCaption(existing == null ? m.get("officer.add.title") : m.get("officer.edit.title", existing.name()));
        setModal(true);
        setResizable(false);
        setWidth("720px");
        setId("officer-form");

        name.setId("officer-name");
        unit.setId("officer-unit");
        post.setId("officer-post");
        certificate.setId("officer-certificate");
        categories.setId("officer-categories");
        area.setId("officer-area");
        validFrom.setId("officer-valid-from");
        validTo.setId("officer-valid-to");
        legal.setId("officer-legal");
        fieldsByName = Map.of("name", name, "unit", unit, "post", post, "certificateNo", certificate,
                "categories", categories, "area", area, "validFrom", validFrom, "validTo", validTo,
                "legalQualification", legal);

        name.setCaption(m.get("officer.name"));
        unit.setCaption(m.get("officer.unit"));
        post.setCaption(m.get("officer.post"));
        certificate.setCaption(m.get("officer.certificateNo"));
        categories.setCaption(m.get("officer.categories"));
        area.setCaption(m.get("officer.area"));
        validFrom.setCaption(m.get("officer.validFrom"));
        validTo.setCaption(m.get("officer.validTo"));
        legal.setCaption(m.get("officer.legalQualification"));
        for (TextField f : List.of(name, unit, post, certificate, area)) {
            f.setWidth("100%");
        }
        categories.setItems(categoryOrder);
        categories.addStyleName(ValoTheme.OPTIONGROUP_HORIZONTAL);
        // Wraps instead of widening the window (styled in OfficerStyles.CSS).
        categories.addStyleName("zhifa-categories");
        categories.setWidth("100%");
        for (DateField d : List.of(validFrom, validTo)) {
            d.setDateFormat("yyyy-MM-dd");
            d.setPlaceholder("yyyy-MM-dd");
            d.setLenient(false);
            d.setParseErrorMessage(m.get("validation.date"));
        }
        bind();

        Button save = new Button(m.get("action.save"), e -> save());
        save.setId("officer-save");
        save.addStyleName(ValoTheme.BUTTON_PRIMARY);
        Button cancel = new Button(m.get("action.cancel"), e -> close());
        cancel.setId("officer-cancel");

        FormLayout form = new FormLayout(name, unit, post, certificate, categories, area, validFrom, validTo,
                legal);
        form.setMargin(false);
        VerticalLayout root = new VerticalLayout(form, new HorizontalLayout(save, cancel));
        setContent(root);

        binder.readBean(existing == null ? new OfficerBean() : OfficerBean.of(existing));
    }

    private void bind() {
        String required = m.get("validation.required");
        binder.forField(name).asRequired(required).bind(OfficerBean::getName, OfficerBean::setName);
        binder.forField(unit).asRequired(required).bind(OfficerBean::getUnit, OfficerBean::setUnit);
        binder.forField(post).bind(OfficerBean::getPost, OfficerBean::setPost);
        binder.forField(certificate).asRequired(required)
                .bind(OfficerBean::getCertificateNo, OfficerBean::setCertificateNo);
        binder.forField(categories).asRequired(m.get("validation.categories"))
                .bind(OfficerBean::getCategories, OfficerBean::setCategories);
        binder.forField(area).asRequired(required).bind(OfficerBean::getArea, OfficerBean::setArea);
        binder.forField(validFrom).asRequired(required).bind(OfficerBean::getValidFrom, OfficerBean::setValidFrom);
        binder.forField(validTo).asRequired(required)
                .withValidator(to -> to == null || validFrom.getValue() == null || !to.isBefore(validFrom.getValue()),
                        m.get("validation.validTo"))
                .bind(OfficerBean::getValidTo, OfficerBean::setValidTo);
        binder.forField(legal).bind(OfficerBean::isLegalQualification, OfficerBean::setLegalQualification);
        // Re-check valid-to when valid-from changes.
        validFrom.addValueChangeListener(e -> {
            if (validTo.getValue() != null) {
                binder.validate();
            }
        });
    }

    private void save() {
        fieldsByName.values().forEach(f -> f.setComponentError(null));
        OfficerBean bean = new OfficerBean();
        if (!binder.writeBeanIfValid(bean)) {
            binder.validate();
            return;
        }
        OfficerDraft draft = bean.toDraft(categoryOrder);
        Officer saved;
        try {
            saved = existing == null
                    ? personnel.create(draft, actor)
                    : personnel.update(existing.id(), draft, existing.version(), actor);
        } catch (ZhifaException e) {
            String message = m.error(e);
            AbstractComponent field = e.field() == null ? null : fieldsByName.get(e.field());
            if (field != null) {
                field.setComponentError(new UserError(message));
                if (field instanceof com.vaadin.ui.Component.Focusable focusable) {
                    focusable.focus();
                }
            }
            Notifications.error(message);
            return;
        } catch (RuntimeException e) {
            LOG.error("saving officer failed", e);
            Notifications.error(m.get("error.unexpected"));
            return;
        }
        close();
        Notifications.info(m.get("officer.saved", saved.name()));
        onSaved.accept(saved);
    }
}
