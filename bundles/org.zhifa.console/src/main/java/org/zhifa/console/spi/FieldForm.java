package org.zhifa.console.spi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.zhifa.api.kind.FieldDef;
import org.zhifa.console.internal.Messages;

import com.vaadin.data.HasValue;
import com.vaadin.server.UserError;
import com.vaadin.shared.ui.datefield.DateTimeResolution;
import com.vaadin.ui.AbstractComponent;
import com.vaadin.ui.CheckBox;
import com.vaadin.ui.ComboBox;
import com.vaadin.ui.Component;
import com.vaadin.ui.DateField;
import com.vaadin.ui.DateTimeField;
import com.vaadin.ui.FormLayout;
import com.vaadin.ui.TextArea;
import com.vaadin.ui.TextField;

/**
 * A form generated from a kind's {@link FieldDef}s: the way kind bundles contribute their forms, used by the
 * case page and by plug-ins that ask for a transition's fields (e.g. the legal review's decision draft).
 * Values go to the engine as text in its canonical forms; what the console can check (required, money,
 * integers, dates) it checks before, marking the field, and the engine remains the judge.
 *
 * @since 1.3
 */
public final class FieldForm {

    static final String MONEY = "\\d{1,12}(\\.\\d{1,2})?";
    static final String INTEGER = "-?\\d{1,18}";

    private final Messages m;
    private final String idPrefix;
    private final Map<String, FieldDef> defs = new LinkedHashMap<>();
    private final Map<String, AbstractComponent> inputs = new LinkedHashMap<>();

    /**
     * @param locale   the language of the captions and messages (anything but English is Chinese)
     * @param idPrefix each input's component id is this followed by the field's name, e.g. {@code field-}
     */
    public FieldForm(List<FieldDef> fields, Locale locale, String idPrefix) {
        this.m = Messages.of(locale);
        this.idPrefix = idPrefix;
        for (FieldDef d : fields) {
            defs.put(d.name(), d);
            inputs.put(d.name(), input(d));
        }
    }

    /** Runs {@code changed} whenever the user changes any input. */
    public void onChange(Runnable changed) {
        inputs.values().forEach(c -> {
            if (c instanceof HasValue<?> h) {
                h.addValueChangeListener(e -> changed.run());
            }
        });
    }

    /** The inputs in declaration order, to put into a form layout. */
    public void addTo(FormLayout form) {
        inputs.values().forEach(form::addComponent);
    }

    public boolean isEmpty() {
        return defs.isEmpty();
    }

    public Optional<AbstractComponent> input(String name) {
        return Optional.ofNullable(inputs.get(name));
    }

    private AbstractComponent input(FieldDef d) {
        String caption = d.label(m.locale());
        AbstractComponent c = switch (d.type()) {
            case TEXT -> {
                TextField t = new TextField();
                t.setWidth("100%");
                t.setMaxLength(500);
                yield t;
            }
            case LONGTEXT -> {
                TextArea t = new TextArea();
                t.setWidth("100%");
                t.setRows(3);
                t.setMaxLength(10_000);
                yield t;
            }
            case MONEY -> {
                TextField t = new TextField();
                t.setPlaceholder(m.get("field.money.placeholder"));
                // kinds often say the unit themselves (罚款金额（元）)
                if (!caption.contains("元") && !caption.toLowerCase(java.util.Locale.ROOT).contains("yuan")) {
                    caption = m.get("field.money.caption", caption);
                }
                yield t;
            }
            case INTEGER -> new TextField();
            case DATE -> {
                DateField f = new DateField();
                f.setDateFormat("yyyy-MM-dd");
                f.setPlaceholder("yyyy-MM-dd");
                f.setLenient(false);
                f.setParseErrorMessage(m.get("validation.date"));
                yield f;
            }
            case DATETIME -> {
                DateTimeField f = new DateTimeField();
                f.setResolution(DateTimeResolution.MINUTE);
                f.setDateFormat("yyyy-MM-dd HH:mm");
                f.setPlaceholder("yyyy-MM-dd HH:mm");
                f.setLenient(false);
                f.setParseErrorMessage(m.get("validation.datetime"));
                yield f;
            }
            case BOOLEAN -> new CheckBox();
            case CHOICE -> {
                ComboBox<String> box = new ComboBox<>();
                box.setItems(d.options());
                box.setPageLength(0);
                box.setEmptySelectionAllowed(!d.required());
                box.setWidth("100%");
                yield box;
            }
        };
        c.setId(idPrefix + d.name());
        c.setCaption(caption);
        if (d.required() && c instanceof HasValue<?> f && !(c instanceof CheckBox)) {
            f.setRequiredIndicatorVisible(true);
        }
        return c;
    }

