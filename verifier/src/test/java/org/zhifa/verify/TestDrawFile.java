package org.zhifa.verify;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.api.spotcheck.DrawAlgorithm;
import org.zhifa.api.spotcheck.DrawInput;
import org.zhifa.api.spotcheck.DrawInspector;
import org.zhifa.api.spotcheck.DrawResult;
import org.zhifa.api.spotcheck.DrawTarget;
import org.zhifa.api.spotcheck.SeedSource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a draw file as the spotcheck bundle's README documents it, independently of the bundle: a log with
 * the draw's announcement and its result among other entries, a signed head, proofs, the snapshots.
 */
final class TestDrawFile {
    static final String BUREAU = TestArchive.BUREAU;
    final KeyPair key;
    final List<DrawTarget> targets = new ArrayList<>();
    final List<DrawInspector> inspectors = new ArrayList<>();
    final List<SeedSource> sources = List.of(new SeedSource("2026-12-01 福彩双色球开奖号码", List.of("3", "11", "17", "22",
            "28", "31", "9"), false));
    final List<RecordEntry> log = new ArrayList<>();
    ObjectNode file;

    TestDrawFile() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        for (int i = 1; i <= 12; i++) {
            targets.add(new DrawTarget(String.valueOf(i), "衡阳某矿业有限公司" + i, "", i % 3 == 0 ? "西渡镇" : "库宗桥镇"));
        }
        for (int i = 1; i <= 5; i++) {
            inspectors.add(new DrawInspector(String.valueOf(100 + i), "检查员" + i, i == 1 ? "西渡镇" : "集兵镇"));
        }
        build(DrawAlgorithm.key(sources), true);
    }

    /** Builds the log and the file; {@code key} is what the draw entry records. */
    void build(String key, boolean announce) throws Exception {
        log.clear();
        Instant t = Instant.parse("2026-12-01T02:00:00.000Z");
        add("case", "9", "case.filed", "{}", t);
        if (announce) {
            add("spotcheck", "draw:4", "spotcheck.draw.announced", "{\"draw\":4,\"plan\":2,\"round\":1,\"seedMode\":"
                    + "\"PUBLIC_SOURCES\",\"sources\":[{\"label\":\"" + sources.get(0).label()
                    + "\",\"ordered\":false,\"values\":[]}]}", t.plusSeconds(1));
        }
        add("case", "9", "case.transition", "{}", t.plusSeconds(2));
        DrawInput in = new DrawInput(DrawAlgorithm.SHA256, key, targets, inspectors, 4, 2, true, List.of());
        DrawResult r = DrawAlgorithm.draw(in);
        ObjectNode p = TestArchive.JSON.createObjectNode();
        p.put("draw", 4).put("plan", 2).put("round", 1).put("algorithm", in.algorithm()).put("seedMode", "PUBLIC_SOURCES");
        ArrayNode src = p.putArray("sources");
        for (SeedSource s : sources) {
            ObjectNode o = src.addObject().put("label", s.label()).put("ordered", s.ordered());
            s.values().forEach(o.putArray("values")::add);
        }
        p.put("key", key).put("poolSize", targets.size()).put("targetsHash", DrawAlgorithm.targetsHash(targets))
                .put("inspectorsHash", DrawAlgorithm.inspectorsHash(inspectors))
                .put("conflictsHash", DrawAlgorithm.conflictsHash(List.of())).put("targetCount", 4)
                .put("inspectorsPerTarget", 2).put("excludeOwnArea", true);
        ObjectNode result = p.putObject("result");
        ArrayNode as = result.putArray("assignments");
        r.assignments().forEach(a -> {
            ObjectNode x = as.addObject().put("target", a.target().id());
            a.inspectors().forEach(i -> x.withArray("inspectors").add(i.id()));
        });
        ArrayNode rs = result.putArray("recusals");
        r.recusals().forEach(c -> rs.addObject().put("target", c.targetId()).put("inspector", c.inspectorId())
                .put("ground", c.ground().name()).put("reason", c.reason()));
        add("spotcheck", "draw:4", "spotcheck.draw.made", TestArchive.JSON.writeValueAsString(p), t.plusSeconds(3));

        MerkleCheck merkle = new MerkleCheck("SHA-256");
        List<byte[]> leaves = new ArrayList<>();
        log.forEach(e -> leaves.add(merkle.leaf(e.leafInput())));
        byte[] root = TestArchive.mth(merkle, leaves);
        String keyId = Hashing.hex(Hashing.sha256().digest(this.key.getPublic().getEncoded()));
        SignedTreeHead unsigned = new SignedTreeHead(BUREAU, log.size(), t.plusSeconds(10), Hashing.hex(root),
                "SHA-256", keyId, "");
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(this.key.getPrivate());
        s.update(unsigned.signedBytes());

        file = TestArchive.JSON.createObjectNode();
        file.put("format", "zhifa-draw").put("formatVersion", 1);
        file.putObject("bureau").put("code", BUREAU).put("name", "衡阳县自然资源局");
        file.putObject("plan").put("id", 2).put("number", "抽查〔2026〕2号");
        file.putObject("draw").put("id", 4).put("round", 1).put("seedMode", "PUBLIC_SOURCES");
        file.put("hashAlgorithm", "SHA-256").put("publicKey", TestArchive.pem(this.key));
        file.putObject("treeHead").put("bureau", BUREAU).put("treeSize", log.size())
                .put("timestamp", "" + unsigned.timestamp()).put("rootHash", unsigned.rootHash())
                .put("hashAlgorithm", "SHA-256").put("keyId", keyId)
                .put("signature", Base64.getEncoder().encodeToString(s.sign()));
        ObjectNode entries = file.putObject("entries");
        for (RecordEntry e : log) {
            if (!e.objectId().equals("draw:4")) {
                continue;
            }
            int i = (int) e.seq();
            ObjectNode j = entries.putObject(e.entryType().endsWith(".made") ? "made" : "announced");
            j.put("seq", e.seq()).put("at", "" + e.at()).put("bureau", e.bureau()).put("objectType", e.objectType())
                    .put("objectId", e.objectId()).putNull("step").put("actor", e.actor())
                    .put("entryType", e.entryType()).put("payload", e.payload());
            j.putArray("evidence");
            j.putNull("corrects");
            j.put("leafHash", Hashing.hex(leaves.get(i)));
            ObjectNode proof = j.putObject("proof").put("leafIndex", i).put("treeSize", log.size());
            TestArchive.path(merkle, i, leaves).forEach(b -> proof.withArray("path").add(Hashing.hex(b)));
        }
        ObjectNode snap = file.putObject("snapshots");
        targets.forEach(x -> snap.withArray("targets").addObject().put("id", x.id()).put("name", x.name())
                .put("creditCode", x.creditCode()).put("area", x.area()));
        inspectors.forEach(x -> snap.withArray("inspectors").addObject().put("id", x.id()).put("name", x.name())
                .put("area", x.area()));
        snap.putArray("conflicts");
    }

    private void add(String type, String id, String entryType, String payload, Instant at) {
        log.add(new RecordEntry(log.size(), at, BUREAU, type, id, null, "leader", entryType, payload, List.of(), null));
    }

    Path write(Path dir, String name) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, TestArchive.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file),
                StandardCharsets.UTF_8);
        return f;
    }
}
