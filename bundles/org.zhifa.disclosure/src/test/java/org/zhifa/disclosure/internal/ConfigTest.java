package org.zhifa.disclosure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.testsupport.Configs;

/** The shipped configuration carries the national defaults, and the lookups pick the most specific key. */
class ConfigTest {
    static final Path CFG = Path.of("../../etc/org.zhifa.disclosure.cfg");

    @Test
    void theShippedFilesHoldTheDefaults() throws Exception {
        Configs.assertFeatureConfigMatches(Path.of("../../features/src/main/feature/feature.xml"), "org.zhifa.disclosure", CFG);
        Map<String, String> shipped = Configs.readCfg(CFG);
        Map<String, String> typed = new TreeMap<>(shipped);
        typed.keySet().removeIf(k -> k.contains("."));
        assertEquals(Configs.defaultsAsText(DisclosureConfig.class), typed);
        Map<String, String> families = new TreeMap<>(shipped);
        families.keySet().removeIf(k -> !k.contains("."));
        Map<String, String> defaults = new TreeMap<>();
        Settings.DEFAULT_DEADLINES.forEach((k, v) -> defaults.put(k, String.valueOf(v)));
        Settings.DEFAULT_POSTING.forEach((k, v) -> defaults.put(k, String.valueOf(v)));
        assertEquals(defaults, families);
    }

    @Test
    void lookupsAndBackOff() {
        Settings s = Fixture.settings(Map.of("posting.license", "730", "deadline.NOTICE.levy", "30"));
        assertEquals(7, s.deadline(ItemType.DECISION, "penalty"));
        assertEquals(20, s.deadline(ItemType.DECISION, "inspection"));
        assertEquals(30, s.deadline(ItemType.NOTICE, "levy"));
        assertEquals(20, s.deadline(ItemType.NOTICE, null));
        assertEquals(365, s.postingDays(ItemType.DECISION, "penalty", false));
        assertEquals(1095, s.postingDays(ItemType.DECISION, "penalty", true));
        assertEquals(730, s.postingDays(ItemType.DECISION, "license", true));
        assertEquals(1095, s.postingDays(ItemType.NOTICE, null, false));
        assertEquals(0, s.postingDays(ItemType.CATALOGUE, null, false));
        assertEquals(Duration.ofSeconds(10), s.backoff(1));
        assertEquals(Duration.ofSeconds(80), s.backoff(4));
        assertEquals(Duration.ofHours(1), s.backoff(20));
        assertEquals(Duration.ofHours(1), s.backoff(200));
        assertThrows(IllegalArgumentException.class, () -> Fixture.settings(Map.of("posting.default", "-1")));
        assertThrows(IllegalArgumentException.class, () -> Fixture.settings(Map.of("deadline.NOTICE", "zwanzig")));
        assertThrows(IllegalArgumentException.class, () -> Fixture.settings(Map.of("retryCapSeconds", 1)));
    }
}
