package org.zhifa.gongshi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhifa.api.common.Page;
import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.Delivery.Action;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.WithdrawalGround;

/** The website channel on a real in-memory Derby with the shipped schema: idempotent, insert-only, rebuildable. */
class SiteTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T02:00:00Z"), ZONE);
    private EmbeddedDataSource ds;
    private Site site;

    @BeforeEach
    void open() throws Exception {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        String name = "gs" + System.nanoTime();
        ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + name);
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             InputStream in = SiteTest.class.getResourceAsStream("/db/gongshi/V1__gongshi.sql")) {
            for (String sql : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("(?m)^;\\s*$")) {
                String stmt = sql.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + "\n" + b).strip();
                if (!stmt.isEmpty()) {
                    st.execute(stmt);
                }
            }
        }
        site = new Site(ds, "430421", ZONE, CLOCK, 0);
    }

    static PublicItem item(String id, int version, String title, String party, String text) {
        return new PublicItem(id, version, ItemType.DECISION, "penalty", "行政处罚", title, "衡国土资罚〔2026〕" + version + "号",
                party, LocalDate.of(2026, 3, 2), Instant.parse("2026-03-05T01:00:00Z"), null, text,
                "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII),
                List.of(new Attachment("flow.svg", "image/svg+xml", "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8))),
                null, null, null);
    }

    static PublicItem withdrawn(PublicItem i, String reason) {
        return new PublicItem(i.publicId(), i.version(), i.type(), i.kind(), i.kindTitleZh(), i.title(), i.caseNumber(),
                i.partyName(), i.decidedOn(), i.publishedAt(), i.postUntil(), i.text(), null, List.of(),
                Instant.parse("2026-03-09T03:00:00Z"), WithdrawalGround.REVOKED, reason);
    }

    private long count(String table) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Page<SiteItem> search(String keyword, boolean fullText) throws SQLException {
        return site.search(new Search(null, null, null, null, Search.normalise(keyword), fullText, 0, 20));
    }

    @Test
    void theSameVersionAgainIsANoOpWithTheSameReceipt() throws Exception {
        PublicItem v1 = item("Ab3dEf9hKq", 1, "某某未经批准占用耕地建房案", "张三", "第一行\n第二行");
        DeliveryResult first = site.deliver(new Delivery(1, Action.PUBLISH, v1, 1, null));
        DeliveryResult again = site.deliver(new Delivery(1, Action.PUBLISH, v1, 2, first.receipt()));
        assertEquals(DeliveryResult.State.DONE, first.state());
        assertEquals(DeliveryResult.State.DONE, again.state());
        assertEquals(first.receipt(), again.receipt());
        assertEquals("/gongshi/decisions/Ab3dEf9hKq", first.receipt());
        assertEquals(1, count("GS_VERSION"));
        assertEquals(1, count("GS_ATTACHMENT"));
        SiteItem shown = site.item("Ab3dEf9hKq").orElseThrow();
        assertEquals("第一行\n第二行", site.store.text(shown.rowId()));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        assertTrue(site.store.pdf(shown.rowId(), pdf));
        assertArrayEquals("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII), pdf.toByteArray());
    }

    @Test
    void anUpdateShowsTheNewVersionAndAnOldOneArrivingLateChangesNothing() throws Exception {
        site.deliver(new Delivery(1, Action.PUBLISH, item("Xy7wVu5tSr", 1, "旧标题", "李四", "旧正文"), 1, null));
        site.deliver(new Delivery(2, Action.UPDATE, item("Xy7wVu5tSr", 2, "更正后的标题", "李四", "新正文"), 1, null));
        site.deliver(new Delivery(1, Action.PUBLISH, item("Xy7wVu5tSr", 1, "旧标题", "李四", "旧正文"), 3, null));
        SiteItem shown = site.item("Xy7wVu5tSr").orElseThrow();
        assertEquals(2, shown.version());
        assertEquals("更正后的标题", shown.title());
        assertEquals(1, search("", false).total());
        assertEquals(0, search("旧标题", false).total());
        assertEquals(0, search("旧正文", true).total(), "the old version's text no longer matches");
        assertEquals(1, search("新正文", true).total());
    }

    @Test
    void aWithdrawalTakesTheItemDownOnceAndLogsItsReason() throws Exception {
        PublicItem v1 = item("Wd1rAwAl99", 1, "某公司非法采矿案", "某矿业有限公司", "正文");
        site.deliver(new Delivery(1, Action.PUBLISH, v1, 1, null));
        assertEquals(1, search("矿业", false).total());
        DeliveryResult w = site.deliver(new Delivery(2, Action.WITHDRAW, withdrawn(v1, "复议决定撤销原处罚决定"), 1, null));
        DeliveryResult again = site.deliver(new Delivery(2, Action.WITHDRAW, withdrawn(v1, "复议决定撤销原处罚决定"), 2, w.receipt()));
        assertEquals(DeliveryResult.State.DONE, again.state());
        assertEquals(w.receipt(), again.receipt());
        assertTrue(site.item("Wd1rAwAl99").isEmpty());
        assertEquals(0, search("矿业", false).total());
        assertEquals(1, count("GS_WITHDRAWAL"));
        Withdrawal logged = site.store.withdrawals(0, 10).get(0);
        assertEquals("复议决定撤销原处罚决定", logged.reason());
        assertEquals(WithdrawalGround.REVOKED, logged.ground());
        assertEquals("某公司非法采矿案", logged.title());
        assertEquals(1, count("GS_VERSION"), "nothing is deleted: the version row stays");

        // a restart rebuilds the same site from the tables
        Site restarted = new Site(ds, "430421", ZONE, CLOCK, 0);
        restarted.rebuild();
        assertTrue(restarted.item("Wd1rAwAl99").isEmpty());
    }

    @Test
    void searchAndFiltersAfterARestart() throws Exception {
        site.deliver(new Delivery(1, Action.PUBLISH, item("Aaaaaa1111", 1, "占用耕地案", "王五", "罚款人民币伍万元"), 1, null));
        PublicItem licence = new PublicItem("Bbbbbb2222", 1, ItemType.DECISION, "license", "行政许可", "采矿许可决定",
                "衡许〔2026〕8号", "某某ＡＢＣ公司", LocalDate.of(2026, 1, 15), Instant.parse("2026-01-20T01:00:00Z"), null,
                "准予许可", null, List.of(), null, null, null);
        site.deliver(new Delivery(2, Action.PUBLISH, licence, 1, null));
        PublicItem expired = new PublicItem("Cccccc3333", 1, ItemType.NOTICE, null, null, "过期公告", null, null,
                LocalDate.of(2025, 1, 1), Instant.parse("2025-01-02T01:00:00Z"), LocalDate.of(2026, 3, 9), "旧公告",
                null, List.of(), null, null, null);
        site.deliver(new Delivery(3, Action.PUBLISH, expired, 1, null));
        Site s = new Site(ds, "430421", ZONE, CLOCK, 0);
        s.rebuild();
        assertEquals(2, s.search(new Search(null, null, null, null, null, false, 0, 20)).total(), "expired notice hidden");
        assertEquals("Bbbbbb2222", s.search(new Search(ItemType.DECISION, "license", null, null, null, false, 0, 20))
                .items().get(0).publicId());
        assertEquals(1, s.search(new Search(null, null, LocalDate.of(2026, 2, 1), null, null, false, 0, 20)).total());
        assertEquals(1, s.search(new Search(null, null, null, null, Search.normalise("abc公司"), false, 0, 20)).total(),
                "full-width letters and case fold");
        assertEquals(1, s.search(new Search(null, null, null, null, Search.normalise("罚〔2026〕1"), false, 0, 20)).total());
        assertEquals(0, s.search(new Search(null, null, null, null, Search.normalise("伍万元"), false, 0, 20)).total());
        assertEquals(1, s.search(new Search(null, null, null, null, Search.normalise("伍万元"), true, 0, 20)).total());
        assertEquals(1, s.search(new Search(null, null, null, null, Search.normalise("100%"), true, 0, 20)).total()
                + s.search(new Search(null, null, null, null, Search.normalise("_"), true, 0, 20)).total() + 1,
                "LIKE wildcards in a keyword are literal");
        assertTrue(s.item("Cccccc3333").isEmpty());
    }

    @Test
    void refusesWhatItCannotShowSafely() {
        PublicItem badId = item("../../etc", 1, "标题", "某", "正文");
        assertEquals(DeliveryResult.State.FAILED, site.deliver(new Delivery(1, Action.PUBLISH, badId, 1, null)).state());
        assertEquals(DeliveryResult.State.FAILED, site.deliver(new Delivery(1, Action.PUBLISH, null, 1, null)).state());
    }

    @Test
    void escapesMarkupForPagesAndTheFeed() throws IOException {
        String evil = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>&amp;\u0001";
        String html = Html.esc(evil);
        assertFalse(html.contains("<") || html.contains(">") || html.contains("\"") || html.contains("'"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("&amp;amp;"), html);
        String xml = Html.xml(evil);
        assertFalse(xml.contains("<") || xml.contains("\u0001"), xml);
        assertTrue(xml.contains("&apos;x&apos;"), xml);
        assertTrue(SiteServlet.tricky("/gongshi/..%2F..%2Fetc%2Fusers.properties"));
        assertTrue(SiteServlet.tricky("/gongshi/files/abc/%2e%2e/x"));
        assertFalse(SiteServlet.tricky("/gongshi/decisions/Ab3dEf9hKq.pdf"));
    }
}
