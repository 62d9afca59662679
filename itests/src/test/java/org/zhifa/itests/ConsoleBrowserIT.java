package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.zhifa.itests.support.Browser;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Officers;

/** The staff console in headless Chromium, as staff use it. */
class ConsoleBrowserIT {
    private final Bureau bureau = Bureau.shared();
    private Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser();
    }

    @AfterEach
    void close() {
        browser.close();
    }

    private void login(String user, String password) {
        browser.driver.get(bureau.url("/console/"));
        browser.type(browser.id("login-username"), user);
        browser.type(browser.id("login-password"), password);
        browser.id("login-submit").click();
    }

    @Test
    void wrongPasswordShowsAMessage() {
        login("admin", "not-the-password");
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("login-error"), "用户名或密码错误"));
        assertTrue(browser.driver.findElements(By.id("header-user")).isEmpty(), "not logged in");
        browser.screenshot("login-error");
    }

    @Test
    void anAdministratorAddsAnOfficerAndFindsItInTheGrid() {
        login("admin", "admin");
        assertTrue(browser.id("header-user").getText().contains("admin"));
        assertEquals("人员清单", browser.id("menu-personnel").getText().trim());
        browser.id("personnel-grid");
        browser.screenshot("personnel-zh");

        String cert = Officers.certificate("UI");
        fillNewOfficer("欧阳锋", cert);
        browser.type(browser.id("officer-post"), "执法队员");
        browser.screenshot("officer-form");
        browser.id("officer-save").click();
        browser.gone(By.id("officer-form"), Duration.ofSeconds(30));

        // stored through the service: the REST API sees it too
        var page = Json.parse(bureau.get("/api/v1/personnel?q=" + cert, "officer").body());
        assertEquals(1, page.get("total").asLong());
        assertEquals("admin", page.get("items").get(0).get("createdBy").asText());

        browser.type(browser.id("personnel-search"), cert);
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("personnel-grid"), "欧阳锋"));
        browser.screenshot("personnel-search");

        // a duplicate certificate number is refused with a visible message, nothing stored
        fillNewOfficer("重复", cert);
        browser.id("officer-save").click();
        // notifications fade in: wait for the text, and say what was shown if it never comes
        By errors = By.cssSelector(".v-Notification.zhifa-error");
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(errors).stream().anyMatch(e -> e.getText().contains("已存在")));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("duplicate-refused-missing");
            throw new AssertionError("no duplicate-certificate error shown; notifications: "
                    + browser.driver.findElements(By.cssSelector(".v-Notification")).stream()
                            .map(WebElement::getText).toList(), e);
        }
        browser.screenshot("duplicate-refused");
        assertEquals(1, Json.parse(bureau.get("/api/v1/personnel?q=" + cert, "officer").body()).get("total").asLong());
    }

    /** Opens the add form and fills the required fields. */
    private void fillNewOfficer(String name, String certificate) {
        browser.id("personnel-add").click();
        browser.id("officer-form");
        browser.type(browser.id("officer-name"), name);
        browser.type(browser.id("officer-unit"), "衡阳县自然资源局执法监察大队");
        browser.type(browser.id("officer-certificate"), certificate);
        browser.id("officer-categories").findElement(By.xpath(".//label[normalize-space()='土地管理']")).click();
        browser.type(browser.id("officer-area"), "衡阳县全域");
        browser.type(browser.await(By.cssSelector("#officer-valid-from input")), "2025-01-01");
        browser.type(browser.await(By.cssSelector("#officer-valid-to input")), "2030-12-31");
    }

    @Test
    void anOfficerReadsButCannotEditAndTheLanguageSwitches() {
        login("officer", "officer");
        browser.id("personnel-grid");
        assertTrue(browser.driver.findElements(By.id("personnel-add")).isEmpty(), "no add button for 执法人员");
        assertTrue(browser.driver.findElements(By.id("personnel-edit")).isEmpty());
        assertTrue(browser.driver.getPageSource().contains("人员清单"));
        browser.id("lang-en").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("menu-personnel")).getText().contains("人员清单"));
        assertFalse(browser.id("menu-personnel").getText().isBlank());
        browser.screenshot("personnel-en");
        browser.id("lang-zh").click();
        new WebDriverWait(browser.driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.textToBe(By.id("menu-personnel"), "人员清单"));
    }

    @Test
    void theCalendarMenuEntryFollowsTheFeatureInTheOpenPage() {
        login("admin", "admin");
        WebElement menu = browser.id("menu-calendar");
        assertEquals("工作日历", menu.getText().trim());
        menu.click();
        browser.id("calendar-year");
        browser.screenshot("calendar-view");

        bureau.admin("feature:uninstall zhifa-calendar");
        try {
            browser.gone(By.id("menu-calendar"), Duration.ofSeconds(90));
            // the page was not reloaded: the personnel view is shown and the session is still logged in
            browser.id("personnel-grid");
            assertTrue(browser.id("header-user").getText().contains("admin"));
            browser.screenshot("calendar-uninstalled");
        } finally {
            bureau.admin("feature:install zhifa-calendar");
        }
        WebElement back = new WebDriverWait(browser.driver, Duration.ofSeconds(90))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-calendar")));
        assertEquals("工作日历", back.getText().trim());
        back.click();
        browser.id("calendar-year");
        browser.screenshot("calendar-reinstalled");
    }
}
