package org.zhifa.itests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** What the random-inspection ITs share: a published 随机抽查事项清单, plans and draws made through the shell. */
public final class SpotChecks {
    /** The item every IT plan draws for; in the default 随机抽查事项清单 too. */
    public static final String ITEM = "采矿权人勘查开采活动检查";
    /** The header of a target import (CSV). */
    public static final String HEADER = "名称,统一社会信用代码,类型,所属区域,风险等级,标签\n";

    private SpotChecks() {}

    /**
     * The id of a published 随机抽查事项清单 in force that lists {@link #ITEM}: the bureau's, or one published
     * now through the catalogue API (drafted by officer, reviewed by reviewer, published by leader).
     */
    public static synchronized long inspectionsCatalogue(Bureau bureau) {
        HttpResponse<String> inForce = bureau.get("/api/v1/catalogues/in-force?type=INSPECTIONS", "officer");
        if (inForce.statusCode() == 200 && inForce.body().contains(ITEM)) {
            return Json.parse(inForce.body()).get("id").asLong();
        }
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String item = Json.write(Map.of("subject", "衡阳县自然资源局", "name", ITEM, "basis", "《中华人民共和国矿产资源法》",
                "target", "本行政区域内持有采矿许可证的采矿权人", "content", "是否越界开采", "ratio", "不低于 10%",
                "method", "双随机抽查，实地核查", "frequency", "每年 1 次"));
        JsonNode draft = ok(bureau.send("POST", "/api/v1/catalogues", "officer",
                "{\"type\":\"INSPECTIONS\",\"effectiveFrom\":\"" + today + "\",\"items\":[" + item + "]}"), 201);
        long id = draft.get("id").asLong();
        ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/submit", "officer", "{}"), 200);
        ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/review", "reviewer", "{\"passed\":true}"), 200);
        ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/publish", "leader", "{}"), 200);
        return id;
    }

    /** A plan drawing {@code count} of the targets tagged {@code tag}, made by the leader in the shell; its id. */
    public static long plan(Bureau bureau, String title, String tag, int count) {
        inspectionsCatalogue(bureau);
        Bureau.Shell r = bureau.client("leader", "leader", "zhifa:spotcheck-plan-add --item " + ITEM + " --tag " + tag
                + " --count " + count + " '" + title + "'");
        assertEquals(0, r.exit(), r.output());
        return number(r.output(), "已创建抽查计划 (\\d+)");
    }

    /** The first group of {@code regex} in a command's output, as a number. */
    public static long number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        assertTrue(m.find(), regex + " in:\n" + output);
        return Long.parseLong(m.group(1));
    }

    private static JsonNode ok(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return Json.parse(r.body());
    }
}
