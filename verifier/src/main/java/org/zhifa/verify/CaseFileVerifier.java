package org.zhifa.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.SignedTreeHead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a case-file archive (format: the casefile bundle's README) with nothing but the file and,
 * optionally, the bureau's public key. Never extracts anything: names are only compared.
 */
final class CaseFileVerifier {
    static final String FORMAT = "zhifa-casefile";
    static final int VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String ENTRIES = "record/entries.jsonl";
    static final String EXPORTED = "casefile.exported";

    /** A safe archive name: plain segments of letters, digits, '.', '_' and '-', none of them '.' or '..'. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_\\-][A-Za-z0-9._\\-]{0,199}(/[A-Za-z0-9_\\-][A-Za-z0-9._\\-]{0,199}){0,3}");
    private static final Pattern EVIDENCE = Pattern.compile("evidence/([0-9a-f]{16,128})(\\.[A-Za-z0-9]{1,10})?");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseFileVerifier() {}

    static Report verify(Path zip, String publicKeyPem) {
        try (ZipFile zf = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
            return verify(zf, publicKeyPem);
        } catch (IOException e) {
            return Report.unusable(Finding.of("UNUSABLE_ZIP", zip.toString(), String.valueOf(e.getMessage())));
        }
    }

    private static Report verify(ZipFile zf, String givenKeyPem) throws IOException {
        List<Finding> findings = new ArrayList<>();
        Map<String, ZipEntry> byName = new LinkedHashMap<>();
        for (var en = zf.entries(); en.hasMoreElements(); ) {
            ZipEntry e = en.nextElement();
            String name = e.getName();
            if (e.isDirectory()) {
                continue;
            }
            if (!SAFE.matcher(name).matches() || name.contains("..")) {
                findings.add(Finding.of("UNSAFE_PATH", printable(name)));
                continue;
            }
            if (byName.put(name, e) != null) {
                findings.add(Finding.of("DUPLICATE_PATH", name));
            }
        }
        ZipEntry manifestEntry = byName.get(MANIFEST);
        if (manifestEntry == null) {
            return Report.unusable(Finding.of("MANIFEST_MISSING", MANIFEST));
        }
        JsonNode m;
        try (InputStream in = zf.getInputStream(manifestEntry)) {
            m = JSON.readTree(in);
        } catch (IOException e) {
            return Report.unusable(Finding.of("MANIFEST_INVALID", MANIFEST, String.valueOf(e.getMessage())));
        }
        if (m == null || !FORMAT.equals(m.path("format").asText()) || m.path("formatVersion").asInt() != VERSION) {
            return Report.unusable(Finding.of("FORMAT_UNSUPPORTED", MANIFEST,
                    m == null ? "" : m.path("format").asText() + " " + m.path("formatVersion").asText()));
        }
        String algorithm = m.path("hashAlgorithm").asText();
        if (Hashing.of(algorithm) == null) {
            return Report.unusable(Finding.of("HASH_UNSUPPORTED", MANIFEST, algorithm));
        }
        String bureau = m.path("bureau").path("code").asText(null);
        String caseId = m.path("case").path("id").asText(null);
        String caseNumber = m.path("case").path("number").asText(null);

        Proofs.Anchor anchor;
        try {
            anchor = Proofs.anchor(m, givenKeyPem, MANIFEST, algorithm, bureau, findings);
        } catch (Proofs.Unusable e) {
            return Report.unusable(e.finding);
        }
        SignedTreeHead sth = anchor.sth();

        // every listed file: present, same size, same hash; evidence files also named by their hash
        Map<String, String> listed = new HashMap<>();
        StringBuilder listing = new StringBuilder();
        int files = 0;
        for (JsonNode f : m.path("files")) {
            String path = f.path("path").asText();
            String hash = f.path("hash").asText();
            long size = f.path("size").asLong(-1);
            listing.append(hash).append("  ").append(size).append("  ").append(path).append('\n');
            files++;
            if (listed.put(path, hash) != null) {
                findings.add(Finding.of("DUPLICATE_PATH", path));
            }
            ZipEntry e = byName.get(path);
            if (e == null) {
                findings.add(Finding.of("FILE_MISSING", path));
                continue;
            }
            Object[] actual;
            try (InputStream in = zf.getInputStream(e)) {
                actual = Hashing.of(algorithm).stream(in);
            }
            if ((long) actual[1] != size) {
                findings.add(Finding.of("FILE_SIZE", path, size, actual[1]));
            }
            if (!actual[0].equals(hash)) {
                findings.add(Finding.of("FILE_CHANGED", path, hash, actual[0]));
            }
            var ev = EVIDENCE.matcher(path);
            if (ev.matches() && !ev.group(1).equals(actual[0])) {
                findings.add(Finding.of("EVIDENCE_CHANGED", path, actual[0]));
            }
        }
        for (String name : byName.keySet()) {
            if (!name.equals(MANIFEST) && !name.equals(ENTRIES) && !listed.containsKey(name)) {
                findings.add(Finding.of("UNLISTED_FILE", name));
            }
        }
        String filesHash = Hashing.hex(Hashing.of(algorithm).update(listing.toString().getBytes(StandardCharsets.UTF_8))
                .digest());

        // the evidence the manifest accounts for: a file in the archive, or a reference to a stored one
        Map<String, Boolean> evidence = new HashMap<>();
        for (JsonNode e : m.path("evidence")) {
            String path = e.path("path").asText(null);
            boolean present = path != null && byName.containsKey(path) && listed.containsKey(path);
            evidence.merge(e.path("hash").asText(), present || e.path("reference").asBoolean(false), Boolean::logicalOr);
        }

        // the log slice: every entry recomputed, every proof checked against the tree head
        ZipEntry entriesEntry = byName.get(ENTRIES);
        int entries = 0;
        boolean anchored = false;
        Set<String> missingEvidence = new HashSet<>();
        if (entriesEntry == null) {
            findings.add(Finding.of("FILE_MISSING", ENTRIES));
        } else {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(zf.getInputStream(entriesEntry),
                    StandardCharsets.UTF_8))) {
                long previous = -1;
                int lineNo = 0;
                for (String line; (line = r.readLine()) != null; ) {
                    lineNo++;
                    if (line.isBlank()) {
                        continue;
                    }
                    entries++;
                    JsonNode j;
                    try {
                        j = JSON.readTree(line);
                    } catch (IOException ex) {
                        findings.add(Finding.of("ENTRY_INVALID", ENTRIES + "#" + lineNo, String.valueOf(ex.getMessage())));
                        continue;
                    }
                    long seq = j.path("seq").asLong(-1);
                    if (j.hasNonNull("seq") && seq <= previous) {
                        findings.add(Finding.entry("ENTRY_ORDER", seq, lineNo, previous));
                    }
                    previous = Math.max(previous, seq);
                    if (j.hasNonNull("bureau") && !j.path("bureau").asText().equals(bureau)) {
                        findings.add(Finding.entry("ENTRY_BUREAU", seq, lineNo, j.path("bureau").asText()));
                    }
                    RecordEntry entry = Proofs.proven(j, anchor, Finding.entry("", seq, lineNo).location(), seq, findings);
                    if (entry == null) {
                        continue;
                    }
                    for (String hash : entry.evidenceHashes()) {
                        if (!evidence.getOrDefault(hash, false) && missingEvidence.add(hash)) {
                            findings.add(Finding.entry("EVIDENCE_MISSING", seq, lineNo, hash));
                        }
                    }
                    if (EXPORTED.equals(entry.entryType()) && "case".equals(entry.objectType())
                            && entry.objectId().equals(caseId)
                            && filesHash.equals(JSON.readTree(entry.payload()).path("filesHash").asText())) {
                        anchored = true;
                    }
                }
            }
        }
        if (!anchored) {
            findings.add(Finding.of("FILES_NOT_ANCHORED", MANIFEST + " files", filesHash));
        }
        return new Report(Report.CASE_FILE, null, findings, caseNumber, files, entries, sth.treeSize(), sth.rootHash());
    }

    /** A name as it can be shown: control characters escaped. */
    private static String printable(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
