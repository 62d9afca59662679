package org.zhifa.spotcheck.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.spotcheck.internal.Fixture.ADMIN;
import static org.zhifa.spotcheck.internal.Fixture.LEADER;
import static org.zhifa.spotcheck.internal.Fixture.OFFICER;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.spotcheck.Draw;
import org.zhifa.api.spotcheck.DrawAlgorithm;
import org.zhifa.api.spotcheck.DrawInspector;
import org.zhifa.api.spotcheck.DrawResult;
import org.zhifa.api.spotcheck.DrawVerification;
import org.zhifa.api.spotcheck.InspectionTarget;
import org.zhifa.api.spotcheck.InspectionTarget.Risk;
import org.zhifa.api.spotcheck.InspectionTarget.TargetType;
import org.zhifa.api.spotcheck.Plan;
import org.zhifa.api.spotcheck.PlanDraft;
import org.zhifa.api.spotcheck.SeedSource;
import org.zhifa.api.spotcheck.TargetDraft;
import org.zhifa.api.spotcheck.TargetFilter;
import org.zhifa.api.spotcheck.TargetImport;
import org.zhifa.testsupport.Configs;

import com.fasterxml.jackson.databind.JsonNode;

class SpotCheckServiceTest {
    private Fixture f = new Fixture("2026-11-27");

    @AfterEach
    void close() {
        f.close();
    }

    // ------------------------------------------------------------------ targets

    @Test
    void keepsTargetsAsRevisionsAndRecordsEveryChange() {
        InspectionTarget t = f.target(1, "甲镇", Risk.HIGH, "采矿", "在建工程");
        assertEquals(1, t.revision());
        assertEquals(Set.of("采矿", "在建工程"), t.tags());
        InspectionTarget r = f.service.reviseTarget(t.id(), new TargetDraft("衡阳某某矿业有限公司（更名）", t.creditCode(),
                TargetType.ENTERPRISE, "乙镇", Risk.MEDIUM, Set.of()), 1, ADMIN);
        assertEquals(2, r.revision());
        assertEquals("乙镇", r.area());
        ZhifaException stale = assertThrows(ZhifaException.class, () -> f.service.reviseTarget(t.id(),
                new TargetDraft("x", t.creditCode(), TargetType.ENTERPRISE, "乙镇", Risk.LOW, Set.of()), 1, ADMIN));
        assertEquals("TARGET_STALE", stale.code());
        InspectionTarget gone = f.service.deactivateTarget(t.id(), "企业已注销", LEADER);
        assertFalse(gone.active());
        assertEquals(0, f.service.targets(TargetFilter.any(), false, 0, 10, OFFICER).total());
        assertEquals(1, f.service.targets(TargetFilter.any(), true, 0, 10, OFFICER).total());
        assertEquals(3, f.count("SC_TARGET_REV"));
        assertEquals(List.of("spotcheck.target.added", "spotcheck.target.revised", "spotcheck.target.deactivated"),
                f.log.all().stream().map(RecordEntry::entryType).toList());
        // the deactivated target's code is free again
        f.target(1, "甲镇", Risk.LOW);
    }

    @Test
    void refusesBadTargetsAndWrongRoles() {
        assertEquals("TARGET_CODE_INVALID", assertThrows(ZhifaException.class, () -> f.service.addTarget(
                new TargetDraft("某公司", "91430421MA4L000010", TargetType.ENTERPRISE, "甲镇", Risk.LOW, Set.of()),
                LEADER)).code());
        assertEquals("TARGET_CODE_REQUIRED", assertThrows(ZhifaException.class, () -> f.service.addTarget(
                new TargetDraft("某公司", "", TargetType.ENTERPRISE, "甲镇", Risk.LOW, Set.of()), LEADER)).code());
        assertEquals("FIELD_REQUIRED", assertThrows(ZhifaException.class, () -> f.service.addTarget(
                new TargetDraft(" ", Fixture.code(1), TargetType.ENTERPRISE, "甲镇", Risk.LOW, Set.of()), LEADER)).code());
        assertEquals("TARGET_TAG_INVALID", assertThrows(ZhifaException.class, () -> f.service.addTarget(
                new TargetDraft("某公司", Fixture.code(1), TargetType.ENTERPRISE, "甲镇", Risk.LOW, Set.of("a,b")),
                LEADER)).code());
        // a natural person needs no code
        f.service.addTarget(new TargetDraft("张某某", "", TargetType.PERSON, "甲镇", Risk.LOW, Set.of()), LEADER);
        f.target(2, "甲镇", Risk.LOW);
        ZhifaException dup = assertThrows(ZhifaException.class, () -> f.target(2, "乙镇", Risk.LOW));
        assertEquals("TARGET_DUPLICATE_CODE", dup.code());
        assertEquals(ZhifaException.Kind.FORBIDDEN, assertThrows(ZhifaException.class, () -> f.service.addTarget(
                new TargetDraft("某公司", Fixture.code(3), TargetType.ENTERPRISE, "甲镇", Risk.LOW, Set.of()),
                OFFICER)).kind());
        assertEquals(ZhifaException.Kind.UNAUTHENTICATED, assertThrows(ZhifaException.class,
                () -> f.service.targets(TargetFilter.any(), false, 0, 10, null)).kind());
        assertEquals(2, f.count("SC_TARGET"));
        assertEquals(2, f.log.all().size());
    }

