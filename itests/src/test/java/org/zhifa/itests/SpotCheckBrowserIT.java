package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.zhifa.itests.support.Browser;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 双随机、一公开 in a real browser against the built bureau (S1–S3): a 负责人 imports targets (a bad file lists
 * its line errors and stores nothing), creates a plan from a published 随机抽查事项清单 item, announces and makes
 * a draw whose result shows with its record entry, verifies it, redraws with a reason and sees the first draw
 * superseded; an officer sees the draws but cannot announce; markup in a target's name stays text.
 */
class SpotCheckBrowserIT {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String HEADER = "名称,统一社会信用代码,类型,所属区域,风险等级,标签\n";
    private final Bureau bureau = Bureau.shared();
    private final String tag = "sc" + System.nanoTime() % 1_000_000;
    private final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    private Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser();
    }

    @AfterEach
    void close() {
        browser.close();
    }

    private JsonNode ok(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        return Json.parse(r.body());
    }

    /** A 随机抽查事项清单 version with one item, drafted, reviewed by another and published over REST. */
    private JsonNode publishedInspectionList(String item) {
        String values = Json.write(Map.of("subject", "衡阳县自然资源局", "name", item,
                "basis", "《中华人民共和国土地管理法》第六十七条", "target", "辖区内用地单位和个人",
                "content", "用地是否依法批准", "ratio", "不低于 5%", "method", "双随机抽查，现场核查",
                "frequency", "每年 1 次"));
        JsonNode draft = ok(bureau.send("POST", "/api/v1/catalogues", "officer", "{\"type\":\"INSPECTIONS\","
                + "\"effectiveFrom\":\"" + today + "\",\"note\":\"抽查测试\",\"items\":[" + values + "]}"), 201);
        long id = draft.get("id").asLong();
        ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/submit", "officer", "{}"), 200);
        ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/review", "reviewer",
                "{\"passed\":true,\"opinion\":\"符合双随机要求\"}"), 200);
        return ok(bureau.send("POST", "/api/v1/catalogues/" + id + "/publish", "leader", "{}"), 200);
    }

    private void openView(String user, String view) {
        browser.login(bureau, user);
        browser.driver.get(bureau.url("/console/#!" + view));
    }

    /** textContent: the element may be out of sight, where getText() reads nothing. */
    private String text(String id) {
        return browser.driver.findElement(By.id(id)).getAttribute("textContent");
    }

    private void waitForText(String id, String text) {
        browser.awaitText(id, text, LIMIT);
    }

    private WebElement visible(String id) {
        return browser.visible(id);
    }

    private void click(String id) {
        visible(id).click();
    }

    private void clickRow(String gridId, String text) {
        By cell = By.xpath("//div[@id='" + gridId + "']//td[contains(normalize-space(.), '" + text + "')]");
        browser.waiting(LIMIT).until(ExpectedConditions.elementToBeClickable(cell)).click();
    }

    private void upload(Path file) {
        WebElement input = browser.waiting(LIMIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#sc-target-upload input[type=file]")));
        input.sendKeys(file.toAbsolutePath().toString());
    }

    @Test
    void aLeaderImportsPlansDrawsVerifiesAndRedraws() throws IOException {
        String item = "土地利用情况随机抽查" + tag;
        JsonNode list = publishedInspectionList(item);
        String marked = "<b>衡阳某某砂石场" + tag + "</b>";
        Path dir = Files.createTempDirectory("zhifa-spotcheck");
        Path bad = dir.resolve("bad-" + tag + ".csv");
        Files.writeString(bad, HEADER + "李某某" + tag + ",,自然人,甲镇,低," + tag + "\n"
                + "坏代码公司" + tag + ",91430421MA4L000010,企业,甲镇,高," + tag + "\n"
                + "无类型" + tag + ",,公司,甲镇,高," + tag + "\n", StandardCharsets.UTF_8);
        Path good = dir.resolve("good-" + tag + ".csv");
        int codes = Integer.parseInt(tag.substring(2)) * 3;
        Files.writeString(good, HEADER + marked + "," + Cases.creditCode(codes) + ",企业,甲镇,低," + tag + "\n"
                + "衡阳李某某建材厂" + tag + "," + Cases.creditCode(codes + 1) + ",个体工商户,乙镇,中," + tag + "\n"
                + "衡阳赵某某矿业有限公司" + tag + "," + Cases.creditCode(codes + 2) + ",企业,丙镇,高," + tag + "、采矿\n",
                StandardCharsets.UTF_8);

        // --- 检查对象名录库: a bad file lists its line errors and imports nothing
        openView("leader", "spotcheck-targets");
        browser.id("sc-targets");
        browser.type(visible("sc-target-tag"), tag);
        waitForText("sc-target-count", "共 0 个");
        upload(bad);
        waitForText("sc-target-import-result", "未导入任何数据");
        browser.awaitError("未导入任何数据");
        waitForText("sc-target-import-errors", "统一社会信用代码 91430421MA4L000010 不正确");
        waitForText("sc-target-import-errors", "类型“公司”无法识别");
        String errors = text("sc-target-import-errors");
        assertTrue(errors.contains("3") && errors.contains("4"), "line numbers 3 and 4: " + errors);
        browser.screenshot("spotcheck-import-refused");
        browser.dismissNotifications();

        // every row of the bad file carries the tag: had any been stored, there would be more than 3 now
        upload(good);
        waitForText("sc-target-import-result", "新增 3 个");
        waitForText("sc-target-count", "共 3 个");
        waitForText("sc-target-grid", marked);
        assertTrue(browser.driver.findElements(By.cssSelector("#sc-target-grid b")).isEmpty(), "markup stays text");
        browser.screenshot("spotcheck-targets");
        browser.dismissNotifications();

        // --- 检查人员名录库: a conflict of interest declared, then ended with a reason
        browser.driver.get(bureau.url("/console/#!spotcheck-inspectors"));
        waitForText("sc-insp-count", "名执法检查人员");
        String inspector = browser.await(By.cssSelector("#sc-insp-grid .v-grid-body tr td:nth-child(2)")).getText();
        visible("sc-conflict-officer");
        browser.search("sc-conflict-officer", inspector, inspector);
        String related = "衡阳李某某建材厂" + tag;
        visible("sc-conflict-target");
        browser.search("sc-conflict-target", related, related);
        browser.type(visible("sc-conflict-reason"), "配偶在该厂任职" + tag);
        click("sc-conflict-declare");
        waitForText("sc-conflict-grid", "配偶在该厂任职" + tag);
        clickRow("sc-conflict-grid", "配偶在该厂任职" + tag);
        click("sc-conflict-end");
        browser.type(visible("sc-conflict-end-reason"), "配偶已离职" + tag);
        click("sc-conflict-end-save");
        waitForText("sc-conflict-grid", "解除：配偶已离职" + tag);
        browser.screenshot("spotcheck-conflicts");
        browser.dismissNotifications();

        // --- 抽查计划: the service's refusal shows; then a plan of 2 of the 3 targets
        browser.driver.get(bureau.url("/console/#!spotcheck-plans"));
        browser.id("sc-plans");
        click("sc-plan-new");
        String version = "第 " + list.get("number").asInt() + " 版（" + today + " 起施行，"
                + (list.get("inForce").asBoolean() ? "现行" : "非现行") + "）";
        browser.choose("sc-pf-version", version);
        browser.choose("sc-pf-item", item);
        String title = "抽查计划" + tag;
        browser.type(visible("sc-pf-title"), title);
        browser.type(visible("sc-pf-tags"), tag);
        click("sc-pf-save");
        browser.awaitError("只填一项");
        waitForText("sc-pf-error", "只填一项");
        browser.dismissNotifications();
        browser.type(visible("sc-pf-count"), "2");
        click("sc-pf-save");
        browser.gone(By.id("sc-pf-window"), LIMIT);
        waitForText("sc-plan-grid", title);
        waitForText("sc-plan-grid", "每年 1 次");
        browser.dismissNotifications();

        // --- the new plan is selected; announce with a public source, then draw: the result comes with its
        // record entry
        waitForText("sc-draws-title", title);
        click("sc-draw-announce");
        String source = "2026-12-01 福利彩票“双色球”开奖号码 " + tag;
        browser.type(visible("sc-an-label"), source);
        click("sc-an-add");
        waitForText("sc-an-list", source);
        click("sc-an-save");
        browser.gone(By.id("sc-an-window"), LIMIT);
        waitForText("sc-draw-grid", "已公告，待抽取");
        assertTrue(browser.driver.findElements(By.id("sc-draw-detail")).isEmpty(), "no result before the draw");
        click("sc-draw-make");
        waitForText("sc-mk-window", source);
        browser.type(visible("sc-mk-value-0"), "3 7 12 19 25 33 9");
        click("sc-mk-save");
        browser.gone(By.id("sc-mk-window"), LIMIT);
        waitForText("sc-draw-seq", "已写入全过程记录第");
        Matcher seq = Pattern.compile("记录第 (\\d+) 条").matcher(text("sc-draw-seq"));
        assertTrue(seq.find(), text("sc-draw-seq"));
        waitForText("sc-draw-grid", seq.group(1));
        assertTrue(text("sc-draw-key").contains("rfc3797"), text("sc-draw-key"));
        assertTrue(Pattern.compile("[0-9a-f]{64}").matcher(text("sc-draw-hashes")).find(), text("sc-draw-hashes"));
        assertTrue(text("sc-draw-hashes").contains("3 个中抽取 2 个"), text("sc-draw-hashes"));
        assertEquals(2, browser.driver.findElements(By.cssSelector("#sc-draw-result .v-grid-body tr")).size(),
                text("sc-draw-result"));
        assertTrue(browser.driver.findElements(By.cssSelector("#sc-draw-result b")).isEmpty(), "markup stays text");
        browser.screenshot("spotcheck-drawn");

        click("sc-draw-verify");
        waitForText("sc-draw-verify-result", "核验通过");
        browser.dismissNotifications();

        // --- a redraw needs its reason, supersedes the first draw, and both stay visible
        click("sc-draw-redraw");
        click("sc-an-save");
        browser.awaitError("请填写理由");
        browser.dismissNotifications();
        String reason = "检查人员调离执法岗位" + tag;
        browser.type(visible("sc-an-reason"), reason);
        visible("sc-an-mode").findElement(By.xpath(".//label[normalize-space(.)='安全随机数']")).click();
        click("sc-an-save");
        browser.gone(By.id("sc-an-window"), LIMIT);
        waitForText("sc-draw-grid", "已公告第 2 轮重抽");
        click("sc-draw-make");
        click("sc-mk-save");
        browser.gone(By.id("sc-mk-window"), LIMIT);
        waitForText("sc-draw-seq", "第 2 轮抽取已写入全过程记录");
        waitForText("sc-draw-grid", "已被重抽取代");
        waitForText("sc-draw-grid", "已被第 2 轮取代，理由：" + reason);
        waitForText("sc-draw-grid", "重抽第 1 轮，理由：" + reason);
        browser.screenshot("spotcheck-redrawn");
        browser.dismissNotifications();

        // --- each drawn target has its inspection case (its inspectors share a category), linked to the case page
        visible("sc-draw-file");
        By links = By.cssSelector("#sc-outcome-grid a[href*='#!cases/']");
        browser.waiting(LIMIT).until(d -> d.findElements(links).size() == 2);
        String outcomes = text("sc-outcome-grid");
        assertEquals(2, outcomes.split(tag, -1).length - 1, "both drawn targets: " + outcomes);
        browser.screenshot("spotcheck-outcomes");
        WebElement first = browser.driver.findElements(links).get(0);
        String caseNumber = first.getAttribute("textContent");
        assertTrue(caseNumber.contains("检"), caseNumber);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", first);
        first.click();
        waitForText("case-number", caseNumber);
        browser.screenshot("spotcheck-case");
        browser.logout();

        // --- an officer sees the plan and its draws but cannot announce or redraw
        openView("officer", "spotcheck-plans");
        clickRow("sc-plan-grid", title);
        waitForText("sc-draw-grid", "已被重抽取代");
        for (String button : new String[] {"sc-draw-announce", "sc-plan-new"}) {
            assertTrue(visible(button).getAttribute("class").contains("v-disabled"), button + " is disabled");
        }
        waitForText("sc-draw-not-allowed", "只有负责人");
        clickRow("sc-draw-grid", "已抽取");
        waitForText("sc-draw-seq", "第 2 轮");
        assertTrue(visible("sc-draw-redraw").getAttribute("class").contains("v-disabled"), "no redraw");
        browser.driver.get(bureau.url("/console/#!spotcheck-targets"));
        waitForText("sc-target-count", "个检查对象");
        assertTrue(browser.driver.findElements(By.id("sc-target-upload")).isEmpty(), "an officer does not import");
        browser.screenshot("spotcheck-officer");
    }
}
