package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.zhifa.itests.support.Browser;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Wait;

/**
 * The console view 报纸公告 in a real browser: it appears with the hot-installed feature, previews the entries an
 * edition prints (markup in a title stays text), offers the three downloads, shows why a period is refused, and
 * goes away with the feature.
 */
class NewspaperBrowserIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private final Bureau bureau = Bureau.shared();

    @Test
    void previewDownloadsAndRefusal() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String edition = "/api/v1/channels/newspaper/edition?from=" + today + "&to=" + today;
        bureau.admin("feature:install zhifa-channel-newspaper");
        try (Browser browser = new Browser()) {
            Wait.until("newspaper REST", LIMIT, () -> bureau.get(edition + "&format=bad", "officer").statusCode() == 400);
            String title = "<i>报纸</i>预览公告" + System.nanoTime() % 100000;
            HttpResponse<String> created = bureau.send("POST", "/api/v1/disclosure/items", "officer", Json.write(Map.of(
                    "type", "NOTICE", "title", title, "decidedOn", today, "text", "预览正文。")));
            assertEquals(201, created.statusCode(), created.body());
            long id = Json.parse(created.body()).get("id").asLong();
            assertEquals(200, bureau.send("POST", "/api/v1/disclosure/items/" + id + "/approve", "leader",
                    Json.write(Map.of("extraMasks", List.of()))).statusCode());
            Wait.until("the notice delivered to the newspaper", LIMIT, () -> {
                HttpResponse<byte[]> r = bureau.download(edition + "&format=docx", "officer");
                return r.statusCode() == 200 && docxContains(r.body(), title.substring(title.indexOf("预览公告")));
            }, bureau::logTail);

            browser.login(bureau, "officer");
            browser.driver.get(bureau.url("/console/#!newspaper"));
            browser.id("newspaper-view");
            try {
                browser.waiting(LIMIT).until(d -> d.findElement(By.id("newspaper-entries")).getText().contains(title));
            } catch (org.openqa.selenium.TimeoutException e) {
                browser.screenshot("newspaper-preview");
                throw new AssertionError(browser.driver.findElement(By.id("newspaper-view")).getText(), e);
            }
            assertTrue(browser.driver.findElements(By.cssSelector("#newspaper-entries i")).isEmpty(), "markup stays text");
            assertTrue(browser.id("newspaper-count").getText().matches("共 \\d+ 条"), browser.id("newspaper-count").getText());
            for (String b : List.of("newspaper-pdf", "newspaper-docx", "newspaper-eml")) {
                assertTrue(browser.id(b).isDisplayed(), b);
            }

            // a period ending before it starts: the view says why
            WebElement from = browser.await(By.cssSelector("#newspaper-from input"));
            browser.type(from, "2099-01-01");
            from.sendKeys(Keys.TAB);
            browser.id("newspaper-show").click();
            browser.waiting(LIMIT).until(d -> d.findElement(By.id("newspaper-error")).getText().contains("期间无效"));
            browser.dismissNotifications();
        } finally {
            bureau.admin("feature:uninstall zhifa-channel-newspaper");
        }
        Wait.until("newspaper REST gone", LIMIT, () -> bureau.get(edition, "officer").statusCode() == 404);
    }

    private static boolean docxContains(byte[] docx, String text) {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
            for (java.util.zip.ZipEntry z; (z = in.getNextEntry()) != null; ) {
                if (z.getName().equals("word/document.xml")) {
                    return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).contains(text);
                }
            }
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
