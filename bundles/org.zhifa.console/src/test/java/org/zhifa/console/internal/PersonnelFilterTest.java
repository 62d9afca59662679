package org.zhifa.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.OfficerQuery;

import com.vaadin.data.provider.QuerySortOrder;
import com.vaadin.shared.data.sort.SortDirection;

class PersonnelFilterTest {

    @Test
    void mapsFilterPageAndSort() {
        PersonnelFilter f = new PersonnelFilter("  张 ", "执法大队", "土地", CertificateStatus.EXPIRED, Boolean.TRUE);
        OfficerQuery q = f.toQuery(List.of(new QuerySortOrder("validTo", SortDirection.DESCENDING)), 100, 50);
        assertEquals(new OfficerQuery("张", "执法大队", "土地", CertificateStatus.EXPIRED, true, "validTo", false,
                100, 50), q);
    }

    @Test
    void blankFiltersMeanAny() {
        PersonnelFilter f = new PersonnelFilter(" ", "", null, null, null);
        assertNull(f.text());
        assertNull(f.unit());
        assertEquals(PersonnelFilter.NONE, f);
    }

    @Test
    void defaultSortAndUnknownSortFields() {
        OfficerQuery q = PersonnelFilter.NONE.toQuery(List.of(), 0, 40);
        assertEquals("id", q.sort());
        assertTrue(q.ascending());
        q = PersonnelFilter.NONE.toQuery(List.of(new QuerySortOrder("status", SortDirection.DESCENDING),
                new QuerySortOrder("name", SortDirection.DESCENDING)), 0, 40);
        assertEquals("name", q.sort());
        assertFalse(q.ascending());
    }

    @Test
    void everyGridSortPropertyIsKnownToTheService() {
        for (String column : List.of("name", "unit", "certificateNo", "area", "validTo")) {
            assertTrue(OfficerQuery.SORT_FIELDS.contains(column), column);
        }
    }
}
