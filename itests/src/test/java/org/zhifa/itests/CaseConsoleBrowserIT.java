package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.zhifa.itests.support.Browser;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;

/**
 * A 行政处罚 case in the console from 立案 to 结案: filed by 执法人员 with two officers of the demo register,
 * every transition through the form its kind's field definitions generate, the decision by 负责人, a
 * refusal of the law shown in red without losing the form, and the documents listed by title and previewed.
 */
class CaseConsoleBrowserIT {
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

    private void openCase(long id) {
        browser.driver.get(bureau.url("/console/#!cases/" + id));
        browser.id("case-number");
    }

    private int events() {
        return browser.driver.findElements(By.cssSelector("#case-timeline .zhifa-event")).size();
    }

    private String text(String id) {
        return browser.id(id).getText();
    }

    private void fill(String field, String value) {
        browser.type(browser.id("field-" + field), value);
    }

    private void date(String field, LocalDate value) {
        WebElement input = browser.await(By.cssSelector("#field-" + field + " input"));
        browser.type(input, value.toString());
        input.sendKeys(Keys.TAB);
    }

    /** Opens a transition's form; returns the number of timeline entries before it. */
    private int begin(String transition) {
        int before = events();
        browser.id("case-transition-" + transition).click();
        browser.id("case-transition-form");
        return before;
    }

