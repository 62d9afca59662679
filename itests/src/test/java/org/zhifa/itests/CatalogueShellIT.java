package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * zhifa:catalogue-filing (D8, P5) in the built bureau: writes the filing package the REST API serves, refuses
 * a name that is not a .zip and an existing file without --force (exit non-zero, both languages, the file
 * untouched).
 */
class CatalogueShellIT {
    private final Bureau bureau = Bureau.shared();

    @Test
    void theFilingPackageIsWrittenToAFile() throws IOException {
        Path out = bureau.home.resolve("data/filing-it/beian.zip");
        Files.deleteIfExists(out);
        Bureau.Shell written = bureau.client("leader", "leader", "zhifa:catalogue-filing data/filing-it/beian.zip");
        assertEquals(0, written.exit(), written.output());
        assertTrue(written.output().contains("已写出备案包") && written.output().contains("Filing package written"),
                written.output());
        assertTrue(Files.isRegularFile(out), written.output());
        Map<String, byte[]> entries = unzip(Files.readAllBytes(out));
        JsonNode manifest = Json.parse(new String(entries.get("manifest.json"), StandardCharsets.UTF_8));
        assertEquals("zhifa-filing-package/1", manifest.get("format").asText(), manifest.toString());
        assertEquals("leader", manifest.get("generatedBy").asText(), "attributed to the shell user");
        assertTrue(entries.keySet().stream().anyMatch(n -> n.startsWith("flowcharts/penalty.")), entries.keySet().toString());
        try (var dir = Files.list(out.getParent())) {
            assertEquals(1, dir.count(), "no temporary file left beside it");
        }

        byte[] before = Files.readAllBytes(out);
        Bureau.Shell exists = bureau.client("leader", "leader", "zhifa:catalogue-filing data/filing-it/beian.zip");
        assertNotEquals(0, exists.exit(), exists.output());
        assertTrue(exists.output().contains("文件已存在") && exists.output().contains("--force"), exists.output());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out)), "the existing file untouched");
        Bureau.Shell forced = bureau.client("leader", "leader", "zhifa:catalogue-filing --force data/filing-it/beian.zip");
        assertEquals(0, forced.exit(), forced.output());

        Bureau.Shell notZip = bureau.client("leader", "leader", "zhifa:catalogue-filing data/filing-it/beian.txt");
        assertNotEquals(0, notZip.exit(), notZip.output());
        assertTrue(notZip.output().contains(".zip"), notZip.output());
        assertFalse(Files.exists(out.resolveSibling("beian.txt")));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), ((InputStream) in).readAllBytes());
            }
        }
        return out;
    }
}
