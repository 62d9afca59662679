package org.zhifa.channel.wechat.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the channel keeps in the outbox's receipt: {@code publish:<publish_id>;v=<version>} while WeChat's
 * publishing job runs, {@code article:<article_id>;v=<version>;n=<articles>} once published,
 * {@code failed:<publish_id>;v=…} after a failed job (a manual retry publishes afresh),
 * {@code withdrawn:<article_id>;v=…} after a withdrawal; {@code old=<article_id>} names the article of an earlier
 * version that an update still has to delete.
 */
record Receipt(String kind, String id, int version, int count, String old) {
    static final String PUBLISH = "publish";
    static final String ARTICLE = "article";
    static final String FAILED = "failed";
    static final String WITHDRAWN = "withdrawn";

    /** Null for null, empty or a receipt the channel did not write. */
    static Receipt parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String[] parts = s.strip().split(";");
        int colon = parts[0].indexOf(':');
        if (colon < 1) {
            return null;
        }
        String kind = parts[0].substring(0, colon);
        if (!kind.equals(PUBLISH) && !kind.equals(ARTICLE) && !kind.equals(FAILED) && !kind.equals(WITHDRAWN)) {
            return null;
        }
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                p.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
        }
        try {
            return new Receipt(kind, parts[0].substring(colon + 1), Integer.parseInt(p.getOrDefault("v", "0")),
                    Integer.parseInt(p.getOrDefault("n", "0")), p.get("old"));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    Receipt withOld(String article) {
        return new Receipt(kind, id, version, count, article);
    }

    boolean is(String k) {
        return kind.equals(k);
    }

    @Override
    public String toString() {
        return kind + ":" + id + ";v=" + version + (count > 0 ? ";n=" + count : "") + (old != null ? ";old=" + old : "");
    }
}
