package org.zhifa.legalreview.internal.console;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zhifa.api.kind.FieldDef;

import com.vaadin.data.HasValue;
import com.vaadin.server.UserError;
import com.vaadin.shared.ui.datefield.DateTimeResolution;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.DateField;
import com.vaadin.ui.DateTimeField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;

/**
 * The form of a decision transition, from its kind's {@link FieldDef}s: values go to the service as text in
 * the engine's canonical forms (the engine validates them when the draft is prepared). The case page's
 * form lives inside the console bundle and is not exported, hence this small one.
 */
final class DraftFields {

    private final Map<String, FieldDef> defs = new LinkedHashMap<>();
    private final Map<String, AbstractComponent> inputs = new LinkedHashMap<>();

    DraftFields(List<FieldDef> fields, Map<String, String> values, ConsoleTexts m, Runnable changed) {
        for (FieldDef d : fields) {
            AbstractComponent c = input(d, m);
            defs.put(d.name(), d);
            inputs.put(d.name(), c);
            String v = values.get(d.name());
            if (v != null) {
                set(c, v);
            }
            if (c instanceof HasValue<?> h) {
                h.addValueChangeListener(e -> changed.run());
            }
        }
    }

    void addTo(FormLayout form) {
        inputs.values().forEach(form::addComponent);
    }

    private static AbstractComponent input(FieldDef d, ConsoleTexts m) {
        AbstractComponent c = switch (d.type()) {
            case TEXT, INTEGER -> {
                TextField t = new TextField();
                t.setWidth("100%");
                yield t;
            }
            case MONEY -> {
                TextField t = new TextField();
                t.setPlaceholder(m.get("field.money.placeholder"));
                yield t;
            }
            case LONGTEXT -> {
                TextArea t = new TextArea();
                t.setWidth("100%");
                t.setRows(2);
                yield t;
            }
            case DATE -> {
                DateField f = new DateField();
                f.setDateFormat("yyyy-MM-dd");
                f.setPlaceholder("yyyy-MM-dd");
                f.setLenient(false);
                yield f;
            }
            case DATETIME -> {
                DateTimeField f = new DateTimeField();
                f.setResolution(DateTimeResolution.MINUTE);
                f.setDateFormat("yyyy-MM-dd HH:mm");
                f.setPlaceholder("yyyy-MM-dd HH:mm");
                yield f;
            }
            case BOOLEAN -> new CheckBox();
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                box.setItems(d.options());
                box.setPageLength(0);
                box.setWidth("100%");
                yield box;
            }
        };
        c.setId("lr-field-" + d.name());
        c.setCaption(d.label(m.locale()));
        if (d.required() && c instanceof HasValue<?> f && !(c instanceof CheckBox)) {
            f.setRequiredIndicatorVisible(true);
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    private static void set(AbstractComponent c, String v) {
        try {
            if (c instanceof CheckBox b) {
                b.setValue("true".equals(v));
            } else if (c instanceof DateField f) {
                f.setValue(LocalDate.parse(v));
            } else if (c instanceof DateTimeField f) {
                f.setValue(LocalDateTime.parse(v));
            } else if (c instanceof ComboBox<?> box) {
                ((ComboBox<String>) box).setValue(v);
            } else if (c instanceof TextField t) {
                t.setValue(v);
            } else if (c instanceof TextArea t) {
                t.setValue(v);
            }
        } catch (RuntimeException e) {
            // a stored value this form cannot show: the field stays empty, the engine judges again on save
        }
    }

    /** The values to send: blank fields left out, check boxes always sent. */
    Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        inputs.forEach((name, c) -> {
            String v = raw(c);
            if (v != null && !v.isBlank()) {
                out.put(name, v.strip());
            }
        });
        return out;
    }

    private static String raw(AbstractComponent c) {
        if (c instanceof CheckBox b) {
            return Boolean.toString(Boolean.TRUE.equals(b.getValue()));
        }
        if (c instanceof DateField f) {
            return f.getValue() == null ? null : f.getValue().toString();
        }
        if (c instanceof DateTimeField f) {
            return f.getValue() == null ? null : f.getValue().withSecond(0).withNano(0).toString();
        }
        if (c instanceof HasValue<?> f) {
            Object v = f.getValue();
            return v == null ? null : v.toString();
        }
        return null;
    }

    /** Marks the field a refusal names; false when it is none of this form's. */
    boolean mark(String name, String message) {
        inputs.values().forEach(c -> c.setComponentError(null));
        AbstractComponent c = name == null ? null : inputs.get(name);
        if (c == null) {
            return false;
        }
        c.setComponentError(new UserError(message));
        return true;
    }
}
