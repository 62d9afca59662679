package org.zhifa.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.spotcheck.Conflict;
import org.zhifa.api.spotcheck.DrawAlgorithm;
import org.zhifa.api.spotcheck.DrawInput;
import org.zhifa.api.spotcheck.DrawInspector;
import org.zhifa.api.spotcheck.DrawResult;
import org.zhifa.api.spotcheck.DrawTarget;
import org.zhifa.api.spotcheck.SeedSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a 双随机 draw file ({@code zhifa-draw} version 1, written by org.zhifa.spotcheck): the draw's record
 * entry and its announcement proven against the signed tree head, the announcement before the draw with
 * the same sources, the pool snapshots against the hashes the entry holds, the key against the published
 * source values, and the draw run again by {@link DrawAlgorithm} against the recorded result.
 */
final class DrawFileVerifier {
    static final String FORMAT = "zhifa-draw";
    static final int VERSION = 1;
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final String DOC = "draw.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DrawFileVerifier() {}

    /** Whether {@code file} looks like a draw file (JSON) rather than a case-file zip. */
    static boolean isDrawFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int b;
            do {
                b = in.read();
            } while (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == 0xEF || b == 0xBB || b == 0xBF);
            return b == '{';
        } catch (IOException e) {
            return false;
        }
    }

    static Report verify(Path file, String publicKeyPem) {
        JsonNode d;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return Report.unusable(Finding.of("DRAW_TOO_LARGE", DOC, MAX_BYTES));
            }
            d = JSON.readTree(file.toFile());
        } catch (IOException e) {
            return Report.unusable(Finding.of("MANIFEST_INVALID", DOC, String.valueOf(e.getMessage())));
        }
        if (d == null || !FORMAT.equals(d.path("format").asText()) || d.path("formatVersion").asInt() != VERSION) {
            return Report.unusable(Finding.of("FORMAT_UNSUPPORTED", DOC,
                    d == null ? "" : d.path("format").asText() + " " + d.path("formatVersion").asText()));
        }
        String algorithm = d.path("hashAlgorithm").asText();
        if (Hashing.of(algorithm) == null) {
            return Report.unusable(Finding.of("HASH_UNSUPPORTED", DOC, algorithm));
        }
        List<Finding> findings = new ArrayList<>();
        String bureau = d.path("bureau").path("code").asText(null);
        Proofs.Anchor anchor;
        try {
            anchor = Proofs.anchor(d, publicKeyPem, DOC, algorithm, bureau, findings);
        } catch (Proofs.Unusable e) {
            return Report.unusable(e.finding);
        }
        long drawId = d.path("draw").path("id").asLong(-1);
        String subject = d.path("plan").path("number").asText("?") + " #" + d.path("draw").path("round").asText("?");
        String objectId = "draw:" + drawId;

        // the draw's entry, proven
        RecordEntry made = Proofs.proven(d.path("entries").path("made"), anchor, "entries.made", -1, findings);
        if (made == null) {
            return report(findings, subject, 0, 0, anchor);
        }
        if (!made.objectId().equals(objectId) || !"spotcheck.draw.made".equals(made.entryType())
                || bureau == null || !bureau.equals(made.bureau())) {
            findings.add(Finding.of("DRAW_ENTRY_MISMATCH", "entries.made seq " + made.seq(), made.entryType(),
                    made.objectId(), objectId));
        }
        JsonNode p;
        try {
            p = JSON.readTree(made.payload());
        } catch (IOException e) {
            findings.add(Finding.of("ENTRY_INVALID", "entries.made seq " + made.seq(), String.valueOf(e.getMessage())));
            return report(findings, subject, 0, 0, anchor);
        }
        List<SeedSource> sources = sources(p.path("sources"));

        // announced before, with the same sources
        JsonNode a = d.path("entries").path("announced");
        if (a.isMissingNode() || a.isNull()) {
            findings.add(Finding.of("DRAW_NOT_ANNOUNCED", "entries.announced"));
        } else {
            RecordEntry announced = Proofs.proven(a, anchor, "entries.announced", -1, findings);
            if (announced != null) {
                String where = "entries.announced seq " + announced.seq();
                if (!announced.objectId().equals(objectId) || !announced.entryType().endsWith(".announced")) {
                    findings.add(Finding.of("DRAW_ENTRY_MISMATCH", where, announced.entryType(), announced.objectId(),
                            objectId));
                } else if (announced.seq() >= made.seq() || !announced.at().isBefore(made.at())) {
                    findings.add(Finding.of("DRAW_ANNOUNCED_AFTER", where, announced.at(), made.at()));
                } else {
                    try {
                        JsonNode ap = JSON.readTree(announced.payload());
                        List<String> said = new ArrayList<>();
                        ap.path("sources").forEach(s -> said.add(s.path("label").asText() + "|" + s.path("ordered").asBoolean()));
                        List<String> used = sources.stream().map(s -> s.label() + "|" + s.ordered()).toList();
                        if (!said.equals(used) || !ap.path("seedMode").asText().equals(p.path("seedMode").asText())) {
                            findings.add(Finding.of("DRAW_SOURCES_CHANGED", where, String.join("；", said),
                                    String.join("；", used)));
                        }
                    } catch (IOException e) {
                        findings.add(Finding.of("ENTRY_INVALID", where, String.valueOf(e.getMessage())));
                    }
                }
            }
        }

        // the snapshots against the recorded hashes
        JsonNode snap = d.path("snapshots");
        List<DrawTarget> targets = new ArrayList<>();
        snap.path("targets").forEach(t -> targets.add(new DrawTarget(t.path("id").asText(), t.path("name").asText(),
                t.path("creditCode").asText(), t.path("area").asText())));
        List<DrawInspector> inspectors = new ArrayList<>();
        snap.path("inspectors").forEach(i -> inspectors.add(new DrawInspector(i.path("id").asText(),
                i.path("name").asText(), i.path("area").asText())));
        List<Conflict> conflicts = new ArrayList<>();
        snap.path("conflicts").forEach(c -> conflicts.add(new Conflict(c.path("inspectorId").asText(),
                c.path("targetId").asText(), c.path("reason").asText())));
        hash(findings, "snapshots.targets", p.path("targetsHash").asText(), DrawAlgorithm.targetsHash(targets));
        hash(findings, "snapshots.inspectors", p.path("inspectorsHash").asText(), DrawAlgorithm.inspectorsHash(inspectors));
        hash(findings, "snapshots.conflicts", p.path("conflictsHash").asText(), DrawAlgorithm.conflictsHash(conflicts));

        // the key from the published values
        String key = p.path("key").asText();
        if ("PUBLIC_SOURCES".equals(p.path("seedMode").asText())) {
            String again;
            try {
                again = DrawAlgorithm.key(sources);
            } catch (RuntimeException e) {
                again = String.valueOf(e.getMessage());
            }
            if (!again.equals(key)) {
                findings.add(Finding.of("DRAW_KEY_MISMATCH", "entries.made payload.key", key, again));
            }
        }

        // the draw again
        int drawn = p.path("targetCount").asInt();
        try {
            DrawResult rerun = DrawAlgorithm.draw(new DrawInput(p.path("algorithm").asText(), key, targets, inspectors,
                    drawn, p.path("inspectorsPerTarget").asInt(), p.path("excludeOwnArea").asBoolean(), conflicts));
            String difference = difference(p.path("result"), rerun);
            if (difference != null) {
                findings.add(Finding.of("DRAW_RESULT_DIFFERS", "entries.made payload.result", difference));
            }
        } catch (RuntimeException e) {
            findings.add(Finding.of("DRAW_RERUN_FAILED", "entries.made payload", String.valueOf(e.getMessage())));
        }
        return report(findings, subject, targets.size(), drawn, anchor);
    }

    private static Report report(List<Finding> findings, String subject, int pool, int drawn, Proofs.Anchor a) {
        return new Report(Report.DRAW, null, findings, subject, pool, drawn, a.sth().treeSize(), a.sth().rootHash());
    }

    private static void hash(List<Finding> findings, String where, String recorded, String now) {
        if (!recorded.equals(now)) {
            findings.add(Finding.of("SNAPSHOT_CHANGED", where, recorded, now));
        }
    }

    private static List<SeedSource> sources(JsonNode a) {
        List<SeedSource> out = new ArrayList<>();
        for (JsonNode o : a) {
            List<String> values = new ArrayList<>();
            o.path("values").forEach(v -> values.add(v.asText()));
            out.add(new SeedSource(o.path("label").asText(), values, o.path("ordered").asBoolean()));
        }
        return out;
    }

    /** The first place the recorded result and the re-run differ, or null when they are the same. */
    private static String difference(JsonNode recorded, DrawResult rerun) {
        JsonNode as = recorded.path("assignments");
        if (as.size() != rerun.assignments().size()) {
            return "assignments " + as.size() + " ≠ " + rerun.assignments().size();
        }
        for (int i = 0; i < as.size(); i++) {
            DrawResult.Assignment x = rerun.assignments().get(i);
            List<String> recordedInspectors = new ArrayList<>();
            as.get(i).path("inspectors").forEach(n -> recordedInspectors.add(n.asText()));
            List<String> rerunInspectors = x.inspectors().stream().map(DrawInspector::id).toList();
            if (!as.get(i).path("target").asText().equals(x.target().id()) || !recordedInspectors.equals(rerunInspectors)) {
                return "#" + (i + 1) + ": " + as.get(i).path("target").asText() + " " + recordedInspectors + " ≠ "
                        + x.target().id() + " " + rerunInspectors;
            }
        }
        JsonNode rs = recorded.path("recusals");
        if (rs.size() != rerun.recusals().size()) {
            return "recusals " + rs.size() + " ≠ " + rerun.recusals().size();
        }
        for (int i = 0; i < rs.size(); i++) {
            DrawResult.Recusal r = rerun.recusals().get(i);
            JsonNode n = rs.get(i);
            if (!n.path("target").asText().equals(r.targetId()) || !n.path("inspector").asText().equals(r.inspectorId())
                    || !n.path("ground").asText().equals(r.ground().name())) {
                return "recusal #" + (i + 1);
            }
        }
        return null;
    }
}
