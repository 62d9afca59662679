package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.SpotChecks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public pages of 双随机、一公开 (S3, S4) over real HTTP without a login: linked from the site's navigation,
 * a plan, its draw while announced (sources only) and once made (values, key, algorithm, hashes, result,
 * record entry, how to re-run it, draw.json), markup in a target's name inert, path tricks 404, and no result
 * that disclosure has not published.
 */
class SpotCheckPublicIT {
    private final Bureau bureau = Bureau.shared();
    private final String tag = "pubit" + Long.toString(System.nanoTime(), 36);
    private static final String EVIL = "衡阳县<script>alert(1)</script><img src=x onerror=alert(2)>矿业有限公司";

    private HttpResponse<String> page(String path) {
        HttpResponse<String> r = bureau.get(path, null);
        assertEquals(200, r.statusCode(), path + "\n" + r.body());
        String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && !csp.contains("script-src"), path + ": " + csp);
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        assertFalse(r.body().contains("<script"), path + " runs nothing:\n" + r.body());
        return r;
    }

    private String shell(String command) {
        Bureau.Shell r = bureau.client("leader", "leader", command);
        assertEquals(0, r.exit(), command + "\n" + r.output());
        return r.output();
    }

    @Test
    void plansAndDrawsArePublicWithHowToReRunThem() throws Exception {
        Path csv = bureau.home.resolve("data/spotcheck-it/public.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, SpotChecks.HEADER
                + EVIL + ",91430421MA4U00001H,企业,西渡镇,高," + tag + "\n"
                + "衡阳县青山采石场,91430421MA4U00002L,企业,集兵镇,中," + tag + "\n"
                + "衡阳县恒通建设工程有限公司,91430421MA4U00003P,企业,井头镇,低," + tag + "\n", StandardCharsets.UTF_8);
        shell("zhifa:spotcheck-import data/spotcheck-it/public.csv");
        String title = "2026 年采矿权人随机抽查<b>（公示 IT）</b>";
        long plan = SpotChecks.plan(bureau, title, tag, 3);

        // the site's navigation leads here; the index lists the plan, escaped
        String home = page("/gongshi/").body();
        assertTrue(home.contains("href=\"/gongshi/spotcheck/\"") && home.contains("双随机抽查"), home);
        String index = page("/gongshi/spotcheck/").body();
        assertTrue(index.contains("2026 年采矿权人随机抽查&lt;b&gt;（公示 IT）&lt;/b&gt;"), index);
        assertTrue(index.contains("href=\"/gongshi/spotcheck/plans/" + plan + "\""), index);
        assertTrue(index.contains("aria-current=\"page\" id=\"nav-spotcheck\""), index);
        String planPage = page("/gongshi/spotcheck/plans/" + plan).body();
        assertTrue(planPage.contains(SpotChecks.ITEM) && planPage.contains("标签：" + tag) && planPage.contains("3 个"),
                planPage);
        assertTrue(planPage.contains("本计划尚未公告抽取"), planPage);

        // announced: the sources, no values, no key, no result, no draw file yet
        long draw = SpotChecks.number(shell("zhifa:draw-announce --unordered 1 " + plan
                + " '2026-12-01 福利彩票双色球红球' '2026-12-01 福利彩票3D'"), "已公告抽取 (\\d+)");
        String announced = page("/gongshi/spotcheck/draws/" + draw).body();
        assertTrue(announced.contains("已公告，待抽取") && announced.contains("2026-12-01 福利彩票双色球红球")
                && announced.contains("2026-12-01 福利彩票3D"), announced);
        assertFalse(announced.contains("id=\"draw-key\"") || announced.contains("id=\"result\"")
                || announced.contains("draw.json"), announced);
        assertEquals(404, bureau.get("/gongshi/spotcheck/draws/" + draw + "/draw.json", null).statusCode());
        assertTrue(page("/gongshi/spotcheck/plans/" + plan).body().contains("/gongshi/spotcheck/draws/" + draw));

        // made: values, key, algorithm, hashes, the record entry, the result, how to re-run it
        String made = shell("zhifa:draw-make " + draw + " '19,3,12,8,25,31' '826'");
        long seq = SpotChecks.number(made, "全过程记录第 (\\d+) 条");
        String shown = shell("zhifa:draw-show " + draw);
        String drawn = page("/gongshi/spotcheck/draws/" + draw).body();
        assertTrue(drawn.contains("已抽取") && drawn.contains("19 3 12 8 25 31") && drawn.contains("826"), drawn);
        assertTrue(drawn.contains("3.8.12.19.25.31./826./") && drawn.contains("rfc3797-sha256/1"), drawn);
        Matcher hash = Pattern.compile("SHA-256[^:]*: ([0-9a-f]{64})").matcher(shown);
        int hashes = 0;
        while (hash.find()) {
            assertTrue(drawn.contains(hash.group(1)), hash.group(1) + " on the page");
            hashes++;
        }
        assertEquals(3, hashes, shown);
        assertTrue(drawn.contains("第 " + seq + " 条"), drawn);
        assertTrue(drawn.contains("衡阳县青山采石场") && drawn.contains("91430421MA4U00002L")
                && drawn.contains("91430421MA4U00003P"), drawn);
        // markup in a target's name is shown as text, never run
        assertTrue(drawn.contains("衡阳县&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;矿业有限公司"),
                drawn);
        assertFalse(drawn.contains("<img src=x"), drawn);
        // the inspectors' names as drawn
        Matcher inspectors = Pattern.compile("\\| ([^|(]+) \\(\\d+\\)、([^|(]+) \\(\\d+\\)").matcher(shown);
        assertTrue(inspectors.find(), shown);
        assertTrue(drawn.contains(inspectors.group(1).strip()) && drawn.contains(inspectors.group(2).strip()), drawn);
        assertTrue(drawn.contains("java -jar zhifa-verify.jar draw.json")
                && drawn.contains("href=\"/gongshi/spotcheck/draws/" + draw + "/draw.json\"")
                && drawn.contains("https://www.rfc-editor.org/rfc/rfc3797"), drawn);

        HttpResponse<String> file = bureau.get("/gongshi/spotcheck/draws/" + draw + "/draw.json", null);
        assertEquals(200, file.statusCode(), file.body());
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains("draw.json"));
        JsonNode json = Json.parse(file.body());
        assertTrue(json.toString().contains("3.8.12.19.25.31./826./"), json.toString());

        // a redraw is visible with its reason, both ways
        long second = SpotChecks.number(shell("zhifa:draw-announce --redraw " + draw
                + " --reason '检查对象<i>已注销</i>' --random"), "已公告抽取 (\\d+)");
        shell("zhifa:draw-make " + second);
        String old = page("/gongshi/spotcheck/draws/" + draw).body();
        assertTrue(old.contains("已被重新抽取取代") && old.contains("/gongshi/spotcheck/draws/" + second)
                && old.contains("检查对象&lt;i&gt;已注销&lt;/i&gt;"), old);
        String redrawn = page("/gongshi/spotcheck/draws/" + second).body();
        assertTrue(redrawn.contains("本次为重新抽取") && redrawn.contains("安全随机数"), redrawn);

        // the drawn targets' inspection cases (where the case engine could open one) have no published result:
        // no result, and no case's number, is shown
        for (long d : new long[] {draw, second}) {
            String outcomes = shell("zhifa:draw-outcomes " + d);
            String results = page("/gongshi/spotcheck/draws/" + d).body();
            assertTrue(results.contains("尚无已公示的检查结果"), results);
            Matcher caseNo = Pattern.compile("\\S+〔\\d{4}〕\\d+号").matcher(outcomes);
            while (caseNo.find()) {
                assertFalse(results.contains(caseNo.group()), caseNo.group() + " on the page");
            }
        }
    }

    @Test
    void unknownIdsAndPathTricksAreNotFound() {
        for (String path : List.of("/gongshi/spotcheck/draws/999999999", "/gongshi/spotcheck/plans/999999999",
                "/gongshi/spotcheck/draws/999999999/draw.json", "/gongshi/spotcheck/draws/abc",
                "/gongshi/spotcheck/draws/0", "/gongshi/spotcheck/draws/1%2F..%2F..%2Fetc%2Fusers.properties",
                "/gongshi/spotcheck/%2e%2e/record", "/gongshi/spotcheck/plans/1;jsessionid=x",
                "/gongshi/spotcheck/nothing-here")) {
            HttpResponse<String> r = bureau.get(path, null);
            assertEquals(404, r.statusCode(), path);
            assertFalse(r.body().contains("admingroup") || r.body().contains("Exception"), path);
        }
        // a NUL never gets this far: the server refuses it itself
        HttpResponse<String> nul = bureau.get("/gongshi/spotcheck/draws/1/draw.json%00", null);
        assertTrue(nul.statusCode() == 400 || nul.statusCode() == 404, nul.statusCode() + " " + nul.body());
    }
}
