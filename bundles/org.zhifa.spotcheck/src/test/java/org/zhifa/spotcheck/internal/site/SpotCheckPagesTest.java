package org.zhifa.spotcheck.internal.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.site.PublicFrame;
import org.zhifa.api.spotcheck.Draw;
import org.zhifa.api.spotcheck.DrawInspector;
import org.zhifa.api.spotcheck.DrawResult;
import org.zhifa.api.spotcheck.DrawTarget;
import org.zhifa.api.spotcheck.InspectionOutcome;
import org.zhifa.api.spotcheck.Plan;
import org.zhifa.api.spotcheck.SeedSource;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.api.spotcheck.TargetFilter;

/**
 * A made draw's page shows a result only when disclosure has published it: a result waiting for approval,
 * withdrawn, or not handed over is absent. (The running bureau cannot reach a recorded but unpublished
 * result without an inspection's audio/video evidence; SpotCheckPublicIT covers the rest over HTTP.)
 */
class SpotCheckPagesTest {
    private static final DrawTarget A = new DrawTarget("1", "衡阳县<b>甲</b>矿业有限公司", "91430421MA4L63E3FH", "界牌镇");
    private static final DrawTarget B = new DrawTarget("2", "衡阳县乙采石场", "92430421MA4LXJB6MH", "井头镇");
    private static final DrawTarget C = new DrawTarget("3", "衡阳县丙建设有限公司", "91430421MA4L548D1X", "界牌镇");

    private static <T> T fake(Class<T> type, Map<String, Object> answers) {
        return type.cast(Proxy.newProxyInstance(SpotCheckPagesTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, a) -> {
                    if (answers.containsKey(m.getName())) {
                        Object x = answers.get(m.getName());
                        return x instanceof java.util.function.Function<?, ?> f
                                ? ((java.util.function.Function<Object, Object>) f).apply(a[0]) : x;
                    }
                    if (m.getReturnType() == boolean.class) {
                        return false;
                    }
                    return m.getReturnType() == int.class ? 0 : null;
                }));
    }

    private static DisclosureItem item(long id, String publicId, ItemStatus status) {
        return new DisclosureItem(id, publicId, ItemType.DECISION, 100 + id, "衡国土资检〔2026〕" + id + "号", "inspection",
                "行政检查", "检查结果", "某公司", false, false, LocalDate.parse("2026-11-20"), LocalDate.parse("2026-12-18"),
                status, 1, "", List.of(), List.of(), false, "leader", Instant.EPOCH, "leader",
                status == ItemStatus.PENDING ? null : Instant.EPOCH, null, null, null, null, null, null, false, false);
    }

    private static InspectionOutcome outcome(DrawTarget t, Long itemId, LocalDate publishedOn) {
        return new InspectionOutcome(5, Long.parseLong(t.id()), t.name(), 100L + itemId, "衡国土资检〔2026〕" + itemId + "号",
                "result", LocalDate.parse("2026-11-20"), InspectionOutcome.Finding.RECTIFY, "未按方案开采",
                LocalDate.parse("2026-12-18"), itemId, publishedOn, null);
    }

    @Test
    void onlyPublishedResultsAreShown() throws Exception {
        DrawInspector i1 = new DrawInspector("1", "王建国", "西渡镇");
        DrawInspector i2 = new DrawInspector("3", "张伟", "井头镇");
        DrawResult result = new DrawResult(List.of(new DrawResult.Assignment(A, List.of(i1, i2)),
                new DrawResult.Assignment(B, List.of(i2, i1)), new DrawResult.Assignment(C, List.of(i1, i2))), List.of());
        Draw draw = new Draw(5, 2, 1, null, null, Draw.SeedMode.PUBLIC_SOURCES,
                List.of(new SeedSource("双色球红球", List.of("3", "8"), false)), Instant.EPOCH, "leader", Draw.Status.DRAWN,
                "rfc3797-sha256/1", "3.8./", "a".repeat(64), "b".repeat(64), "c".repeat(64), 40, 3, Instant.EPOCH,
                "leader", 49L, result);
        Plan plan = new Plan(2, "抽查〔2026〕2号", "2026 年采矿权人抽查", 7, "采矿权人勘查开采活动检查", true,
                TargetFilter.any(), new BigDecimal("0.1"), null, "每年一次", LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-12-31"), 2, false, Instant.EPOCH, "leader");
        SpotCheckService service = fake(SpotCheckService.class, Map.of("draw", Optional.of(draw), "plan", Optional.of(plan),
                "draws", List.of(draw), "outcomes", List.of(
                        outcome(A, 11L, LocalDate.parse("2026-11-25")),     // published
                        outcome(B, 12L, null),                              // waiting for approval
                        outcome(C, 13L, LocalDate.parse("2026-11-24")))));  // published, then withdrawn
        DisclosureService disclosure = fake(DisclosureService.class, Map.of("item", (java.util.function.Function<Object, Object>) id ->
                Optional.of((Long) id == 11L ? item(11, "Pub11abcdef", ItemStatus.PUBLISHED)
                        : (Long) id == 12L ? item(12, "Pub12abcdef", ItemStatus.PENDING)
                        : item(13, "Pub13abcdef", ItemStatus.WITHDRAWN))));
        PublicFrame frame = new PublicFrame() {
            @Override public Map<String, String> headers() {
                return Map.of("Content-Security-Policy", "default-src 'none'");
            }
            @Override public void open(PrintWriter w, Locale locale, String title, String current) {
                w.println("<main>");
            }
            @Override public void close(PrintWriter w, Locale locale) {
                w.println("</main>");
            }
        };
        SpotCheckPages pages = new SpotCheckPages(service, frame);
        pages.disclosure = disclosure;

        StringWriter body = new StringWriter();
        int[] status = {0};
        HttpServletRequest req = fake(HttpServletRequest.class, Map.of("getPathInfo", "/draws/5",
                "getRequestURI", "/gongshi/spotcheck/draws/5"));
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    if (m.getName().equals("setStatus")) {
                        status[0] = (Integer) a[0];
                    }
                    return m.getName().equals("getWriter") ? new PrintWriter(body) : null;
                });
        pages.doGet(req, resp);

        assertEquals(200, status[0]);
        String page = body.toString();
        assertTrue(page.contains("衡阳县&lt;b&gt;甲&lt;/b&gt;矿业有限公司") && !page.contains("<b>甲"), page);
        String results = page.substring(page.indexOf("id=\"results-h\""));
        assertTrue(results.contains("/gongshi/decisions/Pub11abcdef") && results.contains("责令整改"), results);
        assertFalse(results.contains("Pub12") || results.contains("乙采石场"), "a result waiting for approval: " + results);
        assertFalse(results.contains("Pub13") || results.contains("丙建设"), "a withdrawn result: " + results);
        assertFalse(page.contains("衡国土资检〔2026〕12号") || page.contains("未按方案开采"), page);
    }
}
