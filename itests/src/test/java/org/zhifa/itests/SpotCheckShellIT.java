package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.SpotChecks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 双随机、一公开 through the bureau's real shell (P5, S1–S3): the target import (all rows or none, bad rows by line,
 * non-zero exit), the pools, a plan, a draw announced with public sources and made with their values, shown,
 * re-run by zhifa:draw-verify, its draw file, a reasoned redraw; refusals exit non-zero in both languages.
 */
class SpotCheckShellIT {
    private final Bureau bureau = Bureau.shared();
    private final String tag = "shellit" + Long.toString(System.nanoTime(), 36);

    private Path file(String name, String text, Charset charset) throws Exception {
        Path f = bureau.home.resolve("data/spotcheck-it/" + name);
        Files.createDirectories(f.getParent());
        Files.write(f, text.getBytes(charset));
        return f;
    }

    private String ok(String user, String command) {
        Bureau.Shell r = bureau.client(user, user, command);
        assertEquals(0, r.exit(), command + "\n" + r.output());
        return r.output();
    }

    private String refused(String user, String command, String... expected) {
        Bureau.Shell r = bureau.client(user, user, command);
        assertNotEquals(0, r.exit(), command + "\n" + r.output());
        for (String e : expected) {
            assertTrue(r.output().contains(e), command + ": " + e + " in\n" + r.output());
        }
        return r.output();
    }

