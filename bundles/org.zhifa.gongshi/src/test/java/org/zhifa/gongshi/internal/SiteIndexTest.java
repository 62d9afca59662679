package org.zhifa.gongshi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.zhifa.api.common.Page;
import org.zhifa.api.disclosure.ItemType;

/** The in-memory index: order, paging, filters, remembered searches forgotten on a change. */
class SiteIndexTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    private static SiteItem item(int n, String kind, String title, String party, LocalDate decided) {
        return new SiteItem(n, "id" + String.format("%06d", n), 1, ItemType.DECISION, kind, kind, title, "号" + n, party,
                decided, Instant.parse("2026-03-01T00:00:00Z").plusSeconds(n), null);
    }

    private static Search keyword(String k, int offset) {
        return new Search(ItemType.DECISION, null, null, null, Search.normalise(k), false, offset, 10);
    }

    @Test
    void pagesInDecisionOrderAndFollowsEveryChange() {
        SiteIndex index = new SiteIndex(0);
        for (int i = 1; i <= 25; i++) {
            index.put(item(i, i % 2 == 0 ? "license" : "penalty", "占用耕地案" + i, i % 5 == 0 ? "王某" : "某公司",
                    LocalDate.of(2026, 1, 1).plusDays(i)));
        }
        Page<SiteItem> first = index.search(keyword("耕地", 0), TODAY, null);
        assertEquals(25, first.total());
        assertEquals("id000025", first.items().get(0).publicId(), "newest decision first");
        Page<SiteItem> third = index.search(keyword("耕地", 20), TODAY, null);
        assertEquals(List.of("id000005", "id000004", "id000003", "id000002", "id000001"),
                third.items().stream().map(SiteItem::publicId).toList());
        assertEquals(5, index.search(keyword("王", 0), TODAY, null).total(), "one character");
        assertEquals(12, index.search(new Search(ItemType.DECISION, "license", null, null, null, false, 0, 10), TODAY, null).total());
        assertEquals(0, index.search(new Search(ItemType.DECISION, "levy", null, null, null, false, 0, 10), TODAY, null).total());
        assertEquals(3, index.search(new Search(ItemType.DECISION, null, LocalDate.of(2026, 1, 10),
                LocalDate.of(2026, 1, 12), null, false, 0, 10), TODAY, null).total());
        assertEquals(Map.of("license", "license", "penalty", "penalty"), index.kinds(ItemType.DECISION, TODAY));

        // the remembered search of "王" is forgotten once an item changes
        index.withdraw("id000005", 1);
        index.put(item(26, "penalty", "新案", "王五", LocalDate.of(2026, 2, 1)));
        Page<SiteItem> again = index.search(keyword("王", 0), TODAY, null);
        assertEquals(5, again.total());
        assertEquals("id000026", again.items().get(0).publicId());
        assertTrue(again.items().stream().noneMatch(i -> i.publicId().equals("id000005")));
        assertTrue(index.get("id000005", TODAY).isEmpty());
    }
}
