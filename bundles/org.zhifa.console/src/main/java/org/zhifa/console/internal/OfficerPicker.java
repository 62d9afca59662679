package org.zhifa.console.internal;

import java.util.List;
import java.util.function.Supplier;

import org.zhifa.api.common.Actor;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;

import com.vaadin.ui.ComboBox;

/** A combo box over the active register, searched as one types (never the whole register loaded). */
final class OfficerPicker {

    private OfficerPicker() {}

    /** {@code category} (may be null or give null) limits the choice to officers holding that category. */
    static ComboBox<Officer> comboBox(PersonnelService personnel, Actor actor, Messages m, Supplier<String> category) {
        ComboBox<Officer> box = new ComboBox<>();
        box.setDataProvider((String text, int offset, int limit) -> {
            OfficerQuery q = query(text, category, offset, Math.min(limit, OfficerQuery.MAX_LIMIT));
            return personnel.list(q, actor).items().stream();
        }, text -> (int) Math.min(Integer.MAX_VALUE, personnel.count(query(text, category, 0, 1), actor)));
        box.setItemCaptionGenerator(o -> caption(o, m));
        return box;
    }

    static String caption(Officer o, Messages m) {
        return m.get("officer.caption", o.name(), o.certificateNo(), o.validTo() == null ? "" : o.validTo().toString(),
                m.get("status." + o.status().name()));
    }

    private static OfficerQuery query(String text, Supplier<String> category, int offset, int limit) {
        String c = category == null ? null : category.get();
        return new OfficerQuery(text == null || text.isBlank() ? null : text.strip(), null, c, null, Boolean.TRUE,
                "name", true, offset, Math.max(1, limit));
    }

    static List<String> ids(List<Officer> officers) {
        return officers.stream().map(o -> Long.toString(o.id())).toList();
    }
}
