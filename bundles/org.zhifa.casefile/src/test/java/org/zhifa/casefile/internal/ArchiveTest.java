package org.zhifa.casefile.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

class ArchiveTest {

    @Test
    void namesAreSanitised() {
        assertEquals("penalty.decision", Archive.segment("penalty.decision"));
        assertEquals("etc_passwd", Archive.segment("/../etc/passwd"));
        assertEquals("etc_passwd", Archive.segment("../etc/passwd"));
        assertEquals("_", Archive.segment(".."));
        assertEquals("a_b", Archive.segment("a\u0000b"));
        assertEquals(".mp4", CaseFileServiceImpl.extension("现场.MP4"));
        assertEquals("", CaseFileServiceImpl.extension("x.<script>"));
        assertEquals("", CaseFileServiceImpl.extension(null));
    }

    @Test
    void unsafeEntryNamesAreRefused() {
        Archive a = new Archive(new ByteArrayOutputStream(), "SHA-256");
        assertThrows(IllegalArgumentException.class, () -> a.raw("../x", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> a.raw("/x", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> a.raw("documents/../../x", new byte[0]));
    }

    @Test
    void filesAreHashedAsWrittenAndTheListHashIsTheDocumentedOne() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Archive a = new Archive(bytes, "SHA-256");
        byte[] doc = "决定书".getBytes(StandardCharsets.UTF_8);
        a.file("documents/d.pdf", o -> o.write(doc));
        a.raw("manifest.json", "{}".getBytes(StandardCharsets.UTF_8));
        a.finish();
        String h = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(doc));
        assertEquals(h, a.listed().get(0).hash());
        String list = h + "  " + doc.length + "  documents/d.pdf\n";
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(list.getBytes(StandardCharsets.UTF_8))), a.filesHash());
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals("documents/d.pdf", z.getNextEntry().getName());
            assertEquals("manifest.json", z.getNextEntry().getName());
        }
    }
}
