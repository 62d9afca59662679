package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.zhifa.itests.support.Browser;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;

import com.fasterxml.jackson.databind.JsonNode;

/** 设备台账 and the case page's 证据 section in a real browser, against the store and register behind REST. */
class EvidenceConsoleBrowserIT {
    private static final Duration LIMIT = Duration.ofSeconds(30);
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

    private void waitForText(String id, String text) {
        browser.waiting(LIMIT).until(d -> d.findElement(By.id(id)).getText().contains(text));
    }

    @Test
    void anAdministratorRegistersADeviceAndChangesItAsANewRevision() {
        String id = "DSJ-UI-" + tag;
        LocalDate checked = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3);
        browser.login(bureau, "admin");
        browser.driver.get(bureau.url("/console/#!devices"));
        browser.id("devices-grid");
        browser.id("devices-add").click();
        browser.id("device-form");
        browser.type(browser.id("device-id"), id);
        browser.choose("device-type", "执法记录仪");
        browser.type(browser.id("device-model"), "DSJ-V8");
        browser.type(browser.id("device-holder"), "王建国");
        WebElement clock = browser.await(By.cssSelector("#device-clock input"));
        browser.type(clock, checked.toString());
        clock.sendKeys(Keys.TAB);
        browser.screenshot("device-form");
        browser.id("device-save").click();
        browser.gone(By.id("device-form"), LIMIT);
        waitForText("devices-grid", id);
        browser.screenshot("devices");

        JsonNode d = Json.parse(bureau.get("/api/v1/devices/" + id, "officer").body());
        assertEquals(1, d.get("revision").asInt(), d.toString());
        assertEquals("执法记录仪", d.get("type").asText());
        assertEquals("王建国", d.get("holder").asText());
        assertEquals("ACTIVE", d.get("status").asText());
        assertEquals("admin", d.get("changedBy").asText());
        assertEquals(checked.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().toString(),
                d.get("clockCheckedAt").asText());

        // the same id again: refused in the form, nothing written
        browser.dismissNotifications();
        browser.id("devices-add").click();
        browser.type(browser.id("device-id"), id);
        browser.id("device-save").click();
        waitForText("device-form-error", id);
        browser.id("device-cancel").click();
        browser.gone(By.id("device-form"), LIMIT);

        // a change is the next revision; the history shows both
        browser.await(By.xpath("//div[@id='devices-grid']//td[normalize-space(.)='" + id + "']")).click();
        browser.id("devices-edit").click();
        browser.id("device-form");
        browser.type(browser.id("device-holder"), "李明");
        browser.choose("device-status", "维修");
        browser.id("device-save").click();
        browser.gone(By.id("device-form"), LIMIT);
        d = Json.parse(bureau.get("/api/v1/devices/" + id, "officer").body());
        assertEquals(2, d.get("revision").asInt(), d.toString());
        assertEquals("REPAIR", d.get("status").asText());
        assertEquals("李明", d.get("holder").asText());
        waitForText("devices-grid", "维修");
        browser.await(By.xpath("//div[@id='devices-grid']//td[normalize-space(.)='" + id + "']")).click();
        browser.id("devices-history").click();
        browser.waiting(LIMIT).until(x -> x.findElements(By.cssSelector("#device-history-grid tbody tr")).size() == 2);
        String history = browser.id("device-history-grid").getText();
        assertTrue(history.contains("王建国") && history.contains("李明"), history);
        browser.screenshot("device-history");
    }

    @Test
    void anOfficerSeesTheRegisterButCannotChangeIt() {
        browser.login(bureau, "officer");
        browser.driver.get(bureau.url("/console/#!devices"));
        browser.id("devices-grid");
        assertTrue(browser.id("devices-admin-only").isDisplayed());
        assertTrue(browser.driver.findElements(By.id("devices-add")).isEmpty());
    }

    @Test
    void anOfficerUploadsEvidenceOnTheCasePageAndSeesItsHash() throws Exception {
        List<Long> officers = List.of(cases.validOfficer("控证甲" + tag), cases.validOfficer("控证乙" + tag));
        long caseId = cases.filed("officer", Cases.penalty("控制台证据案" + tag, Cases.person("控证" + tag), officers,
                false)).get("id").asLong();
        cases.moved("officer", caseId, "investigate", Map.of());
        byte[] content = ("现场照片 " + tag + " ").repeat(2000).getBytes(StandardCharsets.UTF_8);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Path file = Files.createTempDirectory("zhifa-evidence").resolve("现场照片" + tag + ".jpg");
        Files.write(file, content);
        try {
            browser.login(bureau, "officer");
            browser.driver.get(bureau.url("/console/#!cases/" + caseId));
            browser.id("case-section-evidence");
            // the step defaults to the case's current one (调查取证)
            assertEquals("调查取证", browser.await(By.cssSelector("#evidence-step input")).getAttribute("value"));
            String coverage = browser.id("evidence-coverage-investigation").getText();
            assertTrue(coverage.contains("未满足"), "no A/V yet: " + coverage);
            String hearing = browser.id("evidence-coverage-hearing").getText();
            assertTrue(hearing.contains("尚未进入"), "听证 is not reached: " + hearing);
            WebElement input = browser.driver.findElement(By.cssSelector("#evidence-upload input[type=file]"));
            input.sendKeys(file.toAbsolutePath().toString());
            waitForText("evidence-grid", hash);
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()",
                    browser.id("case-section-evidence"));
            browser.screenshot("evidence-section");
            String row = browser.id("evidence-grid").getText();
            assertTrue(row.contains(file.getFileName().toString()) && row.contains("调查取证"), row);

            JsonNode items = Json.parse(bureau.get("/api/v1/cases/" + caseId + "/evidence", "officer").body())
                    .get("items");
            assertEquals(1, items.size(), items.toString());
            assertEquals(hash, items.get(0).get("hash").asText());
            assertEquals(content.length, items.get(0).get("size").asLong());
            assertEquals("officer", items.get(0).get("uploadedBy").asText());
            assertEquals("investigation", items.get(0).get("step").asText());

            // 查看 opens the content in the browser, served by the console session with ranges
            long id = items.get(0).get("id").asLong();
            String page = browser.driver.getWindowHandle();
            browser.id("evidence-open-" + id).click();
            browser.waiting(LIMIT).until(d -> d.getWindowHandles().size() == 2);
            String url = null;
            for (String w : browser.driver.getWindowHandles()) {
                if (!w.equals(page)) {
                    browser.driver.switchTo().window(w);
                    url = browser.waiting(LIMIT).until(d -> d.getCurrentUrl().startsWith("http") ? d.getCurrentUrl() : null);
                    browser.driver.close();
                }
            }
            browser.driver.switchTo().window(page);
            String cookies = browser.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<byte[]> part = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies)
                    .header("Range", "bytes=10-19").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(206, part.statusCode());
            assertArrayEquals(Arrays.copyOfRange(content, 10, 20), part.body());
            assertEquals("bytes 10-19/" + content.length, part.headers().firstValue("Content-Range").orElseThrow());
            HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies)
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, whole.statusCode());
            assertArrayEquals(content, whole.body());
            assertTrue(whole.headers().firstValue("Content-Disposition").orElseThrow().startsWith("inline"));
            HttpResponse<byte[]> stranger = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertTrue(stranger.statusCode() != 200 || !Arrays.equals(content, stranger.body()),
                    "without the console session the content is not served");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        }
    }
}
