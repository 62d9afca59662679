package org.zhifa.disclosure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.ItemDraft;
import org.zhifa.api.disclosure.ItemQuery;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.Redaction;
import org.zhifa.api.disclosure.WithdrawalGround;

/** Disclosure items on the real case engine and real Derby: deadlines, approval, minors, corrections, withdrawal, expiry. */
class DisclosureServiceTest {

    private static DisclosureItem only(Fixture f) {
        List<DisclosureItem> all = f.service.items(ItemQuery.all(0, 50), Fixture.OFFICER).items();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    @Test
    void aDecisionTheDayBeforeNationalDayIsDueSevenWorkingDaysAfterTheHoliday() {
        try (Fixture f = new Fixture("2026-09-30")) {
            CaseFile c = f.decided(Fixture.person("韩某某"), "6000");
            DisclosureItem i = only(f);
            assertEquals(ItemType.DECISION, i.type());
            assertEquals(c.id(), i.caseId());
            assertEquals(c.number(), i.caseNumber());
            assertEquals("penalty", i.kind());
            assertEquals("行政处罚", i.kindTitleZh());
            assertEquals(LocalDate.parse("2026-09-30"), i.decidedOn());
            // 10-01..10-07 off; 10-08, 10-09, 10-10 (调休 Saturday), 10-12, 10-13, 10-14, 10-15
            assertEquals(LocalDate.parse("2026-10-15"), i.dueOn());
            assertEquals(ItemStatus.PENDING, i.status());
            assertEquals(1, i.version());
            assertFalse(i.late());
            assertFalse(i.dueSoon());
            // the text reads as a 决定 summary from the kind's disclosed fields, with Chinese labels
            for (String s : List.of("案号：" + c.number(), "当事人：韩某某（自然人）", "执法类型：行政处罚", "案由：未经批准占用耕地建房",
                    "违法事实：当事人于 2026 年", "处罚种类：罚款", "罚款金额：6000.00 元", "决定日期：2026-09-30",
                    "执法人员：张执法（执法证号 43042120240001）、李执法", "作出决定的行政机关：衡阳县自然资源局")) {
                assertTrue(i.text().contains(s), s + " missing in:\n" + i.text());
            }
            assertFalse(i.text().contains("证人："), "the witness field is not disclosed by the rule");
            assertTrue(i.knownNames().contains("李秀英"), "a witness is a natural person to mask: " + i.knownNames());
            // the record holds the creation in the decision's transaction
            assertEquals(1, f.db.count("SELECT COUNT(*) FROM TEST_RECORD WHERE OBJECT_TYPE = 'disclosure'"
                    + " AND ENTRY_TYPE = 'disclosure.created'"));

            // due soon two working days before, late the day after
            f.moveTo("2026-10-13");
            assertTrue(only(f).dueSoon());
            assertEquals(1, f.service.items(new ItemQuery(null, null, null, "soon", null, 0, 10), Fixture.OFFICER).total());
            f.moveTo("2026-10-16");
            DisclosureItem late = only(f);
            assertTrue(late.late());
            assertFalse(late.dueSoon());
            assertEquals(1, f.service.items(new ItemQuery(null, null, null, "late", null, 0, 10), Fixture.OFFICER).total());
            assertEquals(0, f.service.items(new ItemQuery(null, null, null, "soon", null, 0, 10), Fixture.OFFICER).total());
        }
    }

    @Test
    void approvalPublishesTheRedactedFormWithItsPostingPeriod() throws Exception {
        try (Fixture f = new Fixture("2026-03-10")) {
            f.decided(Fixture.company("衡阳某某矿业有限公司", "周德明"), "200000");
            DisclosureItem i = only(f);
            assertTrue(i.knownNames().contains("周德明"), "the legal representative is masked");
            Redaction preview = f.service.preview(i.id(), List.of("西渡镇"), Fixture.REVIEWER);
            assertTrue(preview.original().contains("周德明") && !preview.redacted().contains("周德明"), preview.redacted());
            assertTrue(preview.redacted().contains("衡阳某某矿业有限公司"), "an organisation's name stays");
            assertTrue(preview.redacted().contains("张执法"), "officers stay");

            ZhifaException refused = assertThrows(ZhifaException.class, () -> f.service.approve(i.id(), List.of(), Fixture.OFFICER));
            assertEquals("FORBIDDEN_ROLE", refused.code());
            DisclosureItem p = f.service.approve(i.id(), List.of("耕地 300 平方米"), Fixture.LEADER);
            assertEquals(ItemStatus.PUBLISHED, p.status());
            assertEquals("zhao", p.approvedBy());
            assertNotNull(p.publishedAt());
            assertEquals(List.of("耕地 300 平方米"), p.extraMasks());
            assertEquals(LocalDate.parse("2027-03-10"), p.postUntil(), "posting.penalty.ordinary = 365 days");
            assertEquals("ITEM_NOT_PENDING", assertThrows(ZhifaException.class,
                    () -> f.service.approve(i.id(), List.of(), Fixture.LEADER)).code());

            PublicItem pub = f.service.publicForm(i.id(), Fixture.OFFICER);
            assertEquals(p.publicId(), pub.publicId());
            assertEquals(32, pub.publicId().length());
            assertFalse(pub.text().contains("周德明"), pub.text());
            assertFalse(pub.text().contains("耕地 300 平方米"), pub.text());
            assertFalse(pub.text().contains("李秀英"), pub.text());
            assertTrue(pub.text().contains("200000.00 元"), pub.text());
            String pdf;
            try (PDDocument doc = Loader.loadPDF(pub.pdf())) {
                pdf = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            }
            assertTrue(pdf.contains("衡阳某某矿业有限公司") && pdf.contains("200000.00元"), pdf);
            assertFalse(pdf.contains("周德明") || pdf.contains("李秀英"), pdf);
            assertEquals(1, f.db.count("SELECT COUNT(*) FROM TEST_RECORD WHERE ENTRY_TYPE = 'disclosure.published'"));
        }
    }

    @Test
    void aMajorPenaltyIsPostedLonger() {
        try (Fixture f = new Fixture("2026-03-10")) {
            CaseFile c = f.cases.file(new org.zhifa.api.cases.CaseDraft("penalty", "土地管理", "重大案", Fixture.person("甲某某"),
                    List.of(1L, 2L), false, Map.of("cause", "非法采矿")), Fixture.OFFICER);
            f.cases.transition(c.id(), "investigate", Map.of(), null, -1, Fixture.OFFICER);
            f.cases.transition(c.id(), "decide", Map.of("penaltyType", "罚款", "fineAmount", "50000", "major", "true"),
                    null, -1, Fixture.LEADER);
            DisclosureItem i = only(f);
            assertTrue(i.major());
            assertEquals(LocalDate.parse("2029-03-09"), f.service.approve(i.id(), List.of(), Fixture.ADMIN).postUntil());
        }
    }

    @Test
    void aMinorPartysItemIsWithheldAtOnceAndNeverPublished() {
        try (Fixture f = new Fixture("2026-03-10")) {
            f.decided(Fixture.minor("小明"), "100");
            DisclosureItem i = only(f);
            assertTrue(i.partyMinor());
            assertEquals(ItemStatus.WITHHELD, i.status());
            assertTrue(i.withheldReason().contains("未成年人"), i.withheldReason());
            assertEquals("PARTY_MINOR", assertThrows(ZhifaException.class,
                    () -> f.service.approve(i.id(), List.of(), Fixture.LEADER)).code());
            assertEquals("PARTY_MINOR", assertThrows(ZhifaException.class,
                    () -> f.service.publicForm(i.id(), Fixture.LEADER)).code());
            assertEquals(1, f.db.count("SELECT COUNT(*) FROM TEST_RECORD WHERE ENTRY_TYPE = 'disclosure.withheld'"));
            assertEquals(0, f.db.count("SELECT COUNT(*) FROM DISC_OUTBOX"));
            assertFalse(i.late(), "a withheld item is never late");
        }
    }

    @Test
    void aCorrectionIsANewVersionAndThePublishedOneGoesOutAgain() {
        try (Fixture f = new Fixture("2026-03-10")) {
            Fixture.TestChannel web = new Fixture.TestChannel("website");
            f.service.addChannel(web, Map.of("zhifa.channel", "website"));
            f.service.outbox().catchUp("website");
            f.decided(Fixture.person("韩某某"), "6000");
            DisclosureItem i = only(f);
            DisclosureItem pending = f.service.correct(i.id(), i.text().replace("6000.00", "5000.00"), "当事人申请更正罚款金额",
                    Fixture.LEADER);
            assertEquals(2, pending.version());
            assertEquals(0, f.db.count("SELECT COUNT(*) FROM DISC_OUTBOX"), "not published: nothing goes out");
            f.service.approve(i.id(), List.of(), Fixture.LEADER);
            f.service.outbox().deliverDue();
            DisclosureItem v3 = f.service.correct(i.id(), pending.text() + "\n备注：已更正", "执法人员发现笔误", Fixture.ADMIN);
            assertEquals(3, v3.version());
            assertEquals(ItemStatus.PUBLISHED, v3.status());
            f.service.outbox().deliverDue();
            assertEquals(List.of("PUBLISH 2", "UPDATE 3"), web.got.stream().map(d -> d.action() + " " + d.item().version()).toList());
            assertTrue(web.got.get(1).item().text().contains("备注：已更正"));
            // the old texts are kept
            assertEquals(3, f.db.count("SELECT COUNT(*) FROM DISC_VERSION WHERE ITEM_ID = " + i.id()));
            assertEquals(1, f.db.count("SELECT COUNT(*) FROM DISC_VERSION WHERE ITEM_ID = " + i.id()
                    + " AND VERSION = 1 AND TEXT LIKE '%6000.00%'"));
            assertEquals(2, f.db.count("SELECT COUNT(*) FROM TEST_RECORD WHERE ENTRY_TYPE = 'disclosure.corrected'"));
            assertEquals("CORRECTION_UNCHANGED", assertThrows(ZhifaException.class,
                    () -> f.service.correct(i.id(), v3.text(), "同上", Fixture.LEADER)).code());
            // and the tables refuse a change in place
            assertThrows(java.sql.SQLException.class, () -> {
                try (var conn = f.db.connect(); var st = conn.createStatement()) {
                    st.executeUpdate("UPDATE DISC_VERSION SET TEXT = 'x' WHERE ITEM_ID = " + i.id());
                }
            });
        }
    }

    @Test
    void aWithdrawalIsDueInThreeWorkingDaysAndReachesTheChannels() {
        try (Fixture f = new Fixture("2026-09-30")) {
            Fixture.TestChannel web = new Fixture.TestChannel("website");
            f.service.addChannel(web, Map.of("zhifa.channel", "website"));
            f.decided(Fixture.person("韩某某"), "6000");
            DisclosureItem i = only(f);
            f.service.approve(i.id(), List.of(), Fixture.LEADER);
            DisclosureItem asked = f.service.requestWithdrawal(i.id(), WithdrawalGround.REVOKED, "复议机关撤销原处罚决定",
                    Fixture.OFFICER);
            // 10-08, 10-09, 10-10 (调休)
            assertEquals(LocalDate.parse("2026-10-10"), asked.withdrawalDueOn());
            // the lists' projection of the events (V3) moved on in the same transaction
            assertEquals(1, f.db.count("SELECT COUNT(*) FROM DISC_ITEM_STATE WHERE ITEM_ID = " + i.id()
                    + " AND STATUS = 'PUBLISHED' AND WITHDRAWAL_DUE_ON = DATE('2026-10-10')"));
            assertEquals(1, f.service.items(new ItemQuery(ItemStatus.PUBLISHED, null, null, null, null, 0, 10),
                    Fixture.OFFICER).total());
            assertEquals("WITHDRAWAL_REQUESTED", assertThrows(ZhifaException.class,
                    () -> f.service.requestWithdrawal(i.id(), WithdrawalGround.REVOKED, "again", Fixture.LEADER)).code());
            f.moveTo("2026-10-12");
            assertTrue(only(f).late(), "a withdrawal not done in time is late");
            assertEquals("GROUND_EXPIRED", assertThrows(ZhifaException.class,
                    () -> f.service.withdraw(i.id(), WithdrawalGround.EXPIRED, "x", Fixture.LEADER)).code());
            DisclosureItem gone = f.service.withdraw(i.id(), null, null, Fixture.LEADER);
            assertEquals(ItemStatus.WITHDRAWN, gone.status());
            assertEquals(1, f.db.count("SELECT COUNT(*) FROM DISC_ITEM_STATE WHERE ITEM_ID = " + i.id()
                    + " AND STATUS = 'WITHDRAWN' AND WITHDRAWAL_DUE_ON = DATE('2026-10-10')"));
            assertEquals(0, f.service.items(new ItemQuery(null, null, null, "late", null, 0, 10), Fixture.OFFICER).total());
            assertEquals(WithdrawalGround.REVOKED, gone.withdrawalGround());
            assertEquals("复议机关撤销原处罚决定", gone.withdrawalReason());
            assertNotNull(gone.withdrawnAt());
            assertFalse(gone.late());
            f.service.outbox().deliverDue();
            f.service.outbox().deliverDue();
            assertEquals(List.of("PUBLISH", "WITHDRAW"), web.got.stream().map(d -> d.action().name()).toList());
            PublicItem w = web.got.get(1).item();
            assertEquals(WithdrawalGround.REVOKED, w.withdrawalGround());
            assertEquals("复议机关撤销原处罚决定", w.withdrawalReason());
            assertEquals(web.got.get(0).item().publicId(), w.publicId());
            assertEquals("website-" + w.publicId(), web.got.get(1).receipt(), "the withdrawal carries the publication's receipt");
            assertEquals("ITEM_NOT_PUBLISHED", assertThrows(ZhifaException.class,
                    () -> f.service.withdraw(i.id(), WithdrawalGround.OTHER, "x", Fixture.LEADER)).code());
            assertEquals(1, f.db.count("SELECT COUNT(*) FROM TEST_RECORD WHERE ENTRY_TYPE = 'disclosure.withdrawal.requested'"));
            assertEquals(1, f.db.count("SELECT COUNT(*) FROM TEST_RECORD WHERE ENTRY_TYPE = 'disclosure.withdrawn'"));
        }
    }

    @Test
    void expiryWithdrawsWhatOutlivedItsPostingPeriod() {
        try (Fixture f = new Fixture("2026-03-10")) {
            Fixture.TestChannel web = new Fixture.TestChannel("website");
            f.service.addChannel(web, Map.of("zhifa.channel", "website"));
            f.decided(Fixture.person("韩某某"), "6000");
            DisclosureItem i = f.service.approve(only(f).id(), List.of(), Fixture.LEADER);
            DisclosureItem notice = f.service.create(new ItemDraft(ItemType.CATALOGUE, null, "行政执法事项清单", null, null, false,
                    false, LocalDate.parse("2026-03-10"), "事项一", List.of(), List.of()), Fixture.OFFICER);
            f.service.approve(notice.id(), List.of(), Fixture.LEADER);
            assertEquals(0, f.service.expire(Fixture.LEADER));
            f.moveTo("2027-03-10");
            assertEquals(0, f.service.expire(Fixture.LEADER), "the last day of the period still shows");
            f.moveTo("2027-03-11");
            assertEquals("FORBIDDEN_ROLE", assertThrows(ZhifaException.class, () -> f.service.expire(Fixture.OFFICER)).code());
            assertEquals(1, f.service.expire(Fixture.LEADER));
            assertEquals(0, f.service.expire(Fixture.LEADER), "once");
            DisclosureItem e = f.service.item(i.id(), Fixture.OFFICER).orElseThrow();
            assertEquals(ItemStatus.EXPIRED, e.status());
            assertEquals(WithdrawalGround.EXPIRED, e.withdrawalGround());
            assertEquals(ItemStatus.PUBLISHED, f.service.item(notice.id(), Fixture.OFFICER).orElseThrow().status(),
                    "a catalogue has no end (posting.CATALOGUE = 0)");
            for (int n = 0; n < 5; n++) {
                f.service.outbox().deliverDue();
            }
            assertEquals(1, web.got.stream().filter(d -> d.action().name().equals("WITHDRAW")).count());
            assertEquals(1, f.db.count("SELECT COUNT(*) FROM TEST_RECORD WHERE ENTRY_TYPE = 'disclosure.expired'"));
        }
    }

    @Test
    void itemsMadeByHandTakeTheirTypesDeadlineAndKeepTheirAttachments() {
        try (Fixture f = new Fixture("2026-09-30")) {
            byte[] pdf = "%PDF-1.4 catalogue".getBytes(StandardCharsets.UTF_8);
            DisclosureItem c = f.service.create(new ItemDraft(ItemType.CATALOGUE, null, "随机抽查事项清单（2026 版）", null, null,
                    false, false, LocalDate.parse("2026-09-30"), "<script>alert(1)</script> 抽查事项", List.of(),
                    List.of(new Attachment("catalogue.pdf", "application/pdf", pdf))), Fixture.OFFICER);
            // 20 working days from 09-30 across 国庆: 10-08, 10-09, 10-10 (调休), 10-12 … 11-03
            assertEquals(LocalDate.parse("2026-11-03"), c.dueOn());
            assertTrue(c.text().startsWith("<script>"), "markup is kept as text; outputs escape it");
            f.service.approve(c.id(), List.of(), Fixture.LEADER);
            PublicItem p = f.service.publicForm(c.id(), Fixture.OFFICER);
            assertEquals(1, p.attachments().size());
            assertEquals("catalogue.pdf", p.attachments().get(0).name());
            assertTrue(java.util.Arrays.equals(pdf, p.attachments().get(0).content()));
            assertNull(p.postUntil());
            DisclosureItem paper = f.service.create(new ItemDraft(ItemType.DECISION, "penalty", "纸质处罚决定", "衡国土资罚〔2026〕99号",
                    "某某", true, false, LocalDate.parse("2026-09-30"), "罚款 1000 元", List.of("王五"), List.of()), Fixture.OFFICER);
            assertEquals(LocalDate.parse("2026-10-15"), paper.dueOn(), "deadline.DECISION.penalty = 7");
            assertEquals("行政处罚", paper.kindTitleZh());

            // bad input: a message, nothing written
            long before = f.db.count("SELECT COUNT(*) FROM DISC_ITEM");
            assertEquals("FIELD_REQUIRED", assertThrows(ZhifaException.class, () -> f.service.create(new ItemDraft(
                    ItemType.NOTICE, null, " ", null, null, false, false, LocalDate.parse("2026-09-30"), "x", null, null),
                    Fixture.OFFICER)).code());
            assertEquals("KIND_UNKNOWN", assertThrows(ZhifaException.class, () -> f.service.create(new ItemDraft(
                    ItemType.NOTICE, "nosuch", "t", null, null, false, false, LocalDate.parse("2026-09-30"), "x", null, null),
                    Fixture.OFFICER)).code());
            assertEquals("DATE_FUTURE", assertThrows(ZhifaException.class, () -> f.service.create(new ItemDraft(
                    ItemType.NOTICE, null, "t", null, null, false, false, LocalDate.parse("2026-10-30"), "x", null, null),
                    Fixture.OFFICER)).code());
            assertEquals("FIELD_CONTROL", assertThrows(ZhifaException.class, () -> f.service.create(new ItemDraft(
                    ItemType.NOTICE, null, "t\u0000", null, null, false, false, LocalDate.parse("2026-09-30"), "x", null, null),
                    Fixture.OFFICER)).code());
            assertEquals("FORBIDDEN_ROLE", assertThrows(ZhifaException.class, () -> f.service.create(new ItemDraft(
                    ItemType.NOTICE, null, "t", null, null, false, false, LocalDate.parse("2026-09-30"), "x", null, null),
                    Fixture.REVIEWER)).code());
            assertEquals(before, f.db.count("SELECT COUNT(*) FROM DISC_ITEM"));
            assertEquals("DUE_FILTER", assertThrows(ZhifaException.class, () -> f.service.items(
                    new ItemQuery(null, null, null, "tomorrow", null, 0, 10), Fixture.OFFICER)).code());
            assertEquals(1, f.service.items(new ItemQuery(null, ItemType.CATALOGUE, null, null, null, 0, 10), Fixture.OFFICER).total());
            assertEquals(1, f.service.items(new ItemQuery(null, null, null, null, "99号", 0, 10), Fixture.OFFICER).total());
            assertEquals(1, f.service.items(new ItemQuery(ItemStatus.PUBLISHED, null, null, null, null, 0, 10), Fixture.OFFICER).total());
        }
    }

    @Test
    void aCatalogueShowsItsOfficersAndContactsWithOnlyTheApproversMasks() {
        try (Fixture f = new Fixture("2026-09-30")) {
            String text = "行政执法人员清单\n1. 姓名：张伟；单位：衡阳县自然资源局井头所；职务：执法队员；执法证号：43042120201003\n"
                    + "2. 姓名：李建国；职务：大队长；执法证号：43042120241007\n"
                    + "服务指南：办公地址：衡阳县西渡镇蒸阳北路1号；办公电话：0734-6812345；负责人：王秀英，联系电话：13907341234";
            DisclosureItem c = f.service.create(new ItemDraft(ItemType.CATALOGUE, null, "行政执法人员清单（第1版）", null, null,
                    false, false, LocalDate.parse("2026-09-30"), text, List.of(), List.of()), Fixture.OFFICER);
            Redaction preview = f.service.preview(c.id(), List.of("13907341234"), Fixture.LEADER);
            f.service.approve(c.id(), List.of("13907341234"), Fixture.LEADER);
            PublicItem p = f.service.publicForm(c.id(), Fixture.OFFICER);
            assertEquals(preview.redacted(), p.text(), "the preview is what goes out");
            for (String kept : List.of("张伟", "李建国", "王秀英", "43042120201003", "衡阳县西渡镇蒸阳北路1号", "0734-6812345")) {
                assertTrue(p.text().contains(kept), kept + " masked in the public catalogue: " + p.text());
            }
            assertFalse(p.text().contains("13907341234"), "the approver's own mask applies: " + p.text());
            assertTrue(p.text().contains("联系电话：****"), p.text());
            assertEquals(1, preview.masks().size(), preview.masks().toString());
        }
    }

    @Test
    void masksOnlyMergesOverlappingOccurrences() {
        Redaction r = PublicForms.masksOnly("甲乙丙丁甲乙", List.of("甲乙", "乙丙", " "));
        assertEquals("****丁****", r.redacted());
        assertEquals(2, r.masks().size());
        assertEquals(0, r.masks().get(0).start());
        assertEquals(3, r.masks().get(0).end());
        assertEquals("无改动", PublicForms.masksOnly("无改动", List.of()).redacted());
    }
}
