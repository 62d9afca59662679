package org.zhifa.catalogue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.catalogue.internal.Fixture.ADMIN;
import static org.zhifa.catalogue.internal.Fixture.LEADER;
import static org.zhifa.catalogue.internal.Fixture.LEADER2;
import static org.zhifa.catalogue.internal.Fixture.OFFICER;
import static org.zhifa.catalogue.internal.Fixture.REVIEWER;
import static org.zhifa.catalogue.internal.Fixture.draft;
import static org.zhifa.catalogue.internal.Fixture.penaltyItem;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zhifa.api.catalogue.CatalogueDraft;
import org.zhifa.api.catalogue.CatalogueStatus;
import org.zhifa.api.catalogue.CatalogueType;
import org.zhifa.api.catalogue.CatalogueVersion;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.ItemDraft;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.record.RecordEntry;

class CatalogueServiceTest {
    private final Fixture f = new Fixture("2026-03-02");

    @AfterEach
    void close() {
        f.close();
    }

    private static ZhifaException refused(String code, org.junit.jupiter.api.function.Executable e) {
        ZhifaException x = assertThrows(ZhifaException.class, e);
        assertEquals(code, x.code(), x.getMessage());
        assertTrue(!x.messageZh().equals(code) && !x.messageEn().equals(code), "texts of " + code);
        return x;
    }

    private CatalogueVersion published(Fixture fx, String from, String name) {
        CatalogueVersion v = fx.service.createDraft(CatalogueType.ITEMS, draft(from, penaltyItem(name)), OFFICER);
        fx.service.submit(v.id(), OFFICER);
        fx.service.review(v.id(), true, "同意", REVIEWER);
        return fx.service.publish(v.id(), LEADER);
    }

    private List<String> entryTypes() {
        return f.log.all().stream().map(RecordEntry::entryType).toList();
    }

    @Test
    void aDraftIsReviewedByAnotherAndPublishedWithEveryStepRecorded() {
        CatalogueVersion v = f.service.createDraft(CatalogueType.ITEMS, draft("2026-03-01", penaltyItem("非法占地处罚")),
                OFFICER);
        assertEquals(CatalogueStatus.DRAFT, v.status());
        assertEquals(1, v.number());
        assertEquals(1, v.items().get(0).no());
        v = f.service.revise(v.id(), draft("2026-03-01", penaltyItem("非法占地处罚"), penaltyItem("非法转让土地处罚")),
                1, OFFICER);
        assertEquals(2, v.revision());
        refused("CATALOGUE_STALE", () -> f.service.revise(f.service.versions(null, OFFICER).get(0).id(),
                draft("2026-03-01", penaltyItem("x")), 1, OFFICER));
        f.service.submit(v.id(), OFFICER);
        long id = v.id();
        refused("FORBIDDEN_ROLE", () -> f.service.review(id, true, null, OFFICER));
        refused("CATALOGUE_NOT_REVIEWED", () -> f.service.publish(id, LEADER));
        refused("CATALOGUE_OPINION_REQUIRED", () -> f.service.review(id, false, " ", REVIEWER));
        v = f.service.review(id, true, "依据准确", REVIEWER);
        assertEquals(CatalogueStatus.REVIEWED, v.status());
        assertEquals("qian", v.reviewedBy());
        refused("FORBIDDEN_ROLE", () -> f.service.publish(id, REVIEWER));
        v = f.service.publish(id, LEADER);
        assertEquals(CatalogueStatus.PUBLISHED, v.status());
        assertTrue(v.inForce());
        assertNull(v.disclosureItemId(), "no disclosure installed: not yet on the public channels");
        assertEquals(id, f.service.inForce(CatalogueType.ITEMS, null, OFFICER).orElseThrow().id());
        assertEquals(List.of("catalogue.drafted", "catalogue.revised", "catalogue.submitted", "catalogue.reviewed",
                "catalogue.published"), entryTypes());
        assertTrue(f.log.all().stream().allMatch(e -> e.objectType().equals("catalogue") && e.objectId().equals("ITEMS:1")));
    }

