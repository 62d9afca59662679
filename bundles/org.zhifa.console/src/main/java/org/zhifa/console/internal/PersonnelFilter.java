package org.zhifa.console.internal;

import java.util.List;

import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.OfficerQuery;

import com.vaadin.shared.data.sort.SortDirection;
import com.vaadin.data.provider.QuerySortOrder;

/** What the filter bar of the personnel view asks for; maps a grid request to an {@link OfficerQuery}. */
record PersonnelFilter(String text, String unit, String category, CertificateStatus status, Boolean active) {

    static final PersonnelFilter NONE = new PersonnelFilter(null, null, null, null, null);
    static final String DEFAULT_SORT = "id";

    PersonnelFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        unit = unit == null || unit.isBlank() ? null : unit;
        category = category == null || category.isBlank() ? null : category;
    }

    /** A query for rows [offset, offset+limit) sorted by the first sort order the service knows. */
    OfficerQuery toQuery(List<QuerySortOrder> sortOrders, int offset, int limit) {
        String sort = DEFAULT_SORT;
        boolean ascending = true;
        for (QuerySortOrder order : sortOrders) {
            if (OfficerQuery.SORT_FIELDS.contains(order.getSorted())) {
                sort = order.getSorted();
                ascending = order.getDirection() != SortDirection.DESCENDING;
                break;
            }
        }
        return new OfficerQuery(text, unit, category, status, active, sort, ascending, offset, limit);
    }
}
