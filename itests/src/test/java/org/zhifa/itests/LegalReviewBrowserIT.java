package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.fields;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 法制审核 in a real browser against the built bureau (V1–V5): the escalation path from a decision draft to
 * the decision, the gate refusing a major decision on the case page, and the catalogue editor's preview.
 */
class LegalReviewBrowserIT {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String DECISION = "decideAfterDiscussion";
    /** How the section offers it: several decisions share a title, so the step it leaves is named. */
    private static final String DECISION_CAPTION = "集体讨论后作出行政处罚决定（集体讨论环节）";
    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);
    private final String tag = Long.toString(System.nanoTime() % 1_000_000);
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
        browser.id("lr-case");
    }

    private void waitForText(String id, String text) {
        try {
            browser.waiting(LIMIT).until(d -> d.findElement(By.id(id)).getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("legalreview-failed-" + id);
            throw new AssertionError("'" + text + "' not in #" + id + ": " + browser.driver.findElement(By.id(id)).getText(), e);
        }
    }

    /** A penalty case of a citizen, moved over REST to 集体讨论, where the decision after discussion is next. */
    private long caseInDiscussion(String title) {
        List<Long> officers = List.of(cases.validOfficer("审核甲" + tag), cases.validOfficer("审核乙" + tag));
        JsonNode c = cases.filed("officer", Cases.penalty(title + tag, Cases.person("审核" + tag), officers, false));
        long id = c.get("id").asLong();
        String today = c.get("filedOn").asText();
        cases.moved("officer", id, "investigate", Map.of());
        cases.moved("officer", id, "concludeInvestigation", fields("facts", "当事人未经批准占用耕地 600 平方米建房",
                "evidence", "现场检查笔录、询问笔录、测绘报告"));
        cases.moved("officer", id, "notify", fields("proposedType", "罚款", "proposedFine", 20000,
                "proposedBasis", "《土地管理法》第七十七条", "notifiedOn", today, "hearingRight", true));
        cases.moved("officer", id, "submitLegalReview", fields("reviewSubmittedOn", today, "partyWaived", true));
        cases.moved("officer", id, "submitDiscussion", fields("reviewOpinion", "拟处罚款，提请集体讨论"));
        assertEquals("discussion", cases.read(id).get("step").asText());
        return id;
    }

    /** The decision's fields, by field name, as typed in both forms (the draft's and the case page's). */
    private static Map<String, String> decision(String fine) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("fineAmount", fine);
        f.put("legalBasis", "《中华人民共和国土地管理法》第七十七条");
        f.put("performanceManner", "自收到本决定书之日起十五日内缴至指定银行");
        f.put("reconsiderationBody", "衡阳县人民政府");
        f.put("reconsiderationDays", "60");
        f.put("litigationCourt", "衡阳县人民法院");
        f.put("litigationMonths", "6");
        f.put("discussionConclusion", "经集体讨论，决定处以罚款");
        return f;
    }

    /** Fills a decision form whose inputs have ids {@code prefix + field name}. */
    private void fillDecision(String prefix, Map<String, String> values, LocalDate day) {
        choose(prefix + "penaltyType", "罚款");
        values.forEach((k, v) -> browser.type(browser.id(prefix + k), v));
        WebElement date = browser.await(By.cssSelector("#" + prefix + "decisionDate input"));
        browser.type(date, day.toString());
        date.sendKeys(Keys.TAB);
    }

    /**
     * Picks a combo box option after scrolling the box to the middle of the page: the console scrolls inside
     * its content area, and a box at its bottom edge opens its list where a click cannot reach it.
     */
    private void choose(String id, String option) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center'})", browser.id(id));
        browser.choose(id, option);
    }

    private void selectRow(String gridId, String text) {
        browser.await(By.xpath("//div[@id='" + gridId + "']//td[normalize-space(.)='" + text + "']")).click();
    }

    /** The reviewer 'reviewer' is in the register with a legal qualification (处罚法 58), entered by 管理员. */
    private void registerReviewer() {
        browser.login(bureau, "admin");
        browser.driver.get(bureau.url("/console/#!legalreview-reports"));
        browser.id("lr-reviewers");
        browser.type(browser.id("lr-reviewer-user"), "reviewer");
        browser.type(browser.id("lr-reviewer-name"), "法制审核员");
        browser.type(browser.id("lr-reviewer-unit"), "法规股");
        WebElement qualified = browser.await(By.cssSelector("#lr-reviewer-qualified input"));
        if (!qualified.isSelected()) {
            browser.id("lr-reviewer-qualified").findElement(By.tagName("label")).click();
        }
        browser.type(browser.id("lr-reviewer-qualification-no"), "A20144304210" + tag);
        browser.id("lr-reviewer-save").click();
        browser.waiting(LIMIT).until(d -> d.findElement(By.id("lr-reviewers")).getText().contains("法制审核员"));
        assertTrue(browser.id("lr-staffing").getText().contains("法制审核人员"), browser.id("lr-staffing").getText());
        browser.logout();
    }

    @Test
    void aFailedReviewEscalatedAndAdoptedOpensTheDecision() {
        long id = caseInDiscussion("全程审核占地案");
        String number = cases.read(id).get("number").asText();
        LocalDate today = LocalDate.parse(cases.read(id).get("filedOn").asText());
        registerReviewer();

        // 执法人员 drafts the decision; the catalogue says it is major, and why
        browser.login(bureau, "officer");
        openCase(id);
        choose("lr-draft-transition", DECISION_CAPTION);
        fillDecision("lr-field-", decision("20000"), today);
        browser.id("lr-evaluate").click();
        waitForText("lr-evaluation", "重大执法决定，须经法制审核");
        String why = browser.id("lr-evaluation").getText();
        assertTrue(why.contains("20000") && why.contains("10000"), why);
        browser.id("lr-draft-save").click();
        waitForText("lr-drafts", "v1");
        browser.id("lr-submit").click();
        browser.id("lr-submit-window");
        for (String material : List.of("调查终结报告", "证据材料", "拟处理意见（决定草案）", "告知书及送达回证")) {
            browser.id("lr-materials").findElement(By.xpath(".//label[normalize-space(.)='" + material + "']")).click();
        }
        browser.type(browser.id("lr-submit-note"), "请审核");
        browser.id("lr-submit-confirm").click();
        browser.gone(By.id("lr-submit-window"), LIMIT);
        waitForText("lr-reviews", "已送审");
        browser.screenshot("legalreview-submitted");
        browser.logout();

        // 负责人 assigns the reviewer in the inbox
        browser.login(bureau, "leader");
        browser.driver.get(bureau.url("/console/#!legalreview"));
        selectRow("lr-inbox-grid", number);
        choose("lr-assign-reviewer", "法制审核员 (reviewer)");
        browser.id("lr-assign").click();
        browser.waiting(LIMIT).until(d -> d.findElement(By.id("lr-inbox-grid")).getText().contains("审核中"));
        browser.logout();

        // the reviewer fails it in the checklist form
        browser.login(bureau, "reviewer");
        browser.driver.get(bureau.url("/console/#!legalreview"));
        selectRow("lr-inbox-grid", number);
        browser.id("lr-inbox-open").click();
        browser.id("lr-checklist-window");
        for (String item : List.of("SUBJECT", "QUALIFICATION", "FACTS", "EVIDENCE", "LAW", "DISCRETION", "PROCEDURE",
                "ULTRA_VIRES", "DOCUMENTS", "CRIME_REFERRAL", "OTHER")) {
            String verdict = item.equals("DISCRETION") ? "存在问题" : item.equals("OTHER") ? "不适用" : "符合";
            browser.id("lr-verdict-" + item).findElement(By.xpath(".//label[normalize-space(.)='" + verdict + "']")).click();
        }
        browser.type(browser.id("lr-note-DISCRETION"), "罚款数额偏高");
        browser.id("lr-outcome").findElement(By.xpath(".//label[normalize-space(.)='不通过']")).click();
        browser.type(browser.id("lr-opinion"), "裁量基准适用不当，建议降低罚款数额");
        browser.screenshot("legalreview-checklist");
        browser.id("lr-decide").click();
        browser.gone(By.id("lr-checklist-window"), LIMIT);
        browser.logout();

        // the officer disagrees and escalates
        browser.login(bureau, "officer");
        openCase(id);
        waitForText("lr-reviews", "不通过");
        browser.id("lr-escalate").click();
        browser.id("lr-escalate-window");
        browser.type(browser.id("lr-escalate-reason"), "违法占用耕地面积大，罚款数额符合裁量基准");
        browser.id("lr-escalate-confirm").click();
        browser.gone(By.id("lr-escalate-window"), LIMIT);
        waitForText("lr-reviews", "提请集体讨论");
        browser.logout();

        // 负责人 records the 集体讨论, adopting the draft; then takes the decision on the case page
        browser.login(bureau, "leader");
        browser.driver.get(bureau.url("/console/#!legalreview"));
        selectRow("lr-inbox-grid", number);
        browser.id("lr-inbox-open").click();
        browser.id("lr-discussion-window");
        String[][] members = {{"张局长", "局长", "同意按草案处罚"}, {"李副局长", "副局长", "同意"}, {"王股长", "法规股股长", "保留审核意见"}};
        for (String[] member : members) {
            browser.type(browser.id("lr-member-name"), member[0]);
            browser.type(browser.id("lr-member-post"), member[1]);
            browser.type(browser.id("lr-member-opinion"), member[2]);
            browser.id("lr-member-add").click();
            waitForText("lr-discussion-members", member[0]);
        }
        browser.id("lr-discussion-adopt").findElement(By.xpath(".//label[normalize-space(.)='采纳决定草案']")).click();
        browser.type(browser.id("lr-discussion-conclusion"), "经集体讨论，采纳决定草案");
        browser.screenshot("legalreview-discussion");
        browser.id("lr-discussion-record").click();
        browser.gone(By.id("lr-discussion-window"), LIMIT);

        openCase(id);
        waitForText("lr-reviews", "集体讨论决定采纳");
        browser.id("case-transition-" + DECISION).click();
        browser.id("case-transition-form");
        // the form starts from the adopted draft: exactly what the gate admits, nothing to type again
        assertTrue(browser.id("case-transition-from-draft").getText().contains("第 1 版"));
        // (as the engine normalised it when the draft was saved)
        assertEquals("20000.00", browser.id("field-fineAmount").getAttribute("value"));
        assertEquals(decision("20000").get("legalBasis"), browser.id("field-legalBasis").getAttribute("value"));
        browser.id("case-transition-submit").click();
        browser.gone(By.id("case-transition-form"), LIMIT);
        browser.waiting(LIMIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-step"), "决定"));
        browser.screenshot("legalreview-decided");
        assertEquals("decided", cases.read(id).get("step").asText());
    }

    @Test
    void theCasePageRefusesAMajorDecisionWithoutAPassedReview() {
        long id = caseInDiscussion("未审核占地案");
        LocalDate today = LocalDate.parse(cases.read(id).get("filedOn").asText());
        browser.login(bureau, "leader");
        openCase(id);
        browser.id("case-transition-" + DECISION).click();
        browser.id("case-transition-form");
        fillDecision("field-", decision("20000"), today);
        browser.id("case-transition-submit").click();
        String refusal = browser.awaitError("法制审核");
        assertTrue(refusal.contains("重大"), refusal);
        browser.screenshot("legalreview-gate-refused");
        // the form stays open, the case stays where it was
        assertTrue(browser.id("case-transition-form").isDisplayed());
        assertEquals("discussion", cases.read(id).get("step").asText());
    }

    @Test
    void theCatalogueEditorPreviewsTheCasesALowerThresholdMakesMajor() {
        long id = caseInDiscussion("预览占地案");
        String number = cases.read(id).get("number").asText();
        LocalDate today = LocalDate.parse(cases.read(id).get("filedOn").asText());

        // a draft of 5000 元 on a citizen: not major under the national default (1万元)
        browser.login(bureau, "officer");
        openCase(id);
        choose("lr-draft-transition", DECISION_CAPTION);
        fillDecision("lr-field-", decision("5000"), today);
        browser.id("lr-evaluate").click();
        waitForText("lr-evaluation", "不属于重大执法决定");
        browser.id("lr-draft-save").click();
        waitForText("lr-drafts", "v1");
        browser.logout();

        // 负责人 lowers the citizen's threshold to 3000 元 in a new version and previews it
        browser.login(bureau, "leader");
        browser.driver.get(bureau.url("/console/#!legalreview-catalogue"));
        browser.id("lr-cat-versions");
        int versions = browser.driver.findElements(By.cssSelector("#lr-cat-versions tbody tr")).size();
        assertTrue(versions > 0, "the national default is version 1");
        browser.id("lr-cat-edit").click();
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript(
                "document.getElementById('lr-cat-editor').scrollIntoView()");
        waitForText("lr-cat-edit-rules", "10000");
        browser.screenshot("legalreview-catalogue-edit");
        browser.await(By.xpath("//div[@id='lr-cat-edit-rules']//tr[.//td[normalize-space(.)='罚款金额'] and "
                + ".//td[normalize-space(.)='10000'] and .//td[normalize-space(.)='公民']]/td[1]")).click();
        browser.waiting(LIMIT).until(d -> "10000".equals(d.findElement(By.id("lr-rule-threshold")).getAttribute("value")));
        browser.type(browser.id("lr-rule-threshold"), "3000");
        browser.type(browser.id("lr-rule-title-zh"), "对公民处以3000元以上罚款");
        browser.screenshot("legalreview-catalogue-rule");
        WebElement replace = browser.driver.findElement(By.id("lr-rule-replace"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", replace);
        replace.click();
        // the grid keeps rows out of its scrolled view in the DOM, not in the rendered text
        browser.waiting(LIMIT).until(d -> d.findElement(By.id("lr-cat-edit-rules")).getAttribute("textContent")
                .contains("对公民处以3000元以上罚款"));
        WebElement preview = browser.driver.findElement(By.id("lr-cat-preview"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", preview);
        preview.click();
        By row = By.xpath("//div[@id='lr-cat-preview-grid']//tr[.//td[normalize-space(.)='" + number + "']]");
        String text = browser.waiting(LIMIT).until(d -> d.findElements(row).stream().map(e -> e.getAttribute("textContent"))
                .findFirst().orElse(null));
        assertTrue(text.contains("不属于重大执法决定") && text.contains("重大执法决定，须经法制审核"), text);
        browser.screenshot("legalreview-catalogue-preview");
        // a preview publishes nothing
        assertEquals(versions, browser.driver.findElements(By.cssSelector("#lr-cat-versions tbody tr")).size());
    }
}
