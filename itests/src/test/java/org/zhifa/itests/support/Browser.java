package org.zhifa.itests.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Headless Debian Chromium driven through Debian's chromedriver; nothing is downloaded. */
public final class Browser implements AutoCloseable {
    private static final String CHROMIUM = System.getProperty("zhifa.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("zhifa.chromedriver", "/usr/bin/chromedriver");

    public final WebDriver driver;
    private final Path profile;

    public Browser() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": run ./zhifa test (it installs chromium and chromium-driver)");
        }
        try {
            profile = Files.createTempDirectory("zhifa-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=zh-CN",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** Logs in to the bureau's console as a demo user (password = user name) and waits for the header. */
    public void login(Bureau bureau, String user) {
        driver.get(bureau.url("/console/"));
        type(id("login-username"), user);
        type(id("login-password"), user);
        id("login-submit").click();
        id("header-user");
    }

    /**
     * Logs out. The click reloads the page, and chromedriver may report that as "aborted by navigation"
     * although the click took effect; the same can happen while waiting. Either way the login form is what
     * must come, within the usual limit.
     */
    public void logout() {
        try {
            id("logout").click();
        } catch (WebDriverException e) {
            if (!abortedByNavigation(e)) {
                throw e;
            }
        }
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return ExpectedConditions.visibilityOfElementLocated(By.id("login-username")).apply(d);
                    } catch (WebDriverException e) {
                        if (abortedByNavigation(e)) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    private static boolean abortedByNavigation(WebDriverException e) {
        return e.getMessage() != null && e.getMessage().contains("aborted by navigation");
    }

    /** A wait of {@code limit} that retries through elements Vaadin replaced meanwhile. */
    public WebDriverWait waiting(Duration limit) {
        return (WebDriverWait) new WebDriverWait(driver, limit).ignoring(StaleElementReferenceException.class);
    }

    public WebElement await(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement id(String id) {
        return await(By.id(id));
    }

    /** The element, scrolled into view first: a long view shows only what is in sight. */
    public WebElement visible(String id) {
        WebElement e = waiting(Duration.ofSeconds(30)).until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", e);
        try {
            return id(id);
        } catch (org.openqa.selenium.TimeoutException x) {
            screenshot("hidden-" + id);
            throw x;
        }
    }

    /**
     * Waits until the text of element {@code id} contains {@code text}: its textContent, which an element out of
     * sight has too (getText() reads nothing there). A screenshot and the text found come with a failure.
     */
    public void awaitText(String id, String text, Duration limit) {
        try {
            waiting(limit).ignoring(org.openqa.selenium.NoSuchElementException.class)
                    .until(d -> d.findElement(By.id(id)).getAttribute("textContent").contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed-" + id);
            List<WebElement> found = driver.findElements(By.id(id));
            throw new AssertionError("'" + text + "' not in #" + id + ": "
                    + (found.isEmpty() ? "(absent)" : found.get(0).getAttribute("textContent")), e);
        }
    }

    public void gone(By by, Duration limit) {
        new WebDriverWait(driver, limit).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    public void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    /** Picks {@code option} of the Vaadin combo box {@code id} from its drop-down list. */
    public void choose(String id, String option) {
        WebElement box = id(id);
        box.findElement(By.cssSelector(".v-filterselect-button")).click();
        clickSuggestion(option);
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(d -> option.equals(d.findElement(By.cssSelector("#" + id + " input")).getAttribute("value")));
    }

    /** Types into the Vaadin combo box {@code id} and picks the first suggestion containing {@code text}. */
    public void search(String id, String typed, String text) {
        WebElement input = await(By.cssSelector("#" + id + " input"));
        type(input, typed);
        clickSuggestion(text);
    }

    private void clickSuggestion(String text) {
        By item = By.xpath("//div[@id='VAADIN_COMBOBOX_OPTIONLIST']//td[contains(normalize-space(.), "
                + xpathLiteral(text) + ")]");
        // The list is redrawn when the server answers (a typed filter, a slow page): a click may hit an
        // element that is just being replaced, or be swallowed. Click whatever matches now, and again
        // at the next poll while the list is still open; done once it has closed after a click.
        By list = By.id("VAADIN_COMBOBOX_OPTIONLIST");
        boolean[] clicked = {false};
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
                .until(d -> {
                    List<WebElement> open = d.findElements(list);
                    if (open.isEmpty() || !open.get(0).isDisplayed()) {
                        return clicked[0];
                    }
                    WebElement e = d.findElement(item);
                    if (e.isDisplayed()) {
                        e.click();
                        clicked[0] = true;
                    }
                    return false;
                });
    }

    private static String xpathLiteral(String s) {
        return s.contains("'") ? "\"" + s + "\"" : "'" + s + "'";
    }

    /** Waits until an error notification ({@code .v-Notification.zhifa-error}) shows a text containing {@code text}. */
    public String awaitError(String text) {
        By errors = By.cssSelector(".v-Notification.zhifa-error");
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                    .until(d -> d.findElements(errors).stream().map(WebElement::getText)
                            .filter(t -> t.contains(text)).findFirst().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("no error notification containing '" + text + "'; notifications: "
                    + driver.findElements(By.cssSelector(".v-Notification")).stream().map(WebElement::getText)
                            .toList(), e);
        }
    }

    /** Closes every notification on the page (they stay until clicked) and waits until they are gone. */
    public void dismissNotifications() {
        By any = By.cssSelector(".v-Notification");
        for (WebElement n : driver.findElements(any)) {
            try {
                n.click();
            } catch (RuntimeException e) {
                // already fading out
            }
        }
        gone(any, Duration.ofSeconds(30));
    }

    /** Saves a PNG for humans under target/screenshots. */
    public Path screenshot(String name) {
        try {
            Path dir = Paths.get(System.getProperty("zhifa.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path to = dir.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), to,
                    StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var s = Files.walk(profile)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