    @Test
    void filtersThePool() {
        f.target(1, "甲镇", Risk.HIGH, "采矿");
        f.target(2, "乙镇", Risk.HIGH, "采矿_露天");
        f.target(3, "乙镇", Risk.LOW);
        assertEquals(2, f.service.targets(new TargetFilter(null, Set.of(), Set.of(), Set.of(Risk.HIGH), Set.of()),
                false, 0, 10, OFFICER).total());
        // a whole tag, and LIKE's wildcards are literal
        assertEquals(1, f.service.targets(new TargetFilter(null, Set.of(), Set.of(), Set.of(), Set.of("采矿")),
                false, 0, 10, OFFICER).total());
        assertEquals(2, f.service.targets(new TargetFilter(null, Set.of(), Set.of("乙镇"), Set.of(), Set.of()),
                false, 0, 10, OFFICER).total());
        assertEquals(1, f.service.targets(new TargetFilter("矿业有限公司3", Set.of(), Set.of(), Set.of(), Set.of()),
                false, 0, 10, OFFICER).total());
        assertEquals(0, f.service.targets(new TargetFilter("%", Set.of(), Set.of(), Set.of(), Set.of()),
                false, 0, 10, OFFICER).total());
    }

    // ------------------------------------------------------------------ import

    private static final String HEADER = "名称,统一社会信用代码,类型,所属区域,风险等级,标签\n";

    private TargetImport importCsv(String text, Charset charset) {
        return f.service.importTargets(new ByteArrayInputStream(text.getBytes(charset)), "targets.csv", LEADER);
    }

    @Test
    void importsUtf8AndGbkAllOrNothing() {
        String good = HEADER + "衡阳甲矿业有限公司," + Fixture.code(1) + ",企业,甲镇,高,采矿、尾矿库\n"
                + "\"乙砂石场, 个体\"," + Fixture.code(2) + ",个体工商户,乙镇,低,\n"
                + "张某某,,自然人,丙镇,中,\n";
        TargetImport r = importCsv(good, StandardCharsets.UTF_8);
        assertTrue(r.stored(), r.errors().toString());
        assertEquals(3, r.created());
        assertEquals("CSV UTF-8", r.format());
        assertEquals(Set.of("采矿", "尾矿库"), f.service.targets(new TargetFilter(Fixture.code(1), null, null, null, null),
                false, 0, 10, OFFICER).items().get(0).tags());
        assertEquals("乙砂石场, 个体", f.service.targets(new TargetFilter(Fixture.code(2), null, null, null, null),
                false, 0, 10, OFFICER).items().get(0).name());
        // the same codes again, in GBK: revised, not duplicated
        TargetImport again = importCsv(HEADER + "衡阳甲矿业有限公司（新名）," + Fixture.code(1) + ",企业,甲镇,中,\n",
                Charset.forName("GBK"));
        assertEquals("CSV GBK", again.format());
        assertEquals(1, again.revised());
        assertEquals(3, f.count("SC_TARGET"));
        assertEquals(List.of("spotcheck.targets.imported", "spotcheck.target.revised", "spotcheck.targets.imported"),
                f.log.all().stream().map(RecordEntry::entryType).toList());
    }

