package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;

/** Smoke test: the built tar.gz boots offline within the limit, with every feature and bundle up. */
class BootIT {
    private static final List<String> FEATURES = List.of("zhifa-platform", "zhifa-record", "zhifa-core", "zhifa-rest", "zhifa-console",
            "zhifa-gongshi", "zhifa-shell", "zhifa-documents", "zhifa-calendar", "zhifa-cases", "zhifa-kind-penalty", "zhifa-kind-license", "zhifa-kind-coercion",
            "zhifa-kind-levy", "zhifa-kind-fee", "zhifa-kind-inspection", "zhifa-evidence", "zhifa-casefile", "zhifa-casereview", "zhifa-legalreview", "zhifa-disclosure", "zhifa-catalogue", "zhifa-spotcheck", "zhifa-demo", "zhifa");

    @Test
    void bootsOfflineToHealthyWithinTheLimit() {
        Bureau bureau = Bureau.shared();
        assertTrue(bureau.lastBoot().compareTo(Bureau.BOOT_LIMIT) < 0);
        var health = Json.parse(bureau.get("/api/v1/health", null).body());
        assertEquals("UP", health.get("status").asText());
        assertEquals("UP", health.get("database").asText());
        assertEquals("430421", health.get("bureau").get("code").asText());
    }

    @Test
    void everyFeatureIsInstalledAndEveryBundleActive() {
        Bureau bureau = Bureau.shared();
        String features = bureau.admin("feature:list -i --no-format");
        for (String f : FEATURES) {
            assertTrue(Pattern.compile("(?m)^" + Pattern.quote(f) + "\\s.*Started").matcher(features).find(),
                    f + " is not started:\n" + features);
        }
        String bundles = bureau.admin("bundle:list -t 0 --no-format");
        long count = bundles.lines().filter(l -> l.split("\t").length >= 5 && l.trim().matches("^\\d+\t.*")).count();
        long zhifa = bundles.lines().filter(l -> l.contains("\tzhifa :: ")).count();
        String inactive = String.join("\n", bureau.inactiveBundles());
        assertTrue(count > 40, "expected the stack, got " + count + " bundles:\n" + bundles);
        assertEquals(24, zhifa, "zhifa bundles:\n" + bundles);
        assertEquals("", inactive.toString(), "bundles not active");
        String health = bureau.admin("zhifa:health");
        assertTrue(health.contains("状态 / status: UP"), health);
    }

    @Test
    void runsWithTheShippedJvmSettings() {
        // bin/setenv's heap limit (Karaf 4.4 itself ignores JAVA_MAX_MEM) and serial collector, and the
        // Hibernate setting of etc/system.properties
        Bureau bureau = Bureau.shared();
        String info = bureau.admin("shell:info");
        Matcher max = Pattern.compile("Maximum heap size\\S*\\s+([\\d,]+) kbytes").matcher(info);
        assertTrue(max.find(), info);
        long kb = Long.parseLong(max.group(1).replace(",", ""));
        assertTrue(kb > 512 * 1024 && kb <= 1024 * 1024, "maximum heap " + kb + " kB, expected 1 GB:\n" + info);
        assertTrue(info.contains("Name = 'MarkSweepCompact'"), "not the serial collector:\n" + info);
        String provider = bureau.admin("system:property hibernate.bytecode.provider");
        assertTrue(provider.lines().anyMatch("none"::equals), provider);
    }
}