    /**
     * Puts values (in the engine's canonical text forms, as {@link #values()} gives them) into the inputs:
     * names this form lacks and values an input cannot show are left out.
     */
    @SuppressWarnings("unchecked")
    public void fill(Map<String, String> values) {
        values.forEach((name, v) -> {
            AbstractComponent c = inputs.get(name);
            if (c == null || v == null) {
                return;
            }
            try {
                if (c instanceof CheckBox b) {
                    b.setValue(Boolean.parseBoolean(v));
                } else if (c instanceof DateField f) {
                    f.setValue(LocalDate.parse(v));
                } else if (c instanceof DateTimeField f) {
                    f.setValue(LocalDateTime.parse(v));
                } else if (c instanceof ComboBox<?> box) {
                    if (defs.get(name).options().contains(v)) {
                        ((ComboBox<String>) box).setValue(v);
                    }
                } else if (c instanceof HasValue<?> f) {
                    ((HasValue<String>) f).setValue(v);
                }
            } catch (java.time.format.DateTimeParseException e) {
                // not a value this input can show: left empty for the user to fill
            }
        });
    }

    /** Clears every mark; checks what the console can; marks and returns the first field at fault. */
    public Optional<String> validate() {
        clearErrors();
        String first = null;
        for (FieldDef d : defs.values()) {
            String problem = problem(d);
            if (problem != null) {
                inputs.get(d.name()).setComponentError(new UserError(problem));
                if (first == null) {
                    first = d.label(m.locale()) + m.get("label.separator") + problem;
                }
            }
        }
        return Optional.ofNullable(first);
    }

    private String problem(FieldDef d) {
        AbstractComponent c = inputs.get(d.name());
        String v = raw(c);
        if (v == null || v.isBlank()) {
            // a date field with text it cannot parse has no value but is not empty
            if (c instanceof DateField f && !f.isEmpty()) {
                return m.get("validation.date");
            }
            if (c instanceof DateTimeField f && !f.isEmpty()) {
                return m.get("validation.datetime");
            }
            return d.required() && d.type() != FieldDef.Type.BOOLEAN ? m.get("validation.required") : null;
        }
        return switch (d.type()) {
            case MONEY -> v.strip().matches(MONEY) ? null : m.get("validation.money");
            case INTEGER -> v.strip().matches(INTEGER) ? null : m.get("validation.integer");
            default -> null;
        };
    }

    /**
     * The values to submit: blank optional fields left out; check boxes always sent (true/false); a
     * well-formed amount in its plain form (malformed ones as typed, for the engine to refuse).
     */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        for (FieldDef d : defs.values()) {
            String v = raw(inputs.get(d.name()));
            if (v != null && !v.isBlank()) {
                out.put(d.name(), d.type() == FieldDef.Type.MONEY && v.strip().matches(MONEY)
                        ? new BigDecimal(v.strip()).toPlainString() : v.strip());
            }
        }
        return out;
    }

    private static String raw(Component c) {
        if (c instanceof CheckBox b) {
            return Boolean.toString(Boolean.TRUE.equals(b.getValue()));
        }
        if (c instanceof DateField f) {
            LocalDate d = f.getValue();
            return d == null ? null : d.toString();
        }
        if (c instanceof DateTimeField f) {
            LocalDateTime d = f.getValue();
            return d == null ? null : d.withSecond(0).withNano(0).toString();
        }
        if (c instanceof HasValue<?> f) {
            Object v = f.getValue();
            return v == null ? null : v.toString();
        }
        return null;
    }

    /** Marks the field a refusal names; false when the name is none of this form's fields. */
    public boolean mark(String name, String message) {
        AbstractComponent c = name == null ? null : inputs.get(name);
        if (c == null) {
            return false;
        }
        c.setComponentError(new UserError(message));
        focus(c);
        return true;
    }

    public static void focus(Component c) {
        if (c instanceof Component.Focusable f) {
            f.focus();
        }
    }

    public void clearErrors() {
        inputs.values().forEach(c -> c.setComponentError(null));
    }
}