    @Test
    void reportsEveryBadRowByLineAndStoresNothing() {
        String bad = HEADER + "衡阳甲矿业有限公司," + Fixture.code(1) + ",企业,甲镇,高,\n"
                + "坏代码公司,91430421MA4L000010,企业,甲镇,高,\n"
                + "无类型公司," + Fixture.code(3) + ",公司,甲镇,高,\n"
                + "重复公司," + Fixture.code(1) + ",企业,甲镇,低,\n"
                + "," + Fixture.code(5) + ",企业,甲镇,低,\n"
                + "风险不明公司," + Fixture.code(6) + ",企业,甲镇,很高,\n";
        TargetImport r = importCsv(bad, StandardCharsets.UTF_8);
        assertFalse(r.stored());
        assertEquals(List.of(3, 4, 5, 6, 7), r.errors().stream().map(TargetImport.RowError::line).toList());
        assertEquals(List.of("TARGET_CODE_INVALID", "IMPORT_TYPE_UNKNOWN", "IMPORT_DUPLICATE_CODE", "FIELD_REQUIRED",
                "IMPORT_RISK_UNKNOWN"), r.errors().stream().map(TargetImport.RowError::code).toList());
        assertEquals("统一社会信用代码", r.errors().get(0).column());
        assertTrue(r.errors().get(2).messageZh().contains("第 2 行"), r.errors().get(2).messageZh());
        assertEquals(0, f.count("SC_TARGET"));
        assertEquals(0, f.log.all().size());
        TargetImport noHeader = importCsv("名称,类型\n某公司,企业\n", StandardCharsets.UTF_8);
        assertEquals(List.of("统一社会信用代码", "所属区域", "风险等级"),
                noHeader.errors().stream().map(TargetImport.RowError::column).toList());
        assertEquals("IMPORT_TOO_LARGE", assertThrows(ZhifaException.class, () -> new Fixture("2026-11-27",
                Configs.of(SpotCheckConfig.class, Map.of("maxImportBytes", 100L))).service.importTargets(
                new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "x.csv", LEADER)).code());
    }

    @Test
    void importsTheFirstSheetOfAWorkbook() throws IOException {
        byte[] xlsx = workbook(List.of(
                List.of("名称", "统一社会信用代码", "类型", "所属区域", "风险等级", "标签"),
                List.of("衡阳甲矿业有限公司", Fixture.code(1), "企业", "甲镇", "高", "采矿"),
                List.of("<script>alert(1)</script>砂场", Fixture.code(2), "企业", "乙镇", "低", "")));
        TargetImport r = f.service.importTargets(new ByteArrayInputStream(xlsx), "pool.xlsx", LEADER);
        assertTrue(r.stored(), r.errors().toString());
        assertEquals("XLSX", r.format());
        assertEquals(2, r.created());
        assertEquals("<script>alert(1)</script>砂场", f.service.targets(new TargetFilter(Fixture.code(2), null, null,
                null, null), false, 0, 1, OFFICER).items().get(0).name());
        assertEquals("IMPORT_UNREADABLE", assertThrows(ZhifaException.class, () -> f.service.importTargets(
                new ByteArrayInputStream(new byte[] {'P', 'K', 3, 4, 0, 0}), "broken.xlsx", LEADER)).code());
    }