    @Test
    void targetsArePooledPlannedDrawnShownVerifiedAndRedrawn() throws Exception {
        // a bad file: every bad row by line, non-zero exit, nothing imported
        String bad = SpotChecks.HEADER
                + "衡阳县金源矿业有限公司,91430421MA4T00001Y,企业,西渡镇,高," + tag + "\n"
                + "衡阳县某采石场,91430421MA4T000023,企业,集兵镇,中," + tag + "\n"          // wrong check character
                + "衡阳县某建筑公司,91430421MA4T000035,工厂,井头镇,低," + tag + "\n";        // unknown type
        Path badFile = file("bad.csv", bad, StandardCharsets.UTF_8);
        refused("leader", "zhifa:spotcheck-import data/spotcheck-it/bad.csv", "第 3 行", "line 3", "第 4 行", "line 4",
                "未导入任何数据", "nothing was imported");
        assertFalse(ok("reviewer", "zhifa:spotcheck-targets --tag " + tag).contains("金源矿业"), "nothing half-imported");
        refused("leader", "zhifa:spotcheck-import data/spotcheck-it/none.csv", "找不到导入文件");
        assertTrue(Files.exists(badFile));

        // a good GBK file, imported by the leader (an officer may not)
        String good = SpotChecks.HEADER
                + "衡阳县金源矿业有限公司,91430421MA4T00001Y,企业,西渡镇,高," + tag + ";采矿\n"
                + "衡阳县石峰采石场,91430421MA4T000022,企业,集兵镇,中," + tag + ";采石\n"
                + "衡阳县宏达建筑工程有限公司,91430421MA4T000035,企业,井头镇,低," + tag + ";在建工程\n"
                + "衡阳县演陂镇个体采砂点,92430421MA4T000045,个体工商户,演陂镇,中," + tag + "\n"
                + "衡阳县国土测绘院,12430421MA4T00005G,事业单位,西渡镇,低," + tag + "\n"
                + "衡阳县兴旺置业有限公司,91430421MA4T00006E,企业,界牌镇,高," + tag + "\n";
        file("good.csv", good, Charset.forName("GBK"));
        refused("reviewer", "zhifa:spotcheck-import data/spotcheck-it/good.csv", "FORBIDDEN_ROLE");
        String imported = ok("leader", "zhifa:spotcheck-import data/spotcheck-it/good.csv");
        assertTrue(imported.contains("GBK"), imported);

        String list = ok("reviewer", "zhifa:spotcheck-targets --tag " + tag);
        assertTrue(list.contains("衡阳县金源矿业有限公司") && list.contains("91430421MA4T00006E"), list);
        assertTrue(list.contains("共 6 项"), list);
        String high = ok("reviewer", "zhifa:spotcheck-targets --tag " + tag + " --risk 高 --type ENTERPRISE");
        assertTrue(high.contains("共 2 项") && high.contains("兴旺置业") && !high.contains("石峰采石场"), high);
        refused("reviewer", "zhifa:spotcheck-targets --risk 很高", "很高", "LOW, MEDIUM or HIGH");

        String inspectors = ok("reviewer", "zhifa:spotcheck-inspectors");
        assertTrue(inspectors.contains("王建国"), inspectors);

        // a plan (only a 负责人 or 管理员; the demo officer has no shell at all), then its draw announced before the sources' values exist
        SpotChecks.inspectionsCatalogue(bureau);
        refused("reviewer", "zhifa:spotcheck-plan-add --item " + SpotChecks.ITEM + " --tag " + tag
                + " --count 2 'IT 计划'", "FORBIDDEN_ROLE");
        long plan = SpotChecks.plan(bureau, "2026 年采矿权人双随机抽查（shell IT）", tag, 3);
        String plans = ok("reviewer", "zhifa:spotcheck-plans");
        assertTrue(plans.contains("2026 年采矿权人双随机抽查（shell IT）") && plans.contains("标签：" + tag), plans);

        refused("reviewer", "zhifa:draw-announce " + plan + " 'A 来源'", "FORBIDDEN_ROLE");
        refused("leader", "zhifa:draw-announce " + plan, "--random");
        String announced = ok("leader", "zhifa:draw-announce --unordered 1 " + plan
                + " '2026-12-01 福利彩票双色球红球' '2026-12-01 福利彩票3D'");
        long draw = SpotChecks.number(announced, "已公告抽取 (\\d+)");
        assertTrue(announced.contains("zhifa:draw-make " + draw), announced);
        refused("leader", "zhifa:draw-verify " + draw, "DRAW_NOT_MADE");
        refused("leader", "zhifa:draw-make " + draw + " '31,8,12,19,25,3'", "DRAW_VALUES_COUNT");

        // made with the values: the key is RFC 3797's (red balls sorted), the result recorded and shown
        String made = ok("leader", "zhifa:draw-make " + draw + " '31,08,12,19,25,3' '826'");
        assertTrue(made.contains("3.8.12.19.25.31./826./"), made);
        assertTrue(made.contains("从 6 个检查对象中抽取 3 个"), made);
        long seq = SpotChecks.number(made, "全过程记录第 (\\d+) 条");
        String shown = ok("reviewer", "zhifa:draw-show --file data/spotcheck-it/draw.json " + draw);
        assertTrue(shown.contains("rfc3797-sha256/1") && shown.contains(String.valueOf(seq)), shown);
        long drawnTargets = java.util.stream.Stream.of("金源矿业", "石峰采石场", "宏达建筑", "采砂点", "国土测绘院", "兴旺置业")
                .filter(shown::contains).count();
        assertEquals(3, drawnTargets, shown);
        JsonNode drawFile = Json.parse(Files.readString(bureau.home.resolve("data/spotcheck-it/draw.json")));
        assertTrue(drawFile.toString().contains("3.8.12.19.25.31./826./"), drawFile.toString());
        refused("leader", "zhifa:draw-make " + draw + " '1,2,3,4,5,6' '7'", "DRAW_");

        String verified = ok("reviewer", "zhifa:draw-verify " + draw);
        assertTrue(verified.contains("核验通过") && verified.contains("Verified"), verified);
        refused("reviewer", "zhifa:draw-verify x1", "抽取编号", "not a positive whole number");
        refused("reviewer", "zhifa:draw-verify 999999999", "DRAW_NOT_FOUND");

        // a redraw: a new announced draw with its reason; once made, the first is superseded, not deleted
        refused("leader", "zhifa:draw-announce --redraw " + draw + " --random", "REQUIRED");
        String redraw = ok("leader", "zhifa:draw-announce --redraw " + draw + " --reason '抽中的执法检查人员调离' --random");
        long second = SpotChecks.number(redraw, "已公告抽取 (\\d+)");
        assertTrue(redraw.contains("抽中的执法检查人员调离"), redraw);
        String remade = ok("leader", "zhifa:draw-make " + second);
        assertTrue(remade.contains("从 6 个检查对象中抽取 3 个"), remade);
        String old = ok("reviewer", "zhifa:draw-show " + draw);
        assertTrue(old.contains("已被重抽取代"), old);
        assertTrue(ok("reviewer", "zhifa:draw-verify " + second).contains("核验通过"));
        assertTrue(ok("reviewer", "zhifa:draw-verify " + draw).contains("核验通过"), "a superseded draw still re-runs");

        // each drawn target has its inspection case (S4), or says why the case engine could not open one yet
        String outcomes = ok("reviewer", "zhifa:draw-outcomes " + second);
        assertTrue(outcomes.contains("共 3 项"), outcomes);
        List<String> rows = outcomes.lines().filter(l -> l.matches("\\d+\\s+\\|.*")).toList();
        assertEquals(3, rows.size(), outcomes);
        rows.forEach(l -> assertTrue(l.matches(".*〔\\d{4}〕\\d+号 \\(\\d+\\).*") || l.contains(" / "), l));
        refused("reviewer", "zhifa:draw-outcomes 999999999", "DRAW_NOT_FOUND");
    }
}