    @Test
    void theDrafterNeverReviewsTheirOwnAndAReturnedDraftComesBack() {
        CatalogueVersion v = f.service.createDraft(CatalogueType.ITEMS, draft("2026-03-01", penaltyItem("甲")), LEADER);
        f.service.submit(v.id(), LEADER);
        refused("CATALOGUE_OWN_REVIEW", () -> f.service.review(v.id(), true, null, LEADER));
        CatalogueVersion returned = f.service.review(v.id(), false, "依据条款缺失", LEADER2);
        assertEquals(CatalogueStatus.RETURNED, returned.status());
        assertEquals("依据条款缺失", returned.reviewOpinion());
        // a reviser becomes an author: the second leader revised it, so only someone else may review it now
        f.service.revise(v.id(), draft("2026-03-01", penaltyItem("甲（修改）")), -1, LEADER2);
        f.service.submit(v.id(), LEADER2);
        refused("CATALOGUE_OWN_REVIEW", () -> f.service.review(v.id(), true, null, LEADER2));
        assertEquals(CatalogueStatus.REVIEWED, f.service.review(v.id(), true, null, REVIEWER).status());
    }

    @Test
    void aPublishedVersionIsNeverEditedAndACorrectionIsANewVersion() throws SQLException {
        CatalogueVersion v = published(f, "2026-03-01", "非法占地处罚");
        ZhifaException e0 = refused("CATALOGUE_NOT_EDITABLE", () -> f.service.revise(v.id(),
                draft("2026-03-01", penaltyItem("改")), -1, OFFICER));
        assertTrue(e0.messageZh().contains("ITEMS:1 为“已发布”"), e0.messageZh());
        assertTrue(e0.messageEn().contains("ITEMS:1 is Published"), e0.messageEn());
        refused("CATALOGUE_NOT_SUBMITTABLE", () -> f.service.submit(v.id(), OFFICER));
        refused("CATALOGUE_REQUEST_REQUIRED", () -> f.service.correct(v.id(), "", null, LEADER));
        // behind the service's back the database refuses too
        try (Connection c = f.db.connect(); Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate(
                    "UPDATE CAT_REVISION SET NOTE = 'x' WHERE VERSION_ID = " + v.id()));
            assertEquals("23513", e.getSQLState());
            e = assertThrows(SQLException.class, () -> st.executeUpdate("INSERT INTO CAT_REVISION (VERSION_ID, REVISION,"
                    + " EFFECTIVE_FROM, ITEMS, HASH, ACTOR, AT_TIME) VALUES (" + v.id() + ", 9, DATE('2026-03-01'),"
                    + " '[]', 'h', 'x', CURRENT_TIMESTAMP)"));
            assertEquals("23513", e.getSQLState());
            e = assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM CAT_EVENT"));
            assertEquals("23513", e.getSQLState());
        }
        CatalogueVersion c = f.service.correct(v.id(), "张某来电：第1项依据条款有误", null, LEADER);
        assertEquals(CatalogueStatus.DRAFT, c.status());
        assertEquals(2, c.number());
        assertEquals(v.id(), c.correctionOf());
        assertEquals("张某来电：第1项依据条款有误", c.correctionRequest());
        assertEquals(v.items(), c.items());
        CatalogueVersion old = f.service.version(v.id(), OFFICER).orElseThrow();
        assertEquals(CatalogueStatus.PUBLISHED, old.status());
        assertEquals(v.items(), old.items());
        assertTrue(old.events().stream().anyMatch(e -> e.type().equals("correction")
                && e.note().equals("张某来电：第1项依据条款有误")));
        assertTrue(entryTypes().contains("catalogue.correction.requested"));
    }

    @Test
    void badInputIsRefusedAndWritesNothing() {
        refused("CATALOGUE_ITEMS_EMPTY", () -> f.service.createDraft(CatalogueType.ITEMS, draft("2026-03-01"), OFFICER));
        refused("CATALOGUE_FIELD_REQUIRED", () -> f.service.createDraft(CatalogueType.ITEMS,
                draft("2026-03-01", Fixture.item("name", "缺主体")), OFFICER));
        refused("CATALOGUE_FIELD_UNKNOWN", () -> f.service.createDraft(CatalogueType.INSPECTIONS,
                draft("2026-03-01", penaltyItem("事项清单的字段")), OFFICER));
        refused("FIELD_REQUIRED", () -> f.service.createDraft(CatalogueType.ITEMS,
                new CatalogueDraft(null, List.of(penaltyItem("x")), null), OFFICER));
        refused("FORBIDDEN_ROLE", () -> f.service.createDraft(CatalogueType.ITEMS, draft("2026-03-01", penaltyItem("x")),
                REVIEWER));
        refused("CATALOGUE_GENERATED", () -> f.service.createDraft(CatalogueType.PERSONNEL,
                draft("2026-03-01", Fixture.item("name", "张三", "unit", "u", "certificateNo", "1")), ADMIN));
        refused("CATALOGUE_NOT_FOUND", () -> f.service.submit(99, OFFICER));
        f.log.failNext = new IllegalStateException("the record is down");
        assertThrows(IllegalStateException.class, () -> f.service.createDraft(CatalogueType.ITEMS,
                draft("2026-03-01", penaltyItem("x")), OFFICER));
        assertEquals(0, f.db.count("SELECT COUNT(*) FROM CAT_VERSION"));
        assertEquals(0, f.db.count("SELECT COUNT(*) FROM CAT_REVISION"));
        assertEquals(0, f.log.all().size());
    }

    @Test
    void thePersonnelListComesFromTheRegister() {
        CatalogueVersion v = f.service.createDraft(CatalogueType.PERSONNEL, draft("2026-03-01"), ADMIN);
        assertEquals(List.of("李明", "王建国"), v.items().stream().map(i -> i.value("name")).toList());
        assertEquals("43042120240002", v.items().get(0).value("certificateNo"));
        assertEquals("土地管理、矿产资源", v.items().get(0).value("categories"));
    }

    @Test
    void theLatestEffectiveVersionIsInForce() {
        CatalogueVersion first = published(f, "2026-01-01", "旧");
        CatalogueVersion later = published(f, "2026-04-01", "新");
        assertEquals(first.id(), f.service.inForce(CatalogueType.ITEMS, null, OFFICER).orElseThrow().id());
        assertEquals(later.id(), f.service.inForce(CatalogueType.ITEMS, LocalDate.parse("2026-04-01"), OFFICER)
                .orElseThrow().id());
        CatalogueVersion early = f.service.createDraft(CatalogueType.ITEMS, draft("2026-02-01", penaltyItem("x")), OFFICER);
        f.service.submit(early.id(), OFFICER);
        f.service.review(early.id(), true, null, REVIEWER);
        refused("CATALOGUE_DATE", () -> f.service.publish(early.id(), LEADER));
    }

    @Test
    void theNationalDefaultIsSeededAsDraftsOnce() {
        f.service.seed(Fixture.defaultFile());
        f.service.seed(Fixture.defaultFile());
        List<CatalogueVersion> all = f.service.versions(null, OFFICER);
        assertEquals(3, all.size());
        assertTrue(all.stream().allMatch(v -> v.status() == CatalogueStatus.DRAFT && v.createdBy().equals("zhifa-catalogue")));
        CatalogueVersion guides = f.service.versions(CatalogueType.GUIDES, OFFICER).get(0);
        assertTrue(guides.items().stream().anyMatch(i -> i.value("name").equals("建设用地规划许可证核发")));
        assertEquals(Fixture.BUREAU_NAME, guides.items().get(0).value("approvingBody"));
        CatalogueVersion items = f.service.versions(CatalogueType.ITEMS, OFFICER).get(0);
        assertTrue(items.items().stream().anyMatch(i -> i.value("basis").contains("土地管理法》第七十七条")));
        assertTrue(items.items().stream().anyMatch(i -> i.value("basis").contains("城乡规划法》第六十四条")));
        // any staff but the system may review a seeded draft
        f.service.submit(items.id(), OFFICER);
        assertEquals(CatalogueStatus.REVIEWED, f.service.review(items.id(), true, null, REVIEWER).status());
    }

    @Test
    void aPublishedVersionReachesDisclosureNowOrWhenItAppears() throws InterruptedException {
        CatalogueVersion before = published(f, "2026-03-01", "非法占地处罚");
        assertNull(before.disclosureItemId());
        Disclosure d = new Disclosure();
        f.service.bindDisclosure(d); // catches up off the binding thread
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (f.service.version(before.id(), OFFICER).orElseThrow().disclosureItemId() == null
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertEquals(1L, f.service.version(before.id(), OFFICER).orElseThrow().disclosureItemId());
        ItemDraft sent = d.created.get(0);
        assertEquals(org.zhifa.api.disclosure.ItemType.CATALOGUE, sent.type());
        assertEquals("行政执法事项清单（第1版）", sent.title());
        assertEquals(List.of("items-v1.pdf", "items-v1.xlsx", "flowchart-penalty.svg", "flowchart-penalty.png"),
                sent.attachments().stream().map(a -> a.name()).toList());
        assertEquals(List.of(1L), d.approved);
        assertTrue(entryTypes().contains("catalogue.disclosed"));

        CatalogueVersion now = published(f, "2026-03-02", "非法转让土地处罚");
        assertNotNull(now.disclosureItemId(), "handed over at once while disclosure is present");
        assertEquals(2, d.created.size());
    }

    /** Stands in for the disclosure bundle (built by another team): remembers what it was given. */
    static final class Disclosure implements DisclosureService {
        final List<ItemDraft> created = new CopyOnWriteArrayList<>();
        final List<Long> approved = new CopyOnWriteArrayList<>();

        private DisclosureItem item(long id, ItemDraft d) {
            return new DisclosureItem(id, "p" + id, d.type(), null, null, null, null, d.title(), null, false, false,
                    d.decidedOn(), d.decidedOn(), ItemStatus.values()[0], 1, d.text(), List.of(), List.of(), false,
                    "x", Instant.now(), null, null, null, null, null, null, null, null, false, false);
        }

        @Override
        public DisclosureItem create(ItemDraft draft, org.zhifa.api.common.Actor actor) {
            created.add(draft);
            return item(created.size(), draft);
        }

        @Override
        public DisclosureItem approve(long id, List<String> extraMasks, org.zhifa.api.common.Actor actor) {
            approved.add(id);
            return item(id, created.get((int) id - 1));
        }

        @Override public org.zhifa.api.common.Page<DisclosureItem> items(org.zhifa.api.disclosure.ItemQuery q, org.zhifa.api.common.Actor a) { throw new UnsupportedOperationException(); }
        @Override public java.util.Optional<DisclosureItem> item(long id, org.zhifa.api.common.Actor a) { throw new UnsupportedOperationException(); }
        @Override public org.zhifa.api.disclosure.Redaction preview(long id, List<String> m, org.zhifa.api.common.Actor a) { throw new UnsupportedOperationException(); }
        @Override public DisclosureItem correct(long id, String t, String r, org.zhifa.api.common.Actor a) { throw new UnsupportedOperationException(); }
        @Override public DisclosureItem requestWithdrawal(long id, org.zhifa.api.disclosure.WithdrawalGround g, String r, org.zhifa.api.common.Actor a) { throw new UnsupportedOperationException(); }
        @Override public DisclosureItem withdraw(long id, org.zhifa.api.disclosure.WithdrawalGround g, String r, org.zhifa.api.common.Actor a) { throw new UnsupportedOperationException(); }
        @Override public int expire(org.zhifa.api.common.Actor a) { throw new UnsupportedOperationException(); }
        @Override public org.zhifa.api.disclosure.PublicItem publicForm(long id, org.zhifa.api.common.Actor a) { throw new UnsupportedOperationException(); }
        @Override public org.zhifa.api.common.Page<org.zhifa.api.disclosure.OutboxEntry> outbox(org.zhifa.api.disclosure.OutboxState s, String c, int o, int l, org.zhifa.api.common.Actor a) { throw new UnsupportedOperationException(); }
        @Override public org.zhifa.api.disclosure.OutboxEntry retry(long id, org.zhifa.api.common.Actor a) { throw new UnsupportedOperationException(); }
        @Override public List<org.zhifa.api.disclosure.ChannelStatus> channels(org.zhifa.api.common.Actor a) { throw new UnsupportedOperationException(); }
    }
}
