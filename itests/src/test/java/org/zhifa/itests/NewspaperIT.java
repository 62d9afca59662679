package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Wait;

/**
 * The newspaper channel (C4) hot-installed into the running bureau: a notice published through disclosure reaches
 * it through the outbox, and the edition comes as PDF, DOCX and .eml over REST and from the shell; bad input is
 * refused; the feature is uninstalled again at the end.
 */
class NewspaperIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private final Bureau bureau = Bureau.shared();

    @Test
    void installPublishDownloadUninstall() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String edition = "/api/v1/channels/newspaper/edition?from=" + today + "&to=" + today;
        bureau.admin("feature:install zhifa-channel-newspaper");
        try {
            Wait.until("newspaper REST", LIMIT, () -> bureau.get(edition + "&format=bad", "officer").statusCode() == 400,
                    bureau::logTail);
            assertTrue(bureau.get("/api/openapi.json", null).body().contains("/v1/channels/newspaper/edition"), "documented");
            bureau.admin("config:edit org.zhifa.channel.newspaper", "config:property-set newspaper.address gonggao@paper.example",
                    "config:property-set from.address gongshi@bureau.example", "config:update");

            // a notice with markup in its title and a name the leader masks on approval
            String title = "<b>关于某地块</b>征收的公告" + System.nanoTime() % 100000;
            HttpResponse<String> created = bureau.send("POST", "/api/v1/disclosure/items", "officer", Json.write(Map.of(
                    "type", "NOTICE", "title", title, "decidedOn", today,
                    "text", "经研究，现将某地块征收事项公告如下。\n联系人王秘书，办公地点本局二楼。")));
            assertEquals(201, created.statusCode(), created.body());
            long id = Json.parse(created.body()).get("id").asLong();
            HttpResponse<String> approved = bureau.send("POST", "/api/v1/disclosure/items/" + id + "/approve", "leader",
                    Json.write(Map.of("extraMasks", List.of("王秘书"))));
            assertEquals(200, approved.statusCode(), approved.body());

            String[] text = new String[1];
            Wait.until("the notice in the edition", LIMIT, () -> {
                HttpResponse<byte[]> r = bureau.download(edition + "&format=pdf", "officer");
                if (r.statusCode() != 200) {
                    return false;
                }
                text[0] = pdfText(r.body());
                return text[0].contains(title.replaceAll("\\s+", ""));
            }, () -> bureau.get("/api/v1/disclosure/outbox", "officer").body() + "\n" + bureau.logTail());
            assertTrue(text[0].contains("经研究，现将某地块征收事项公告如下。"), text[0]);
            assertFalse(text[0].contains("王秘书"), "the staff copy's masked name is not printed");
            HttpResponse<byte[]> pdf = bureau.download(edition + "&format=pdf", "officer");
            assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
            assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains(".pdf"));
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                assertEquals(595.28f, doc.getPage(0).getMediaBox().getWidth(), 0.05f);
                assertEquals(841.89f, doc.getPage(0).getMediaBox().getHeight(), 0.05f);
            }

            HttpResponse<byte[]> docx = bureau.download(edition + "&format=docx", "reviewer");
            assertEquals(200, docx.statusCode());
            String document = entry(docx.body(), "word/document.xml");
            assertTrue(document.contains("&lt;b&gt;关于某地块&lt;/b&gt;征收的公告"), "markup escaped as text");
            assertTrue(document.contains("w:docGrid w:type=\"linesAndChars\""));
            assertFalse(document.contains("王秘书"));

            HttpResponse<byte[]> eml = bureau.download(edition + "&format=eml", "leader");
            assertEquals(200, eml.statusCode(), new String(eml.body(), StandardCharsets.UTF_8));
            String mail = new String(eml.body(), StandardCharsets.US_ASCII);
            assertTrue(mail.contains("\r\nTo: ") && mail.contains("<gonggao@paper.example>"), mail.substring(0, 400));
            assertTrue(mail.contains("<gongshi@bureau.example>"));
            assertTrue(mail.contains("Content-Type: multipart/mixed; boundary="));
            assertTrue(mail.contains("filename=\"newspaper-" + today + "-" + today + ".pdf\""));
            assertTrue(mail.contains("filename=\"newspaper-" + today + "-" + today + ".docx\""));

            // refusals: JSON with both messages, for REST; a failing exit for the shell
            refused(bureau.get("/api/v1/channels/newspaper/edition?from=2026-13-01&to=" + today, "officer"), "NEWSPAPER_PERIOD_INVALID");
            refused(bureau.get("/api/v1/channels/newspaper/edition?from=" + today + "&to=2020-01-01", "officer"), "NEWSPAPER_PERIOD_INVALID");
            refused(bureau.get("/api/v1/channels/newspaper/edition?from=%3Cscript%3E&to=" + today, "officer"), "NEWSPAPER_PERIOD_INVALID");
            refused(bureau.get(edition + "&format=exe", "officer"), "NEWSPAPER_FORMAT_INVALID");
            refused(bureau.get(edition + "&types=RUMOUR", "officer"), "NEWSPAPER_TYPES_INVALID");
            assertEquals(401, bureau.get(edition, null).statusCode());

            Path out = bureau.home.resolve("data/tmp/newspaper-it-" + System.nanoTime() + ".docx");
            Bureau.Shell shell = bureau.client("reviewer", "reviewer", "zhifa:newspaper-edition --from " + today + " --to " + today
                    + " --format docx --out " + out);
            assertEquals(0, shell.exit(), shell.output());
            assertTrue(entry(Files.readAllBytes(out), "word/document.xml").contains("征收的公告"));
            Bureau.Shell again = bureau.client("reviewer", "reviewer", "zhifa:newspaper-edition --from " + today + " --to " + today
                    + " --format docx --out " + out);
            assertNotEquals(0, again.exit(), "an existing file is kept: " + again.output());
            Bureau.Shell bad = bureau.client("reviewer", "reviewer", "zhifa:newspaper-edition --from yesterday --to " + today
                    + " --out data/tmp/x.pdf");
            assertNotEquals(0, bad.exit(), bad.output());
            assertTrue(bad.output().contains("NEWSPAPER_PERIOD_INVALID"), bad.output());
            assertFalse(Files.exists(bureau.home.resolve("data/tmp/x.pdf")));
            Files.deleteIfExists(out);
        } finally {
            bureau.admin("config:edit org.zhifa.channel.newspaper", "config:property-delete newspaper.address",
                    "config:property-delete from.address", "config:update");
            bureau.admin("feature:uninstall zhifa-channel-newspaper");
        }
        Wait.until("newspaper REST gone", LIMIT, () -> bureau.get(edition, "officer").statusCode() == 404);
        String features = bureau.admin("feature:list -i --no-format");
        assertFalse(features.lines().anyMatch(l -> l.startsWith("zhifa-channel-newspaper ")), features);
        assertEquals(200, bureau.get("/api/v1/disclosure/items?limit=1", "officer").statusCode());
        assertFalse(bureau.get("/api/openapi.json", null).body().contains("/v1/channels/newspaper/edition"));
    }

    private static void refused(HttpResponse<String> r, String code) {
        assertEquals(400, r.statusCode(), r.body());
        JsonNode e = Json.parse(r.body());
        assertEquals(code, e.path("code").asText(), r.body());
        assertFalse(e.path("message_zh").asText().isBlank(), r.body());
        assertFalse(e.path("message_en").asText().isBlank(), r.body());
    }

    private static String pdfText(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry z; (z = in.getNextEntry()) != null; ) {
                if (z.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name + " missing");
    }
}
