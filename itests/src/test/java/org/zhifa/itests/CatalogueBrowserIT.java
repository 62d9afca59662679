package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.zhifa.itests.support.Browser;
import org.zhifa.itests.support.Bureau;

/**
 * 公示清单 in a real browser against the built bureau (D1): a new draft of the 随机抽查事项清单 edited in the form,
 * submitted by an officer, passed by the reviewer, published by the leader; markup typed in stays text; the
 * flowchart preview shows.
 */
class CatalogueBrowserIT {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private final Bureau bureau = Bureau.shared();
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

    private void openInspections(String user) {
        browser.login(bureau, user);
        browser.driver.get(bureau.url("/console/#!catalogues"));
        browser.id("cat-panel");
        browser.choose("cat-type", "随机抽查事项清单");
    }

    private void waitForText(String id, String text) {
        try {
            // textContent: the element may be out of sight, where getText() reads nothing
            browser.waiting(LIMIT).until(d -> d.findElement(By.id(id)).getAttribute("textContent").contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("catalogue-failed-" + id);
            throw new AssertionError("'" + text + "' not in #" + id + ": "
                    + browser.driver.findElement(By.id(id)).getAttribute("textContent"), e);
        }
    }

    private void editor() {
        visible("cat-field-subject");
    }

    /** The element, scrolled into view first: the view is long, and the browser only shows what is in sight. */
    private WebElement visible(String id) {
        WebElement e = browser.waiting(LIMIT).until(
                org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        try {
            return browser.id(id);
        } catch (org.openqa.selenium.TimeoutException x) {
            browser.screenshot("catalogue-hidden-" + id);
            throw x;
        }
    }

    private void click(String id) {
        visible(id).click();
    }

    @Test
    void aDraftIsEditedReviewedAndPublished() {
        String name = "<b>土地卫片执法检查" + tag + "</b>";
        openInspections("officer");
        waitForText("cat-versions", "草稿");
        assertTrue(browser.driver.findElements(By.id("cat-pass")).isEmpty(), "an officer does not review");

        click("cat-new");
        editor();
        // an empty item is refused with the field it lacks, and nothing is saved
        click("cat-item-add");
        click("cat-save");
        browser.awaitError("缺少");
        browser.dismissNotifications();
        click("cat-cancel");
        click("cat-new");
        editor();

        Map<String, String> values = Map.of("subject", "衡阳县自然资源局", "name", name,
                "basis", "《中华人民共和国土地管理法》第六十七条", "target", "卫片图斑涉及的用地单位和个人",
                "content", "图斑用地是否依法批准", "ratio", "不低于图斑总数的 10%", "method", "双随机抽查，现场核查",
                "frequency", "每年 1 次");
        values.forEach((k, v) -> browser.type(visible("cat-field-" + k), v));
        click("cat-item-add");
        waitForText("cat-edit-items", name);
        click("cat-save");
        waitForText("cat-items", name);
        assertTrue(browser.driver.findElements(By.xpath("//div[@id='cat-items']//b")).isEmpty(), "markup stays text");
        click("cat-submit");
        waitForText("cat-versions", "待审核");
        browser.logout();

        openInspections("reviewer");
        waitForText("cat-versions", "待审核");
        browser.type(visible("cat-opinion"), "依据、比例符合双随机要求");
        click("cat-pass");
        waitForText("cat-versions", "已审核");
        browser.logout();

        openInspections("leader");
        waitForText("cat-versions", "已审核");
        click("cat-publish");
        waitForText("cat-versions", "已发布");
        waitForText("cat-history", "发布");
        browser.screenshot("catalogue-published");

        // the flowchart of the penalty kind is drawn
        visible("cat-flow-image");
        browser.waiting(LIMIT).until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                "var i = document.querySelector('#cat-flow-image'); i = i.tagName === 'IMG' ? i : i.querySelector('img');"
                        + " return i && i.complete ? i.naturalWidth : 0;")).intValue() > 300);
        assertTrue(visible("cat-filing").isDisplayed());
        browser.screenshot("catalogue-flowchart");
    }
}