    /** Submits the open transition form and waits for the new timeline entry and step. */
    private void submit(int eventsBefore, String stepTitle, String screenshot) {
        browser.screenshot(screenshot + "-form");
        browser.id("case-transition-submit").click();
        browser.gone(By.id("case-transition-form"), LIMIT);
        browser.waiting(LIMIT).until(d -> events() == eventsBefore + 1);
        browser.waiting(LIMIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-step"), stepTitle));
        browser.screenshot(screenshot);
    }

    @Test
    void aPenaltyCaseGoesFromFilingToClosingInTheConsole() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String title = "未经批准占用耕地建房 " + System.nanoTime() % 1_000_000;

        // 执法人员 files the case
        browser.login(bureau, "officer");
        browser.id("menu-cases").click();
        browser.id("cases-grid");
        browser.screenshot("cases-list");
        browser.id("case-file-button").click();
        browser.id("case-file-form");
        browser.choose("case-kind", "行政处罚");
        browser.choose("case-category", "土地管理");
        browser.type(browser.id("case-title"), title);
        browser.type(browser.id("party-name"), "欧阳明");
        browser.type(browser.id("party-id-number"), residentId("43042119800101123"));
        browser.type(browser.id("party-phone"), "0734-6812345");
        browser.type(browser.id("party-address"), "衡阳县西渡镇梅花村");
        browser.search("case-officer-pick", "王建国", "王建国");
        browser.id("case-officers").findElement(By.xpath(".//*[contains(., '王建国')]"));
        browser.search("case-officer-pick", "李秀英", "李秀英");
        browser.waiting(LIMIT).until(d -> d.findElement(By.id("case-officers")).getText().contains("李秀英"));
        fill("cause", "未经批准擅自占用耕地建房");
        browser.choose("field-source", "监督检查发现");
        date("discoveredOn", today);
        browser.screenshot("case-file-form");
        browser.id("case-file-save").click();
        browser.gone(By.id("case-file-form"), LIMIT);
        browser.waiting(LIMIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-title"), title));
        String url = browser.driver.getCurrentUrl();
        long caseId = Long.parseLong(url.substring(url.indexOf("#!cases/") + "#!cases/".length()));
        String number = text("case-number");
        assertTrue(number.contains("罚"), number);
        assertTrue(text("case-step").contains("立案"));
        assertTrue(text("case-status").contains("办理中"));
        assertEquals(1, events());
        String officers = text("case-officers-list");
        assertTrue(officers.contains("王建国") && officers.contains("李秀英") && officers.contains("有效"), officers);
        assertTrue(text("case-timers").contains("处罚法"), text("case-timers"));
        browser.screenshot("case-filed");

        // the documents by their titles; the preview opens the PDF in a window of its own, with no error page
        assertTrue(text("case-document-title-penalty.filing").contains("立案审批表"), text("case-documents"));
        String console = browser.driver.getWindowHandle();
        browser.id("case-document-preview-penalty.filing").click();
        browser.waiting(LIMIT).until(d -> d.getWindowHandles().size() == 2);
        List<String> handles = new ArrayList<>(browser.driver.getWindowHandles());
        handles.remove(console);
        browser.driver.switchTo().window(handles.get(0));
        browser.waiting(LIMIT).until(d -> !"about:blank".equals(d.getCurrentUrl()));
        assertTrue(browser.driver.findElements(By.id("document-error")).isEmpty(), browser.driver.getPageSource());
        browser.screenshot("document-preview");
        browser.driver.close();
        browser.driver.switchTo().window(console);

        // 调查取证 needs the two officers (处罚法 42)
        int n = begin("investigate");
        submit(n, "调查取证", "case-investigate");

        // each timeline event names its entry in the record (记录 #seq · hash)
        assertTrue(text("case-event-record-1").matches("(?s)记录 #\\d+ · 哈希 [0-9a-f]{64}"),
                text("case-event-record-1"));
        // the investigation's video is uploaded (R4: 调查取证 is not left without it)
        cases.recordAv("officer", caseId, "investigation");

        // a required field left empty: marked, shown in red, nothing sent
        n = begin("concludeInvestigation");
        fill("facts", "当事人于2026年未经批准占用耕地120平方米建房。");
        browser.id("case-transition-submit").click();
        browser.awaitError("必填");
        assertTrue(browser.id("field-evidence").getAttribute("class").contains("error"),
                browser.id("field-evidence").getAttribute("class"));
        browser.screenshot("case-required-missing");
        browser.dismissNotifications();
        assertEquals(n, events());
        fill("evidence", "现场检查笔录、询问笔录、现场照片6张、测量报告");
        submit(n, "审查", "case-conclude");

        n = begin("notify");
        browser.choose("field-proposedType", "罚款");
        fill("proposedFine", "500");
        fill("proposedBasis", "《中华人民共和国土地管理法》第七十七条");
        date("notifiedOn", today);
        submit(n, "告知", "case-notify");
        String numberSeen = text("case-number");
        assertEquals(number, numberSeen);
        assertTrue(browser.driver.findElements(By.id("case-transition-decide")).isEmpty(),
                "执法人员 may not decide");

        // the party asks that 李秀英 step aside (回避); only 负责人 decides
        int before = events();
        browser.id("case-recusal-request").click();
        browser.id("recusal-request-form");
        browser.choose("recusal-officer", "李秀英（43042120191002）");
        browser.choose("recusal-requested-by", "当事人");
        browser.type(browser.id("recusal-reason"), "当事人称其与执法人员有亲属关系");
        browser.id("recusal-submit").click();
        browser.gone(By.id("recusal-request-form"), LIMIT);
        browser.waiting(LIMIT).until(d -> events() == before + 1);
        assertTrue(text("case-recusals").contains("待负责人决定"), text("case-recusals"));
        assertTrue(browser.driver.findElements(By.cssSelector("[id^='case-recusal-refuse-']")).isEmpty());
        browser.screenshot("case-recusal-requested");
        browser.logout();

        // 负责人 decides; a heavier fine than the one notified is refused by the law (处罚法 44)
        browser.login(bureau, "leader");
        openCase(caseId);
        int beforeDecision = events();
        browser.await(By.cssSelector("[id^='case-recusal-refuse-']")).click();
        browser.id("recusal-decide-form");
        browser.type(browser.id("recusal-decision-reason"), "经核实不存在亲属关系");
        browser.id("recusal-decide-submit").click();
        browser.gone(By.id("recusal-decide-form"), LIMIT);
        browser.waiting(LIMIT).until(d -> events() == beforeDecision + 1);
        assertTrue(text("case-recusals").contains("不予回避"), text("case-recusals"));
        assertTrue(text("case-officers-list").contains("李秀英"));
        browser.screenshot("case-recusal-refused");

        n = begin("decide");
        browser.choose("field-penaltyType", "罚款");
        fill("fineAmount", "800");
        fill("legalBasis", "《中华人民共和国土地管理法》第七十七条");
        fill("performanceManner", "自收到本决定书之日起十五日内缴至指定银行");
        fill("reconsiderationBody", "衡阳县人民政府");
        fill("reconsiderationDays", "60");
        fill("litigationCourt", "衡阳县人民法院");
        fill("litigationMonths", "6");
        date("decisionDate", today);
        browser.id("case-transition-submit").click();
        String refusal = browser.awaitError("第四十四条");
        assertTrue(refusal.contains("重新告知"), refusal);
        assertTrue(browser.id("field-penaltyType").getAttribute("class").contains("error"),
                browser.id("field-penaltyType").getAttribute("class"));
        // nothing lost: the form is still open with what was typed
        assertEquals("衡阳县人民政府", browser.id("field-reconsiderationBody").getAttribute("value"));
        browser.screenshot("case-decision-refused");
        browser.dismissNotifications();
        assertEquals(n, events());
        fill("fineAmount", "500");
        submit(n, "决定", "case-decided");
        browser.logout();

        // 执法人员 serves, records the payment and closes the case
        browser.login(bureau, "officer");
        openCase(caseId);
        n = begin("serve");
        date("servedOn", today);
        browser.choose("field-serviceMethod", "直接送达");
        fill("serviceRecipient", "欧阳明");
        submit(n, "送达", "case-served");

        cases.recordAv("officer", caseId, "served");
        n = begin("recordPerformance");
        date("performedOn", today);
        browser.choose("field-performance", "全部履行");
        fill("paidAmount", "500");
        fill("receiptNo", "HN2026-000123");
        submit(n, "执行", "case-executed");

        n = begin("close");
        date("closedOn", today);
        fill("closingSummary", "当事人已全部履行处罚决定，案件办结。");
        browser.type(browser.id("case-transition-reason"), "履行完毕");
        submit(n, "结案", "case-closed");

        browser.waiting(LIMIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-status"), "已结案"));
        browser.id("case-transitions-none");
        assertEquals(10, events());
        String timeline = text("case-timeline");
        for (String s : List.of("立案", "officer", "leader", "履行完毕", "500.00 元", "直接送达", "回避决定：不予回避")) {
            assertTrue(timeline.contains(s), s + " in\n" + timeline);
        }
        assertTrue(text("case-timers").contains("已完成"), text("case-timers"));

        // the list shows it closed
        browser.id("case-back").click();
        browser.type(browser.id("cases-filter-text"), number);
        browser.waiting(LIMIT).until(d -> {
            String grid = d.findElement(By.id("cases-grid")).getText();
            return grid.contains(number) && grid.contains("已结案") && grid.contains("结案");
        });
        browser.screenshot("cases-list-closed");
    }

    @Test
    void aReviewerFiltersTheListAndTheMenuEntryFollowsTheEngine() {
        browser.login(bureau, "reviewer");
        browser.id("menu-cases").click();
        browser.id("cases-grid");
        // 法制审核人员 reads but does not file
        assertTrue(browser.driver.findElements(By.id("case-file-button")).isEmpty());
        browser.choose("cases-filter-kind", "行政处罚");
        browser.choose("cases-filter-status", "办理中");
        browser.choose("cases-filter-due", "已逾期");
        browser.id("cases-grid");
        browser.screenshot("cases-filtered");

        // the engine goes (its bundle stops: the kind features need zhifa-cases, so it stays installed)
        bureau.admin("bundle:stop org.zhifa.cases");
        try {
            browser.gone(By.id("menu-cases"), Duration.ofSeconds(90));
            browser.id("personnel-grid");
            browser.screenshot("cases-engine-stopped");
        } finally {
            bureau.admin("bundle:start org.zhifa.cases");
        }
        browser.waiting(LIMIT).withTimeout(Duration.ofSeconds(90))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-cases"))).click();
        browser.id("cases-grid");
    }

    /** An 18-character resident ID number with its GB 11643 check digit. */
    static String residentId(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
