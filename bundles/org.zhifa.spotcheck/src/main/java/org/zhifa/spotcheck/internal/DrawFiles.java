package org.zhifa.spotcheck.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.Texts;
import org.zhifa.api.record.CanonicalJson;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.api.spotcheck.Conflict;
import org.zhifa.api.spotcheck.Draw;
import org.zhifa.api.spotcheck.DrawInspector;
import org.zhifa.api.spotcheck.DrawResult;
import org.zhifa.api.spotcheck.DrawTarget;
import org.zhifa.api.spotcheck.Plan;
import org.zhifa.api.spotcheck.SeedSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The draw file ({@code zhifa-draw}, version 1) anyone re-runs a draw from, and the public notices of a draw.
 * The file holds the record entries of the announcement and of the draw with inclusion proofs against a
 * signed tree head, and the pool snapshots the draw's hashes cover; {@code java -jar zhifa-verify.jar
 * draw.json} checks all of it (see verifier/README.md).
 */
final class DrawFiles {
    static final String FORMAT = "zhifa-draw";
    static final int VERSION = 1;
    /** Reads the record for a public draw file: everything in it is public already. */
    static final Actor READER = new Actor("zhifa-spotcheck", Set.of(Roles.OFFICER));
    private static final Texts M = Messages.T;

    private DrawFiles() {}

    static byte[] write(String bureau, String bureauName, RecordService record, Draw d, Plan plan, RecordEntry made,
                        RecordEntry announced, List<DrawTarget> targets, List<DrawInspector> inspectors,
                        List<Conflict> conflicts) {
        SignedTreeHead sth = record.latestTreeHead();
        ObjectNode f = Payloads.object();
        f.put("format", FORMAT).put("formatVersion", VERSION);
        f.putObject("bureau").put("code", bureau).put("name", bureauName);
        f.putObject("plan").put("id", plan.id()).put("number", plan.number()).put("title", plan.title())
                .put("item", plan.itemName()).put("keyItem", plan.keyItem())
                .put("periodFrom", plan.periodFrom().toString()).put("periodTo", plan.periodTo().toString());
        ObjectNode draw = f.putObject("draw");
        draw.put("id", d.id()).put("round", d.round()).put("status", d.status().name()).put("seedMode", d.seedMode().name());
        if (d.supersedes() != null) {
            draw.put("supersedes", d.supersedes()).put("redrawReason", d.redrawReason());
        }
        f.put("hashAlgorithm", record.hashAlgorithm()).put("publicKey", record.publicKeyPem());
        f.set("treeHead", Payloads.read(CanonicalJson.treeHead(sth)));
        ObjectNode entries = f.putObject("entries");
        if (announced != null && announced.seq() < sth.treeSize()) {
            entries.set("announced", Payloads.read(CanonicalJson.provenEntry(announced,
                    record.inclusion(announced.seq(), sth.treeSize()))));
        }
        entries.set("made", Payloads.read(CanonicalJson.provenEntry(made, record.inclusion(made.seq(), sth.treeSize()))));
        ObjectNode snap = f.putObject("snapshots");
        ArrayNode ts = snap.putArray("targets");
        targets.forEach(t -> ts.addObject().put("id", t.id()).put("name", t.name()).put("creditCode", t.creditCode())
                .put("area", t.area()));
        ArrayNode is = snap.putArray("inspectors");
        inspectors.forEach(i -> is.addObject().put("id", i.id()).put("name", i.name()).put("area", i.area()));
        ArrayNode cs = snap.putArray("conflicts");
        conflicts.forEach(c -> cs.addObject().put("inspectorId", c.inspectorId()).put("targetId", c.targetId())
                .put("reason", c.reason()));
        f.putObject("howToVerify").put("zh", M.zh("DRAWFILE_HOWTO")).put("en", M.en("DRAWFILE_HOWTO"));
        try {
            return Payloads.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(f).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The notice of an announced draw: what will be drawn and where the key will come from. */
    static String announcementText(Draw d, Plan plan) {
        StringBuilder b = new StringBuilder();
        b.append(M.zh("NOTICE_PLAN", plan.number(), plan.title(), plan.itemName(), plan.periodFrom(), plan.periodTo(),
                plan.ratio() != null ? plan.ratio().stripTrailingZeros().toPlainString() : "",
                plan.count() != null ? String.valueOf(plan.count()) : "",
                String.valueOf(plan.inspectorsPerTarget()))).append("\n\n");
        if (d.supersedes() != null) {
            b.append(M.zh("NOTICE_REDRAW_REASON", String.valueOf(d.supersedes()), d.redrawReason())).append("\n\n");
        }
        if (d.seedMode() == Draw.SeedMode.SECURE_RANDOM) {
            b.append(M.zh("NOTICE_SECURE_RANDOM"));
        } else {
            b.append(M.zh("NOTICE_SOURCES")).append('\n');
            for (int i = 0; i < d.sources().size(); i++) {
                b.append(i + 1).append(". ").append(d.sources().get(i).label()).append('\n');
            }
            b.append(M.zh("NOTICE_RFC3797"));
        }
        return b.toString();
    }

    /** The notice of a made draw: the key, its inputs, the hashes and the result, and how to re-run it. */
    static String resultText(Draw d, Plan plan) {
        StringBuilder b = new StringBuilder();
        b.append(M.zh("NOTICE_RESULT_HEAD", plan.number(), plan.itemName(), String.valueOf(d.round()),
                String.valueOf(d.poolSize()), String.valueOf(d.targetCount()), String.valueOf(d.recordSeq())))
                .append("\n\n");
        for (SeedSource s : d.sources()) {
            b.append(s.label()).append("：").append(String.join(" ", s.values())).append('\n');
        }
        b.append(M.zh("NOTICE_RESULT_KEY", d.algorithm(), d.key(), d.targetsHash(), d.inspectorsHash(),
                d.conflictsHash())).append("\n\n");
        int n = 1;
        for (DrawResult.Assignment a : d.result().assignments()) {
            b.append(n++).append(". ").append(a.target().name());
            if (!a.target().creditCode().isEmpty()) {
                b.append("（").append(a.target().creditCode()).append("）");
            }
            b.append(" — ").append(a.inspectors().stream().map(DrawInspector::name).collect(Collectors.joining("、")))
                    .append('\n');
        }
        b.append('\n').append(M.zh("NOTICE_RESULT_VERIFY", String.valueOf(d.id())));
        return b.toString();
    }
}
