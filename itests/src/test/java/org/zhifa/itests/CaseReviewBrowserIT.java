package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.zhifa.itests.support.Browser;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;

import com.fasterxml.jackson.databind.JsonNode;

/** The 统计 chart shows what the REST statistics say, with Chinese labels; a reviewer scores a case file in 案卷评查. */
class CaseReviewBrowserIT {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);
    private Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser();
    }

    @AfterEach
    void close() {
        browser.close();
    }

    /** key → count of the bars of one chart, as the page shows them. */
    private Map<String, Long> bars(String chartId) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (WebElement g : browser.id(chartId).findElements(By.cssSelector("g.bar"))) {
            // SVG text has no rendered innerText for WebDriver: read its text content
            long shown = Long.parseLong(g.findElement(By.cssSelector("text.value")).getAttribute("textContent").strip());
            assertEquals(Long.parseLong(g.getAttribute("data-count")), shown, "the visible number is the bar's value");
            out.put(g.getAttribute("data-key"), shown);
        }
        return out;
    }

    private static Map<String, Long> counts(JsonNode list) {
        Map<String, Long> out = new LinkedHashMap<>();
        list.forEach(c -> out.put(c.get("key").asText(), c.get("count").asLong()));
        return out;
    }

    @Test
    void theStatisticsChartShowsTheRestNumbersWithChineseLabels() {
        int year = LocalDate.now().getYear();
        JsonNode rest = Json.parse(bureau.get("/api/v1/statistics?year=" + year, "officer").body());
        assertTrue(rest.get("total").asLong() > 0, "the demo bureau has cases: " + rest);
        browser.login(bureau, "officer");
        browser.driver.get(bureau.url("/console/#!statistics"));
        browser.id("statistics-view");
        assertEquals(counts(rest.get("byKind")), bars("stats-by-kind"));
        assertEquals(counts(rest.get("byStep")), bars("stats-by-step"));
        assertEquals(counts(rest.get("byOfficer")), bars("stats-by-officer"));
        assertEquals(counts(rest.get("filedByMonth")), bars("stats-filed-by-month"));
        assertEquals(counts(rest.get("closedByMonth")), bars("stats-closed-by-month"));
        String page = browser.id("statistics-view").getText();
        assertTrue(page.contains("按执法类别") && page.contains("按当前环节") && page.contains("按月结案"), page);
        assertTrue(page.contains("行政处罚"), page);
        assertTrue(browser.id("stats-summary").getText().contains("案件 " + rest.get("total").asLong() + " 件"),
                browser.id("stats-summary").getText());
        assertTrue(browser.id("stats-csv").isDisplayed());
        browser.screenshot("statistics");
    }

    @Test
    void aReviewerScoresACaseFileInTheConsole() {
        // a closed case and a round, made over REST
        List<Long> officers = List.of(cases.validOfficer("控评甲"), cases.validOfficer("控评乙"));
        JsonNode c = cases.filed("officer", Cases.penalty("控制台评查占地案", Cases.person("控评"), officers, false));
        long caseId = c.get("id").asLong();
        cases.moved("leader", caseId, "withdrawFiling", Cases.fields("withdrawalReason", "违法事实不存在",
                "withdrawalNote", "经核查已取得批准"));
        String name = "控制台评查" + System.nanoTime();
        HttpResponse<String> created = bureau.send("POST", "/api/v1/casereview/rounds", "leader", Json.write(Map.of(
                "year", LocalDate.now().getYear(), "name", name, "reviewers", List.of(Map.of("user", "reviewer")))));
        assertEquals(201, created.statusCode(), created.body());
        long round = Json.parse(created.body()).get("id").asLong();
        assertEquals(200, bureau.send("POST", "/api/v1/casereview/rounds/" + round + "/assignments", "leader",
                Json.write(Map.of("assignments", List.of(Map.of("caseId", caseId, "reviewer", "reviewer"))))).statusCode());
        String number = cases.read(caseId).get("number").asText();

        browser.login(bureau, "reviewer");
        browser.driver.get(bureau.url("/console/#!casereview"));
        browser.await(By.xpath("//div[@id='cr-rounds']//td[normalize-space(.)='" + name + "']")).click();
        browser.await(By.xpath("//div[@id='cr-cases']//td[normalize-space(.)='" + number + "']")).click();
        browser.id("cr-score").click();
        browser.id("cr-score-window");
        // too much off a sub-item: refused, shown, the form stays
        browser.type(browser.id("cr-ded-H2"), "3");
        browser.type(browser.id("cr-reason-H2"), "目录不全");
        browser.id("cr-submit").click();
        assertTrue(browser.id("cr-score-error").getText().contains("最多扣 2 分"), browser.id("cr-score-error").getText());
        browser.dismissNotifications();
        browser.type(browser.id("cr-ded-H2"), "1.5");
        browser.type(browser.id("cr-ded-C3"), "2");
        browser.type(browser.id("cr-reason-C3"), "询问笔录未注明证据来源");
        browser.type(browser.id("cr-comment"), "文书须规范");
        browser.id("cr-submit").click();
        browser.gone(By.id("cr-score-window"), LIMIT);
        new WebDriverWait(browser.driver, LIMIT).ignoring(StaleElementReferenceException.class).until(d ->
                d.findElement(By.id("cr-cases")).getText().contains("96.5"));
        assertTrue(browser.id("cr-cases").getText().contains("优秀"), browser.id("cr-cases").getText());

        JsonNode results = Json.parse(bureau.get("/api/v1/casereview/rounds/" + round + "/cases/" + caseId + "/results",
                "officer").body()).get("items");
        assertEquals(1, results.size(), results.toString());
        assertEquals(96.5, results.get(0).get("total").asDouble());
        assertEquals("reviewer", results.get(0).get("reviewer").asText());
        assertEquals("文书须规范", results.get(0).get("comment").asText());
        assertEquals(2, results.get(0).get("deductions").size());
    }
}
