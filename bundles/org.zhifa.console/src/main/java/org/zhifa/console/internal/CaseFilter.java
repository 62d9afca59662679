package org.zhifa.console.internal;

import java.util.List;

import org.zhifa.api.cases.CaseQuery;
import org.zhifa.api.cases.CaseStatus;

import com.vaadin.data.provider.QuerySortOrder;
import com.vaadin.shared.data.sort.SortDirection;

/** What the filter bar of the case list asks for; maps a grid request to a {@link CaseQuery}. */
record CaseFilter(String text, String kind, String step, CaseStatus status, CaseQuery.Due due, Long officerId) {

    static final CaseFilter NONE = new CaseFilter(null, null, null, null, null, null);

    CaseFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        kind = kind == null || kind.isBlank() ? null : kind;
        step = step == null || step.isBlank() ? null : step;
    }

    /** Rows [offset, offset+limit), newest first unless the grid sorts by a column the service knows. */
    CaseQuery toQuery(List<QuerySortOrder> sortOrders, int dueWithin, int offset, int limit) {
        String sort = "id";
        boolean ascending = false;
        for (QuerySortOrder order : sortOrders) {
            if (CaseQuery.SORT_FIELDS.contains(order.getSorted())) {
                sort = order.getSorted();
                ascending = order.getDirection() != SortDirection.DESCENDING;
                break;
            }
        }
        return new CaseQuery(text, kind, step, status, null, officerId, due, dueWithin, sort, ascending, offset,
                limit);
    }
}
