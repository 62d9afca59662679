package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.zhifa.itests.support.Browser;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 记录核验 in headless Chromium: a verification run with its progress, and the red alarm banner that an
 * evidence file changed on disk raises in an open session (and that a clean run clears again).
 */
class RecordBrowserIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
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

    private boolean bannerShown() {
        return !browser.driver.findElements(By.cssSelector("#" + "record-alarm-banner")).stream()
                .filter(e -> e.isDisplayed()).toList().isEmpty();
    }

    @Test
    void aLeaderVerifiesTheRecordAndSeesItsSize() {
        browser.login(bureau, "leader");
        browser.id("menu-record").click();
        browser.id("record-verify").click();
        // the progress bar shows while it runs, the phase ends with the verified size
        Pattern done = Pattern.compile("核验通过：(\\d+) 条记录未被改动");
        new WebDriverWait(browser.driver, LIMIT).until(d -> done.matcher(d.findElement(By.id("record-phase")).getText()).find());
        browser.gone(By.id("record-progress"), LIMIT);
        Matcher m = done.matcher(browser.id("record-phase").getText());
        assertTrue(m.find());
        long verified = Long.parseLong(m.group(1));
        JsonNode last = Json.parse(bureau.get("/api/v1/record/verification", "leader").body());
        assertTrue(last.get("ok").asBoolean(), last.toString());
        assertEquals(last.get("treeSize").asLong(), verified, last.toString());
        assertTrue(verified >= 1, "the demo bureau's data is in the record");
        assertTrue(browser.id("record-alarm").getText().startsWith("最近一次核验通过"), browser.id("record-alarm").getText());
        assertFalse(bannerShown(), "no alarm after a clean run");
        browser.screenshot("record-verified");
    }

    @Test
    void aChangedEvidenceFileRaisesTheAlarmInAnOpenSessionUntilACleanRun() throws Exception {
        byte[] content = new byte[4096];
        new Random().nextBytes(content); // new content: its own file, not a deduplicated one
        HttpResponse<String> up = bureau.sendBytes("POST", "/api/v1/evidence?fileName=alarm.jpg&mediaType=image/jpeg",
                "officer", content, "image/jpeg");
        assertEquals(201, up.statusCode(), up.body());
        String hash = Json.parse(up.body()).get("hash").asText();
        Path file = stored(hash);

        browser.login(bureau, "officer"); // any staff member sees the alarm; the officer cannot verify
        browser.id("personnel-grid");
        assertFalse(bannerShown());

        flip(file);
        try {
            HttpResponse<String> r = bureau.send("POST", "/api/v1/record/verify", "leader", null);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode report = Json.parse(r.body());
            assertFalse(report.get("ok").asBoolean(), r.body());
            assertEquals("EVIDENCE_CHANGED", report.get("problems").get(0).get("type").asText(), r.body());

            // no reload: the console's poll brings the banner
            new WebDriverWait(browser.driver, LIMIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("record-alarm-text"), "记录核验发现问题"));
            browser.screenshot("record-alarm-banner");
            browser.id("record-alarm-open").click();
            new WebDriverWait(browser.driver, LIMIT).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.id("record-problems"), "证据文件被改动"));
            assertTrue(browser.id("record-problems").getText().contains(hash), "the problem names the file");
            assertTrue(bannerShown(), "the banner stays on every view");
            browser.screenshot("record-alarm-problems");
        } finally {
            flip(file);
        }
        HttpResponse<String> again = bureau.send("POST", "/api/v1/record/verify", "leader", null);
        assertTrue(Json.parse(again.body()).get("ok").asBoolean(), again.body());
        browser.gone(By.id("record-alarm-banner"), LIMIT);
    }

    /** The evidence store's file of {@code hash} under the bureau's data folder. */
    private Path stored(String hash) throws IOException {
        try (Stream<Path> files = Files.walk(bureau.home.resolve("data"))) {
            return files.filter(p -> p.getFileName().toString().equals(hash)).findFirst()
                    .orElseThrow(() -> new AssertionError("no file " + hash + " under " + bureau.home.resolve("data")));
        }
    }

    /** Inverts the file's first byte in place (the store keeps its files read-only). */
    private static void flip(Path file) throws IOException {
        boolean writable = file.toFile().canWrite();
        assertTrue(file.toFile().setWritable(true), "make " + file + " writable");
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
            channel.read(b, 0);
            b.put(0, (byte) ~b.get(0));
            b.rewind();
            channel.write(b, 0);
        }
        file.toFile().setWritable(writable);
    }
}
