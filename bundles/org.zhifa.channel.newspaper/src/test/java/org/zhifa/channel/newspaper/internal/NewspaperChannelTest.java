package org.zhifa.channel.newspaper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.WithdrawalGround;

/** Deliveries are kept insert-only and idempotently; an edition prints what a period brought, and nothing else. */
class NewspaperChannelTest {

    @Test
    void deliveriesAreIdempotentAndInsertOnly() throws Exception {
        Fixture f = new Fixture();
        PublicItem n = Fixture.item("notice-0001", 1, ItemType.NOTICE, "关于某地块的公告", "正文", "2026-03-02");
        assertEquals(DeliveryResult.State.DONE, f.publish(n).state());
        assertEquals(DeliveryResult.State.DONE, f.publish(n).state());
        PublicItem gone = Fixture.withdrawal(n, "2026-03-05", WithdrawalGround.OTHER, "误发");
        assertEquals(DeliveryResult.State.DONE, f.withdraw(gone).state());
        assertEquals(DeliveryResult.State.DONE, f.withdraw(gone).state());
        assertEquals(1, count(f, "NP_VERSION"));
        assertEquals(1, count(f, "NP_WITHDRAWAL"));
    }

    @Test
    void anItemWithoutIdOrTitleFailsWithAMessageInBothLanguages() throws Exception {
        Fixture f = new Fixture();
        DeliveryResult r = f.publish(Fixture.item("../etc", 1, ItemType.NOTICE, "t", "x", "2026-03-02"));
        assertEquals(DeliveryResult.State.FAILED, r.state());
        assertTrue(r.message().contains("报纸通道无法刊登") && r.message().contains("cannot print"), r.message());
        r = f.publish(Fixture.item("notice-0002", 1, ItemType.NOTICE, " ", "x", "2026-03-02"));
        assertEquals(DeliveryResult.State.FAILED, r.state());
        assertEquals(0, count(f, "NP_VERSION"));
    }

    @Test
    void anEditionPrintsNewItemsCorrectionsAndWithdrawalsOfItsPeriod() throws Exception {
        Fixture f = new Fixture();
        PublicItem old = Fixture.item("notice-old1", 1, ItemType.NOTICE, "二月的公告", "二月正文", "2026-02-10");
        PublicItem corrected = Fixture.item("notice-cor1", 1, ItemType.NOTICE, "二月另一公告", "原文", "2026-02-11");
        PublicItem decision = Fixture.item("decision-01", 1, ItemType.DECISION, "行政处罚决定书摘要", "决定正文", "2026-03-03");
        PublicItem notice = Fixture.item("notice-new1", 1, ItemType.NOTICE, "三月的公告", "三月正文", "2026-03-04");
        PublicItem catalogue = Fixture.item("catalog-001", 1, ItemType.CATALOGUE, "行政执法事项清单", "清单", "2026-03-05");
        PublicItem shortLived = Fixture.item("notice-brief", 1, ItemType.NOTICE, "当月撤下的公告", "撤下", "2026-03-06");
        for (PublicItem p : List.of(old, corrected, decision, notice, catalogue, shortLived)) {
            assertEquals(DeliveryResult.State.DONE, f.publish(p).state());
        }
        f.publish(Fixture.item("notice-cor1", 2, ItemType.NOTICE, "二月另一公告", "更正后的文", "2026-03-08"));
        f.withdraw(Fixture.withdrawal(old, "2026-03-09", WithdrawalGround.REVOKED, "原公告依据的决定已撤销"));
        f.withdraw(Fixture.withdrawal(shortLived, "2026-03-07", WithdrawalGround.OTHER, "误发"));

        Edition march = f.edition("2026-03-01", "2026-03-31");
        assertEquals(List.of("notice-new1:NEW", "decision-01:NEW", "notice-cor1:CORRECTION", "notice-old1:WITHDRAWAL"),
                march.entries().stream().map(e -> e.publicId() + ":" + e.kind()).toList());
        assertEquals("更正后的文", march.entries().get(2).text());
        assertEquals("原公告依据的决定已撤销", march.entries().get(3).reason());
        assertEquals("衡阳县自然资源局行政执法公告（2026年3月1日至2026年3月31日）", march.title());

        Edition february = f.edition("2026-02-01", "2026-02-28");
        assertEquals(List.of("notice-old1:NEW", "notice-cor1:NEW"),
                february.entries().stream().map(e -> e.publicId() + ":" + e.kind()).toList());
        assertEquals("原文", february.entries().get(1).text(), "an earlier edition prints the version of its time");

        Edition withCatalogues = f.channel.edition(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-31"),
                Set.of(ItemType.CATALOGUE), Fixture.OFFICER);
        assertEquals(List.of("catalog-001"), withCatalogues.entries().stream().map(Entry::publicId).toList());
        assertTrue(f.edition("2026-04-01", "2026-04-30").entries().isEmpty());
    }

    @Test
    void badPeriodsTypesAndUsersAreRefused() throws Exception {
        Fixture f = new Fixture(Map.of("maxDays", 31));
        assertEquals("NEWSPAPER_PERIOD_INVALID", assertThrows(ZhifaException.class, () -> f.channel.period("2026-3-1", "2026-03-31")).code());
        assertEquals("NEWSPAPER_PERIOD_INVALID", assertThrows(ZhifaException.class, () -> f.channel.period("2026-03-31", "2026-03-01")).code());
        assertEquals("NEWSPAPER_PERIOD_INVALID", assertThrows(ZhifaException.class, () -> f.channel.period(null, "2026-03-01")).code());
        assertEquals("NEWSPAPER_PERIOD_TOO_LONG", assertThrows(ZhifaException.class, () -> f.channel.period("2026-01-01", "2026-03-01")).code());
        assertEquals(2, f.channel.period("2026-03-01", "2026-03-31").length);
        assertEquals("NEWSPAPER_TYPES_INVALID", assertThrows(ZhifaException.class, () -> f.channel.types("NOTICE,RUMOUR")).code());
        assertEquals(Set.of(ItemType.NOTICE, ItemType.DECISION), f.channel.types(""));
        assertEquals("NEWSPAPER_FORMAT_INVALID", assertThrows(ZhifaException.class, () -> NewspaperChannel.Format.parse("exe")).code());
        ZhifaException e = assertThrows(ZhifaException.class, () -> f.channel.edition(LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"), Set.of(ItemType.NOTICE), new Actor("someone", Set.of("viewer"))));
        assertEquals(ZhifaException.Kind.FORBIDDEN, e.kind());
        ZhifaException mail = assertThrows(ZhifaException.class, () -> f.channel.render(f.edition("2026-03-01", "2026-03-31"),
                NewspaperChannel.Format.EML));
        assertEquals("NEWSPAPER_ADDRESS_MISSING", mail.code());
        assertTrue(mail.messageZh().contains("newspaper.address"), mail.messageZh());
        Fixture injected = new Fixture(Map.of("newspaper_address", "desk@paper.example\r\nBcc: all@example.com",
                "from_address", "gongshi@bureau.example"));
        assertEquals("NEWSPAPER_ADDRESS_MISSING", assertThrows(ZhifaException.class,
                () -> injected.channel.render(injected.edition("2026-03-01", "2026-03-31"), NewspaperChannel.Format.EML)).code());
    }

    private static int count(Fixture f, String table) throws Exception {
        try (Connection c = f.ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
