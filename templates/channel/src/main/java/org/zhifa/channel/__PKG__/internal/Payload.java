package org.zhifa.channel.__PKG__.internal;

import java.util.Base64;

import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.PublicItem;

/**
 * The JSON body of one delivery. Written by hand (no JSON library to bring into the bureau); every string is
 * escaped, and {@code < > &} as {@code \u003c…}, so a title with markup stays text wherever it lands.
 */
final class Payload {
    private Payload() {}

    /** Stable per (public id, version, action): the same delivery sent twice has the same key. */
    static String key(Delivery d) {
        return d.item().publicId() + "-v" + d.item().version() + "-" + d.action();
    }

    static String json(Delivery d, boolean includePdf) {
        PublicItem i = d.item();
        StringBuilder b = new StringBuilder(256 + (i.text() == null ? 0 : i.text().length() * 2));
        b.append('{');
        field(b, "id", key(d)).append(',');
        field(b, "action", d.action().name()).append(',');
        b.append("\"outboxId\":").append(d.outboxId()).append(',');
        b.append("\"attempt\":").append(d.attempt()).append(',');
        field(b, "receipt", d.receipt()).append(',');
        b.append("\"item\":{");
        field(b, "publicId", i.publicId()).append(',');
        b.append("\"version\":").append(i.version()).append(',');
        field(b, "type", i.type() == null ? null : i.type().name()).append(',');
        field(b, "kind", i.kind()).append(',');
        field(b, "kindTitleZh", i.kindTitleZh()).append(',');
        field(b, "title", i.title()).append(',');
        field(b, "caseNumber", i.caseNumber()).append(',');
        field(b, "partyName", i.partyName()).append(',');
        field(b, "decidedOn", i.decidedOn()).append(',');
        field(b, "publishedAt", i.publishedAt()).append(',');
        field(b, "postUntil", i.postUntil()).append(',');
        field(b, "withdrawnAt", i.withdrawnAt()).append(',');
        field(b, "withdrawalGround", i.withdrawalGround() == null ? null : i.withdrawalGround().name()).append(',');
        field(b, "withdrawalReason", i.withdrawalReason()).append(',');
        field(b, "text", i.text()).append(',');
        b.append("\"attachments\":[");
        for (int n = 0; n < i.attachments().size(); n++) {
            Attachment a = i.attachments().get(n);
            b.append(n == 0 ? "{" : ",{");
            field(b, "name", a.name()).append(',');
            field(b, "mediaType", a.mediaType()).append(',');
            b.append("\"size\":").append(a.content().length).append('}');
        }
        b.append(']');
        if (includePdf) {
            byte[] pdf = i.pdf();
            b.append(',');
            field(b, "pdf", pdf == null ? null : Base64.getEncoder().encodeToString(pdf));
        }
        return b.append("}}").toString();
    }

    private static StringBuilder field(StringBuilder b, String name, Object value) {
        b.append('"').append(name).append("\":");
        if (value == null) {
            return b.append("null");
        }
        String s = value.toString();
        b.append('"');
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }
}
