package org.zhifa.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhifa.api.personnel.CertificateStatus;
import org.zhifa.api.personnel.OfficerDraft;

class OfficerBeanTest {

    @Test
    void roundTripsAnOfficer() {
        var officer = OfficerStylesTest.officer(CertificateStatus.VALID, true);
        assertEquals(officer.toDraft(), OfficerBean.of(officer).toDraft(List.of("土地", "矿产")));
    }

    @Test
    void categoriesInConfiguredOrderAndBlankOptionalsAsNull() {
        OfficerBean b = new OfficerBean();
        b.setName(" 李四 ");
        b.setCategories(new LinkedHashSet<>(List.of("测绘", "土地", "其他")));
        b.setPost("  ");
        OfficerDraft d = b.toDraft(List.of("土地", "矿产", "测绘"));
        assertEquals("李四", d.name());
        assertEquals(List.of("土地", "测绘", "其他"), d.categories());
        assertNull(d.post());
        assertNull(d.area());
    }
}
