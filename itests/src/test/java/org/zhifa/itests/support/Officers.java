package org.zhifa.itests.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Officer drafts for tests, each with a certificate number no other test uses. */
public final class Officers {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase();

    private Officers() {}

    public static String certificate(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    public static Map<String, Object> draft(String name, String certificate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("unit", "衡阳县自然资源局执法监察大队");
        m.put("post", "执法队员");
        m.put("certificateNo", certificate);
        m.put("categories", List.of("土地管理", "矿产资源"));
        m.put("area", "衡阳县全域");
        m.put("validFrom", "2025-01-01");
        m.put("validTo", "2030-12-31");
        m.put("legalQualification", false);
        return m;
    }
}
