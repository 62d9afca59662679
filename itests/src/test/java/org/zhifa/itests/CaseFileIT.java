package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.fields;
import static org.zhifa.itests.support.Cases.refused;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Cases;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Verifier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case file (案卷, R5) from the built bureau, checked by the real offline verifier run as
 * {@code java -jar verifier/target/zhifa-verify.jar}: OK as exported, exit 1 with the location once tampered.
 */
class CaseFileIT {
    private final Bureau bureau = Bureau.shared();
    private final Cases cases = new Cases(bureau);

    @Test
    void anExportedCaseFileVerifiesOfflineAndTamperingIsLocated() throws Exception {
        List<Long> officers = List.of(cases.validOfficer("甲案卷"), cases.validOfficer("乙案卷"));
        JsonNode c = cases.filed("officer", Cases.penalty("欧阳案卷未经批准占用耕地建房案", Cases.person("欧阳案卷"),
                officers, false));
        long id = c.get("id").asLong();
        cases.moved("officer", id, "investigate", Map.of());
        cases.moved("officer", id, "concludeInvestigation", fields("facts", "当事人未经批准占用耕地 300 平方米建房",
                "evidence", "现场检查笔录、询问笔录"));

        HttpResponse<byte[]> zip = bureau.download("/api/v1/cases/" + id + "/casefile", "officer");
        assertEquals(200, zip.statusCode(), new String(zip.body(), StandardCharsets.UTF_8));
        assertTrue(zip.headers().firstValue("Content-Type").orElseThrow().startsWith("application/zip"));
        Path dir = Files.createDirectories(Path.of(System.getProperty("zhifa.work", "target/it"), "casefile"));
        Path good = Files.write(dir.resolve("case-" + id + ".zip"), zip.body());

        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(good.toFile())) {
            z.stream().forEach(e -> names.add(e.getName()));
            JsonNode manifest = Json.parse(new String(z.getInputStream(z.getEntry("manifest.json")).readAllBytes(),
                    StandardCharsets.UTF_8));
            assertEquals(c.get("number").asText(), manifest.get("case").get("number").asText());
            String entries = new String(z.getInputStream(z.getEntry("record/entries.jsonl")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(entries.contains("\"entryType\":\"casefile.exported\""), entries);
        }
        assertTrue(names.contains("index.pdf") && names.contains("documents/penalty.filing.pdf"), names.toString());

        Verifier.Run ok = verify(good);
        assertEquals(0, ok.exit, ok.output);
        assertTrue(ok.output.startsWith("验证通过"), ok.output);

        // the bureau's published key, given explicitly, agrees
        HttpResponse<String> key = bureau.get("/api/v1/record/public-key", null);
        assertEquals(200, key.statusCode(), key.body());
        Path pem = Files.writeString(dir.resolve("bureau.pem"), key.body());
        Verifier.Run withKey = verify(good, "--public-key", pem.toString(), "--lang", "en");
        assertEquals(0, withKey.exit, withKey.output);

        // one byte of a document changed in a copy
        Path tampered = dir.resolve("tampered-" + id + ".zip");
        copyChanging(good, tampered, "documents/penalty.filing.pdf");
        Verifier.Run bad = verify(tampered, "--lang", "en");
        assertEquals(1, bad.exit, bad.output);
        assertTrue(bad.output.contains("FILE_CHANGED  documents/penalty.filing.pdf"), bad.output);

        // the export itself is on the record, and the completeness report says the case is still open
        JsonNode completeness = Json.parse(bureau.get("/api/v1/cases/" + id + "/completeness", "officer").body());
        assertEquals(false, completeness.get("complete").asBoolean(), completeness.toString());
        assertTrue(completeness.toString().contains("NOT_CLOSED"), completeness.toString());

        refused(bureau.get("/api/v1/cases/999999/casefile", "officer"), 404, "CASE_NOT_FOUND");
        assertEquals(401, bureau.status("/api/v1/cases/" + id + "/casefile"));
    }

    private static void copyChanging(Path from, Path to, String name) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile()); OutputStream o = Files.newOutputStream(to);
             ZipOutputStream out = new ZipOutputStream(o)) {
            for (ZipEntry e : in.stream().toList()) {
                byte[] b;
                try (InputStream s = in.getInputStream(e)) {
                    b = s.readAllBytes();
                }
                if (e.getName().equals(name)) {
                    b[b.length / 2] ^= 1;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
                out.closeEntry();
            }
        }
    }

    private static Verifier.Run verify(Path zip, String... more) throws Exception {
        return Verifier.run(zip, more);
    }
}