    /** A minimal workbook: shared strings for the header, inline strings for the rest. */
    static byte[] workbook(List<List<String>> rows) throws IOException {
        StringBuilder shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + "http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            sheet.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 0; c < rows.get(r).size(); c++) {
                String ref = (char) ('A' + c) + String.valueOf(r + 1);
                String v = rows.get(r).get(c).replace("&", "&amp;").replace("<", "&lt;");
                if (v.isEmpty()) {
                    continue;
                }
                if (r == 0) {
                    shared.append("<si><t>").append(v).append("</t></si>");
                    sheet.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(c).append("</v></c>");
                } else {
                    sheet.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(v)
                            .append("</t></is></c>");
                }
            }
            sheet.append("</row>");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/sharedStrings.xml"));
            zip.write((shared + "</sst>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write((sheet + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    // ------------------------------------------------------------------ inspectors, plans

    @Test
    void inspectorsAreActiveOfficersWithAValidCertificate() {
        f.officer("张三", "甲镇", "2029-12-31", true);
        f.officer("李四", "乙镇", "2026-11-26", true); // expired yesterday
        f.officer("王五", "乙镇", "2029-12-31", false);
        f.officer("赵六", "丙镇", "2029-12-31", true, "城乡规划");
        assertEquals(List.of("张三", "赵六"), f.service.inspectors(null, OFFICER).stream().map(i -> i.name()).toList());
        Fixture only = new Fixture("2026-11-27", Configs.of(SpotCheckConfig.class,
                Map.of("inspectionCategories", new String[] {"矿产资源"})));
        try (only) {
            only.officer("张三", "甲镇", "2029-12-31", true);
            only.officer("赵六", "丙镇", "2029-12-31", true, "城乡规划");
            assertEquals(List.of("张三"), only.service.inspectors(LocalDate.parse("2026-11-27"), OFFICER).stream()
                    .map(i -> i.name()).toList());
        }
    }

    private Plan plan(BigDecimal ratio, Integer count, TargetFilter filter) {
        return f.service.createPlan(new PlanDraft("2026年矿产资源开采情况双随机抽查", Fixture.CATALOGUE, Fixture.ITEM,
                true, filter, ratio, count, "每年一次", LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"), 2,
                true), LEADER);
    }

    @Test
    void plansNameAListedItemOfThePublishedCatalogue() {
        Plan p = plan(new BigDecimal("0.3"), null, TargetFilter.any());
        assertEquals("抽查〔2026〕1号", p.number());
        assertNull(p.count());
        assertEquals("PLAN_ITEM_NOT_LISTED", assertThrows(ZhifaException.class, () -> f.service.createPlan(
                new PlanDraft("x", Fixture.CATALOGUE, "不存在的事项", false, null, null, 3, "每年", LocalDate.parse(
                        "2026-12-01"), LocalDate.parse("2026-12-31"), 2, false), LEADER)).code());
        assertEquals("PLAN_RATIO_OR_COUNT", assertThrows(ZhifaException.class, () -> f.service.createPlan(
                new PlanDraft("x", Fixture.CATALOGUE, Fixture.ITEM, false, null, BigDecimal.ONE, 3, "每年",
                        LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"), 2, false), LEADER)).code());
        assertEquals("PLAN_INSPECTORS", assertThrows(ZhifaException.class, () -> f.service.createPlan(
                new PlanDraft("x", Fixture.CATALOGUE, Fixture.ITEM, false, null, null, 3, "每年",
                        LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31"), 1, false), LEADER)).code());
        assertEquals("PLAN_RATIO_RANGE", assertThrows(ZhifaException.class, () -> plan(new BigDecimal("1.5"), null,
                null)).code());
        f.catalogueStatus = org.zhifa.api.catalogue.CatalogueStatus.DRAFT;
        assertEquals("PLAN_CATALOGUE_NOT_PUBLISHED", assertThrows(ZhifaException.class,
                () -> plan(null, 2, null)).code());
        assertEquals(1, f.service.plans(OFFICER).size());
    }

    // ------------------------------------------------------------------ draws

    private void pool(int targets, int inspectors) {
        for (int i = 1; i <= targets; i++) {
            f.target(i, i % 2 == 0 ? "甲镇" : "乙镇", Risk.MEDIUM);
        }
        for (int i = 1; i <= inspectors; i++) {
            f.officer("检查员" + i, i % 3 == 0 ? "甲镇" : "丙镇", "2029-12-31", true);
        }
    }

    private static List<SeedSource> lottery() {
        return List.of(new SeedSource("2026-11-28 福彩3D 开奖号码", List.of(), true),
                new SeedSource("2026-11-28 双色球 红球", List.of(), false));
    }

    private static List<List<String>> values() {
        return List.of(List.of("4", "0", "7"), List.of("05", "11", "17", "23", "28", "31"));
    }

    @Test
    void recordsTheDrawWithEverythingNeededToRerunIt() {
        pool(20, 6);
        Plan p = plan(new BigDecimal("0.25"), null, TargetFilter.any());
        Draw announced = f.service.announce(p.id(), Draw.SeedMode.PUBLIC_SOURCES, lottery(), LEADER);
        assertEquals(Draw.Status.ANNOUNCED, announced.status());
        assertNull(announced.result());
        Draw d = f.service.make(announced.id(), values(), LEADER);
        assertEquals(Draw.Status.DRAWN, d.status());
        assertEquals("4.0.7./5.11.17.23.28.31./", d.key());
        assertEquals(5, d.result().assignments().size()); // ⌈0.25 × 20⌉
        for (DrawResult.Assignment a : d.result().assignments()) {
            assertEquals(2, a.inspectors().size());
            for (DrawInspector i : a.inspectors()) {
                assertNotEquals(a.target().area(), i.area(), "own-area rule");
            }
        }
        RecordEntry entry = f.log.all().get(f.log.all().size() - 1);
        assertEquals("spotcheck.draw.made", entry.entryType());
        assertEquals(d.recordSeq(), entry.seq());
        JsonNode recorded = Payloads.read(entry.payload());
        assertEquals(Payloads.result(d.result()), recorded.path("result"), "the recorded result, key order aside");
        assertEquals(DrawAlgorithm.SHA256, recorded.path("algorithm").asText());
        assertEquals(20, recorded.path("poolSize").asInt());
        // anyone re-runs it from the record and the published snapshot
        DrawVerification v = f.service.verify(d.id(), OFFICER);
        assertTrue(v.ok(), v.problems().toString());
        assertEquals(d.result(), v.rerun());
        assertEquals("DRAW_ALREADY_MADE", assertThrows(ZhifaException.class,
                () -> f.service.make(announced.id(), values(), LEADER)).code());
        assertEquals("DRAW_ALREADY_MADE", assertThrows(ZhifaException.class,
                () -> f.service.announce(p.id(), Draw.SeedMode.SECURE_RANDOM, List.of(), LEADER)).code());
    }

    @Test
    void aDeclaredConflictKeepsTheInspectorAway() {
        pool(4, 4);
        Plan p = plan(null, 4, TargetFilter.any());
        Set<Long> everyTarget = new HashSet<>();
        f.service.targets(TargetFilter.any(), false, 0, 10, OFFICER).items().forEach(t -> everyTarget.add(t.id()));
        for (long t : everyTarget) {
            f.service.declareConflict(1, t, "曾在该企业任职", LEADER);
        }
        assertEquals("CONFLICT_ALREADY_DECLARED", assertThrows(ZhifaException.class,
                () -> f.service.declareConflict(1, everyTarget.iterator().next(), "again", LEADER)).code());
        Draw d = f.service.make(f.service.announce(p.id(), Draw.SeedMode.SECURE_RANDOM, List.of(), LEADER).id(),
                List.of(), LEADER);
        assertEquals(64, d.key().length());
        assertTrue(d.result().assignments().stream().flatMap(a -> a.inspectors().stream())
                .noneMatch(i -> i.id().equals("1")));
        assertEquals(4, d.result().recusals().stream().filter(r -> r.ground() == DrawResult.Recusal.Ground.CONFLICT)
                .count());
        assertTrue(f.service.verify(d.id(), LEADER).ok());
    }

    @Test
    void drawsOnlyInspectorsOfOneCategoryAndKeepsConflictReasonsOutOfTheRecord() {
        for (int i = 1; i <= 12; i++) {
            f.target(i, "乙镇", Risk.MEDIUM);
        }
        f.officer("测绘员", "丙镇", "2029-12-31", true, "测绘地理信息");
        f.officer("规划员", "丙镇", "2029-12-31", true, "城乡规划", "测绘地理信息");
        for (int i = 1; i <= 4; i++) {
            f.officer("矿管员" + i, "丙镇", "2029-12-31", true, "矿产资源", i == 1 ? "城乡规划" : "矿产资源");
        }
        long target = f.service.targets(TargetFilter.any(), false, 0, 1, OFFICER).items().get(0).id();
        f.service.declareConflict(3, target, "其配偶系该企业股东", LEADER);
        Plan p = plan(null, 12, TargetFilter.any());
        Draw d = f.service.make(f.service.announce(p.id(), Draw.SeedMode.SECURE_RANDOM, List.of(), LEADER).id(),
                List.of(), LEADER);
        // 矿产资源 is held by four inspectors, more than any other category: only they are drawn
        assertEquals(4, d.result().assignments().stream().flatMap(a -> a.inspectors().stream()).map(DrawInspector::id)
                .distinct().count());
        assertTrue(d.result().assignments().stream().flatMap(a -> a.inspectors().stream())
                .allMatch(i -> i.name().startsWith("矿管员")));
        JsonNode recorded = Payloads.read(f.log.all().get(f.log.all().size() - 1).payload());
        assertEquals("矿产资源", recorded.path("category").asText());
        assertFalse(f.log.all().get(f.log.all().size() - 1).payload().contains("配偶"), "the declared reason stays inside");
        assertEquals(SpotCheckServiceImpl.PUBLIC_CONFLICT_REASON, d.result().recusals().get(0).reason());
        assertTrue(f.service.verify(d.id(), OFFICER).ok());
    }

    @Test
    void aShortageRefusesTheDrawAndWritesNothing() {
        pool(6, 2);
        Plan p = plan(null, 2, TargetFilter.any());
        Draw a = f.service.announce(p.id(), Draw.SeedMode.PUBLIC_SOURCES, lottery(), LEADER);
        long entries = f.log.all().size();
        // inspectors 1 and 2 are in 丙镇: no own-area recusal; a conflict leaves one target with one inspector
        long target = f.service.targets(TargetFilter.any(), false, 0, 1, OFFICER).items().get(0).id();
        f.service.declareConflict(2, target, "亲属", LEADER);
        ZhifaException e = assertThrows(ZhifaException.class, () -> f.service.make(a.id(), values(), LEADER));
        assertEquals("DRAW_SHORTAGE", e.code());
        assertEquals(0, f.count("SC_DRAW_MADE"));
        assertEquals(0, f.count("SC_SNAP_TARGET"));
        assertEquals(entries + 1, f.log.all().size()); // only the conflict
        assertEquals(Draw.Status.ANNOUNCED, f.service.draw(a.id(), OFFICER).orElseThrow().status());
        assertEquals("DRAW_VALUES_COUNT", assertThrows(ZhifaException.class,
                () -> f.service.make(a.id(), List.of(List.of("1")), LEADER)).code());
    }

    @Test
    void aRedrawIsANewReasonedDrawAndTheFirstStays() {
        pool(10, 5);
        Plan p = plan(null, 3, TargetFilter.any());
        Draw first = f.service.make(f.service.announce(p.id(), Draw.SeedMode.PUBLIC_SOURCES, lottery(), LEADER).id(),
                values(), LEADER);
        assertEquals("FIELD_REQUIRED", assertThrows(ZhifaException.class, () -> f.service.announceRedraw(first.id(),
                " ", Draw.SeedMode.SECURE_RANDOM, List.of(), LEADER)).code());
        Draw again = f.service.announceRedraw(first.id(), "检查员3调离执法岗位", Draw.SeedMode.SECURE_RANDOM, List.of(),
                LEADER);
        assertEquals(2, again.round());
        assertEquals(first.id(), again.supersedes());
        // until the redraw is made, the first draw stands
        assertEquals(Draw.Status.DRAWN, f.service.draw(first.id(), OFFICER).orElseThrow().status());
        Draw second = f.service.make(again.id(), List.of(), LEADER);
        assertEquals(Draw.Status.DRAWN, second.status());
        Draw old = f.service.draw(first.id(), OFFICER).orElseThrow();
        assertEquals(Draw.Status.SUPERSEDED, old.status());
        assertEquals(first.result(), old.result());
        assertTrue(f.service.verify(first.id(), OFFICER).ok());
        assertEquals(List.of(second.id(), first.id()), f.service.draws(p.id(), OFFICER).stream().map(Draw::id).toList());
        assertEquals("REDRAW_NOT_DRAWN", assertThrows(ZhifaException.class, () -> f.service.announceRedraw(first.id(),
                "again", Draw.SeedMode.SECURE_RANDOM, List.of(), LEADER)).code());
        assertTrue(f.log.all().stream().anyMatch(e -> e.entryType().equals("spotcheck.redraw.announced")
                && e.payload().contains("检查员3调离执法岗位")));
    }

    @Test
    void verificationFindsAChangedSnapshot() throws SQLException {
        pool(8, 4);
        Plan p = plan(null, 3, TargetFilter.any());
        Draw d = f.service.make(f.service.announce(p.id(), Draw.SeedMode.PUBLIC_SOURCES, lottery(), LEADER).id(),
                values(), LEADER);
        try (Connection c = f.db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TRIGGER SC_SNAP_TARGET_NO_UPD");
            st.executeUpdate("UPDATE SC_SNAP_TARGET SET AREA = '丁镇' WHERE DRAW_ID = " + d.id() + " AND POS = 0");
        }
        DrawVerification v = f.service.verify(d.id(), OFFICER);
        assertFalse(v.ok());
        assertTrue(v.problems().stream().anyMatch(x -> x.startsWith("targetsHash")), v.problems().toString());
    }

    @Test
    void theTablesAreInsertOnly() throws SQLException {
        pool(3, 2);
        plan(null, 1, TargetFilter.any());
        try (Connection c = f.db.connect(); Statement st = c.createStatement()) {
            for (String sql : List.of("UPDATE SC_PLAN SET TITLE = 'x'", "DELETE FROM SC_PLAN",
                    "UPDATE SC_TARGET_REV SET NAME = 'x'", "DELETE FROM SC_TARGET_REV")) {
                SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate(sql), sql);
                assertEquals("23513", e.getSQLState(), sql);
            }
        }
    }
}
