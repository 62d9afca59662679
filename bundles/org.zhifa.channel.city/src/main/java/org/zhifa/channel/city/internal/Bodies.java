package org.zhifa.channel.city.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.record.CanonicalJson;
import org.zhifa.api.record.ConsistencyProof;
import org.zhifa.api.record.SignedTreeHead;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The request bodies of docs/city-api.md, built from the county's own records; nothing else goes out. */
final class Bodies {
    static final int SCHEMA_VERSION = 1;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Bodies() {}

    static ObjectNode start() {
        ObjectNode o = F.objectNode();
        o.put("schemaVersion", SCHEMA_VERSION);
        return o;
    }

    /** §4: one item version. Only the redacted public form is ever read. */
    static ObjectNode item(PublicItem p, String bureauCode, String bureauName) {
        ObjectNode o = start();
        o.put("publicId", p.publicId());
        o.put("version", p.version());
        o.put("type", p.type().name());
        o.put("kind", p.kind());
        o.put("kindTitleZh", p.kindTitleZh());
        o.put("title", p.title());
        o.put("caseNumber", p.caseNumber());
        o.put("partyName", p.partyName());
        o.put("decidedOn", p.decidedOn() == null ? null : p.decidedOn().toString());
        o.put("publishedAt", p.publishedAt() == null ? null : CanonicalJson.instant(p.publishedAt()));
        o.put("postUntil", p.postUntil() == null ? null : p.postUntil().toString());
        o.put("text", p.text());
        byte[] pdf = p.pdf();
        o.put("pdf", pdf == null ? null : Base64.getEncoder().encodeToString(pdf));
        ArrayNode atts = o.putArray("attachments");
        for (Attachment a : p.attachments()) {
            byte[] content = a.content();
            ObjectNode x = atts.addObject();
            x.put("name", a.name());
            x.put("contentType", a.mediaType());
            x.put("sha256", sha256(content));
            x.put("base64", Base64.getEncoder().encodeToString(content));
        }
        bureau(o, bureauCode, bureauName);
        return o;
    }

    /** §5: the withdrawal of an item, at the version it has now. */
    static ObjectNode withdrawal(PublicItem p) {
        ObjectNode o = start();
        o.put("version", p.version());
        o.put("withdrawnAt", CanonicalJson.instant(p.withdrawnAt()));
        o.put("ground", p.withdrawalGround().name());
        o.put("reason", p.withdrawalReason());
        return o;
    }

    /** §6: a signed tree head exactly as the record signed it, with the proof from the city's size. */
    static ObjectNode treeHead(SignedTreeHead h, ConsistencyProof proof) {
        ObjectNode o = start();
        ObjectNode t = o.putObject("treeHead");
        t.put("bureau", h.bureau());
        t.put("treeSize", h.treeSize());
        t.put("timestamp", CanonicalJson.instant(h.timestamp()));
        t.put("rootHash", h.rootHash());
        t.put("hashAlgorithm", h.hashAlgorithm());
        t.put("keyId", h.keyId());
        t.put("signature", h.signature());
        t.put("algorithm", "Ed25519");
        if (proof != null) {
            ObjectNode c = o.putObject("consistency");
            c.put("fromSize", proof.firstSize());
            c.put("toSize", proof.secondSize());
            ArrayNode path = c.putArray("path");
            proof.path().forEach(path::add);
        }
        return o;
    }

    static void bureau(ObjectNode o, String code, String name) {
        ObjectNode b = o.putObject("bureau");
        b.put("code", code);
        b.put("name", name);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
