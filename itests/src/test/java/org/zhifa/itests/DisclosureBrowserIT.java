package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.fields;
import static org.zhifa.itests.support.Cases.remedies;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.zhifa.itests.support.Browser;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 公示 in a real browser against the built bureau (D3, D5, C1): a penalty decision creates its item with the
 * legal deadline; an officer may look but not approve; the leader sees the side-by-side preview (the ID number
 * masked, the party's name kept), masks more by typing and by selecting, approves; the item is published and
 * the outbox carries it to every installed channel. Markup typed into the case stays text everywhere.
 */
class DisclosureBrowserIT {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final String INJECTED_TITLE = "<img src=x onerror=alert(1)>占地案";
    private static final String INJECTED_FACTS = "<script>alert(2)</script><b>粗体</b>";
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

    /** A citizen's penalty case decided over REST: 6000 元 is not major, so no legal review stands in the way. */
    private JsonNode decidedCase(String party, String idNumber, String plot) {
        List<Long> officers = List.of(cases.validOfficer("公示甲" + tag), cases.validOfficer("公示乙" + tag));
        JsonNode c = cases.filed("officer", Cases.penalty(INJECTED_TITLE + tag, Cases.person(party), officers, false));
        long id = c.get("id").asLong();
        String today = c.get("filedOn").asText();
        cases.moved("officer", id, "investigate", Map.of());
        cases.moved("officer", id, "concludeInvestigation", fields("facts", "当事人" + party + "（公民身份号码" + idNumber
                + "）未经批准占用耕地 300 平方米建房，涉及" + plot + "。" + INJECTED_FACTS,
                "evidence", "现场检查笔录、询问笔录、测绘报告"));
        cases.moved("officer", id, "notify", fields("proposedType", "罚款", "proposedFine", 6000,
                "proposedBasis", "《土地管理法》第七十八条", "notifiedOn", today, "hearingRight", true));
        cases.moved("leader", id, "decide", remedies(fields("penaltyType", "罚款", "fineAmount", 6000,
                "legalBasis", "《土地管理法》第七十八条", "performanceManner", "自收到决定书之日起十五日内缴纳",
                "paymentAccount", "衡阳县财政局非税收入专户", "decisionDate", today, "partyWaived", true)));
        assertEquals("decided", cases.read(id).get("step").asText());
        return cases.read(id);
    }

    private void waitForText(String id, String text) {
        try {
            browser.waiting(LIMIT).until(d -> d.findElement(By.id(id)).getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("disclosure-failed-" + id);
            throw new AssertionError("'" + text + "' not in #" + id + ": "
                    + browser.driver.findElement(By.id(id)).getText(), e);
        }
    }

    private void waitForNoText(String id, String text) {
        try {
            browser.waiting(LIMIT).until(d -> !d.findElement(By.id(id)).getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("disclosure-failed-no-" + id);
            throw new AssertionError("'" + text + "' still in #" + id, e);
        }
    }

    /** Finds the case's row in the queue by its number and opens the item window. */
    private void openItem(String number) {
        browser.driver.get(bureau.url("/console/#!disclosure"));
        browser.type(browser.id("disc-filter-text"), number);
        By row = By.xpath("//div[@id='disc-queue-grid']//tr[.//td[normalize-space(.)='" + number + "']]");
        filtered(row);
        // a click on a row the grid is just redrawing is lost: click until it shows selected
        browser.waiting(LIMIT).until(d -> {
            WebElement tr = d.findElement(row);
            if (tr.getAttribute("class").contains("v-grid-row-selected")) {
                return true;
            }
            tr.findElement(By.xpath("./td[1]")).click();
            return false;
        });
        browser.id("disc-queue-open").click();
        browser.id("disc-item-window");
        waitForText("disc-redacted", "占用耕地");
    }

    /** Waits until the queue's text filter is applied: the case's row is the only one. */
    private void filtered(By row) {
        browser.waiting(LIMIT).until(d -> d.findElements(row).size() == 1
                && d.findElements(By.cssSelector("#disc-queue-grid tbody tr")).size() == 1);
    }

    /** A Vaadin button is a div: disabled is a style, not the attribute. */
    private boolean enabled(String id) {
        return !browser.id(id).getAttribute("class").contains("v-disabled");
    }

    /** The injected markup is nowhere an element, and no script ran. */
    private void assertInert(String containerId) {
        WebElement c = browser.id(containerId);
        assertTrue(c.findElements(By.tagName("img")).isEmpty(), "an <img> was rendered in #" + containerId);
        assertTrue(c.findElements(By.tagName("script")).isEmpty(), "a <script> was rendered in #" + containerId);
        assertTrue(c.findElements(By.tagName("b")).isEmpty(), "a <b> was rendered in #" + containerId);
        assertTrue(c.findElements(By.tagName("i")).isEmpty(), "an <i> was rendered in #" + containerId);
        assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
    }

    /** Selects {@code text} inside the element {@code id} as a user dragging over it would. */
    private void select(String id, String text) {
        Object found = ((JavascriptExecutor) browser.driver).executeScript(
                "var el=document.getElementById(arguments[0]);"
                        + "var w=document.createTreeWalker(el,NodeFilter.SHOW_TEXT);var n;"
                        + "while((n=w.nextNode())){var i=n.data.indexOf(arguments[1]);if(i>=0){"
                        + "var r=document.createRange();r.setStart(n,i);r.setEnd(n,i+arguments[1].length);"
                        + "var s=window.getSelection();s.removeAllRanges();s.addRange(r);return true;}}return false;",
                id, text);
        assertEquals(Boolean.TRUE, found, "'" + text + "' not found in #" + id);
    }

    @Test
    void aDecisionIsPreviewedRedactedApprovedAndSentToEveryChannel() {
        String party = "欧阳明辉";
        String idNumber = Cases.personId(LocalDate.of(1979, 3, 8), Integer.parseInt(tag) % 900);
        String plot = "图斑TB" + tag;
        JsonNode decided = decidedCase(party, idNumber, plot);
        long caseId = decided.get("id").asLong();
        String number = decided.get("number").asText();
        LocalDate decidedOn = LocalDate.parse(decided.get("filedOn").asText());

        // an officer sees the item with its deadline, may open it, but not approve
        browser.login(bureau, "officer");
        browser.driver.get(bureau.url("/console/#!disclosure"));
        browser.type(browser.id("disc-filter-text"), number);
        By row = By.xpath("//div[@id='disc-queue-grid']//tr[.//td[normalize-space(.)='" + number + "']]");
        filtered(row);
        WebElement r = browser.await(row);
        List<String> cells = new ArrayList<>();
        // cells scrolled out of the grid's view are in the DOM, not in the rendered text
        r.findElements(By.tagName("td")).forEach(td -> cells.add(td.getAttribute("textContent").strip()));
        assertTrue(cells.contains("待审批"), cells.toString());
        assertTrue(cells.contains(INJECTED_TITLE + tag), "the title shows as typed: " + cells);
        LocalDate dueOn = cells.stream().filter(t -> t.matches("\\d{4}-\\d{2}-\\d{2}")).map(LocalDate::parse)
                .max(LocalDate::compareTo).orElseThrow(() -> new AssertionError("no due date in " + cells));
        // 7 working days (处罚法, D3): at least a week and a weekend later, well inside a month
        assertTrue(dueOn.isAfter(decidedOn.plusDays(6)) && dueOn.isBefore(decidedOn.plusDays(31)),
                "due " + dueOn + " for a decision of " + decidedOn);
        assertInert("disc-queue-grid");
        browser.screenshot("disclosure-queue");
        openItem(number);
        assertFalse(enabled("disc-approve"), "an officer must not approve");
        assertTrue(browser.id("disc-approve-reason").getText().contains("负责人"),
                browser.id("disc-approve-reason").getText());
        browser.id("disc-item-close").click();
        browser.gone(By.id("disc-item-window"), LIMIT);

        // a notice entered by hand; a minor party is withheld at once, and the item says why
        browser.id("disc-queue-create").click();
        browser.id("disc-create-window");
        browser.type(browser.id("disc-create-title"), "<i>责令限期拆除公告</i>" + tag);
        browser.type(browser.id("disc-create-party"), "小明");
        browser.id("disc-create-minor").findElement(By.tagName("label")).click();
        browser.type(browser.id("disc-create-text"), "当事人小明（未成年人）在基本农田内建房，责令限期拆除。");
        browser.id("disc-create-save").click();
        // the service refuses a minor that is not a natural person: its message, the form stays
        browser.awaitError("只有自然人");
        waitForText("disc-create-error", "只有自然人");
        browser.dismissNotifications();
        browser.id("disc-create-person").findElement(By.tagName("label")).click();
        browser.id("disc-create-save").click();
        browser.gone(By.id("disc-create-window"), LIMIT);
        waitForText("disc-item-withheld", "未成年人");
        assertEquals("<i>责令限期拆除公告</i>" + tag, browser.id("disc-item-title").getText());
        assertFalse(enabled("disc-approve"));
        assertInert("disc-item-window");
        browser.screenshot("disclosure-withheld");
        browser.id("disc-item-close").click();
        browser.gone(By.id("disc-item-window"), LIMIT);
        browser.logout();

        // the leader: the whole text left, the redacted text right
        browser.login(bureau, "leader");
        openItem(number);
        String publicId = browser.id("disc-item-public").getText().strip();
        assertFalse(publicId.isEmpty(), "the item has a public id");
        waitForText("disc-original", idNumber);
        String redacted = browser.id("disc-redacted").getText();
        assertFalse(redacted.contains(idNumber), "the ID number is masked: " + redacted);
        assertTrue(redacted.contains(party), "the punished party's name stays: " + redacted);
        assertFalse(browser.id("disc-redacted").findElements(By.tagName("mark")).isEmpty(), "masks are marked");
        // what was typed into the case is text, on both sides
        assertTrue(browser.id("disc-original").getText().contains(INJECTED_FACTS), browser.id("disc-original").getText());
        assertTrue(redacted.contains(INJECTED_FACTS), redacted);
        assertInert("disc-item-window");
        browser.screenshot("disclosure-preview");

        // an extra mask typed in, then one selected in the whole text: the preview follows each
        assertTrue(redacted.contains(plot), redacted);
        browser.type(browser.id("disc-mask-text"), plot);
        browser.id("disc-mask-add").click();
        waitForNoText("disc-redacted", plot);
        assertFalse(browser.id("disc-redacted").findElements(By.cssSelector("mark.zhifa-disc-manual")).isEmpty());
        waitForText("disc-masks", plot);
        select("disc-original", "300 平方米");
        browser.id("disc-mask-selection").click();
        waitForNoText("disc-redacted", "300 平方米");
        waitForText("disc-masks", "300 平方米");
        assertTrue(browser.id("disc-original").getText().contains(plot), "the whole text stays whole");
        browser.screenshot("disclosure-extra-masks");

        // approve: published, handed to the outbox
        browser.id("disc-approve").click();
        waitForText("disc-item-facts", "已公示");
        browser.waiting(LIMIT).until(d -> !enabled("disc-approve"));
        browser.dismissNotifications();

        // the service's refusal shows as its own message, and nothing changes: a withdrawal needs its reason
        browser.id("disc-tab-withdraw").click();
        browser.choose("disc-withdraw-ground", "决定被变更");
        browser.id("disc-withdraw").click();
        browser.awaitError("缺少必填项");
        waitForText("disc-withdraw-error", "缺少必填项");
        browser.dismissNotifications();
        assertTrue(browser.id("disc-item-facts").getText().contains("已公示"), browser.id("disc-item-facts").getText());

        // a correction on request (D7): a new version, in the record
        browser.id("disc-tab-correct").click();
        WebElement corrected = browser.id("disc-correct-text");
        String whole = corrected.getAttribute("value");
        assertTrue(whole.contains(idNumber), "the correction starts from the whole text");
        browser.type(corrected, whole.replace("300 平方米", "320 平方米"));
        browser.type(browser.id("disc-correct-request"), "当事人申请更正占地面积");
        browser.id("disc-correct").click();
        waitForText("disc-item-facts", "v2");
        browser.id("disc-tab-history").click();
        waitForText("disc-history", "纠错");
        waitForText("disc-history", "批准公示");
        browser.screenshot("disclosure-history");
        browser.id("disc-item-close").click();
        browser.gone(By.id("disc-item-window"), LIMIT);
        browser.dismissNotifications();

        // the outbox: an entry of this item for every installed channel, waiting or done
        browser.driver.get(bureau.url("/console/#!disclosure-outbox"));
        browser.id("disc-channels");
        List<String> installed = new ArrayList<>();
        for (WebElement tr : browser.id("disc-channels").findElements(By.cssSelector("tbody tr"))) {
            List<WebElement> tds = tr.findElements(By.tagName("td"));
            if (tds.size() > 2 && tds.get(2).getText().contains("已安装")) {
                installed.add(tds.get(0).getText().strip());
            }
        }
        assertFalse(installed.isEmpty(), "no publishing channel is installed: " + browser.id("disc-channels").getText());
        browser.screenshot("disclosure-outbox");
        for (String channel : installed) {
            assertTrue(outboxHas(channel, publicId), "no outbox entry of " + publicId + " for " + channel);
        }

        // the case page's 公示 section
        browser.driver.get(bureau.url("/console/#!cases/" + caseId));
        browser.id("case-number");
        waitForText("disc-case-grid", "已公示");
        browser.screenshot("disclosure-case-section");
    }

    /** Looks for the item's PUBLISH entry of {@code channel} among the open entries, then among the done ones. */
    private boolean outboxHas(String channel, String publicId) {
        By entry = By.xpath("//div[@id='disc-outbox-grid']//tr[.//td[normalize-space(.)='" + channel + "'] and "
                + ".//td[starts-with(normalize-space(.), '" + publicId + " v')]]");
        try {
            browser.waiting(LIMIT).until(d -> {
                if (!d.findElements(entry).isEmpty()) {
                    return true;
                }
                String state = d.findElement(By.cssSelector("#disc-outbox-state input")).getAttribute("value");
                browser.choose("disc-outbox-state", "已完成".equals(state) ? "未完成（全部）" : "已完成");
                return !d.findElements(entry).isEmpty();
            });
            return true;
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("disclosure-outbox-missing-" + channel);
            return false;
        }
    }
}
