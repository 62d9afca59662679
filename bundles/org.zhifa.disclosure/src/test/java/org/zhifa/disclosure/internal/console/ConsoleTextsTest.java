package org.zhifa.disclosure.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.OutboxState;
import org.zhifa.api.disclosure.WithdrawalGround;

/** Every text the console asks for exists in Chinese and English, and both bundles have the same keys. */
class ConsoleTextsTest {

    private static final Path SOURCES = Paths.get("src/main/java/org/zhifa/disclosure/internal/console");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsoleTexts.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static List<String> keysUsed() throws IOException {
        List<String> keys = new ArrayList<>();
        Pattern literal = Pattern.compile("(?:get|invalid|text\\([^,()]+,)\\s*\\(\\s*\"([a-zA-Z][\\w.]*)\"");
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        for (ItemStatus s : ItemStatus.values()) {
            keys.add("status." + s.name());
        }
        for (ItemType t : ItemType.values()) {
            keys.add("type." + t.name());
        }
        for (WithdrawalGround g : WithdrawalGround.values()) {
            keys.add("ground." + g.name());
        }
        for (OutboxState s : OutboxState.values()) {
            keys.add("outbox.state." + s.name());
        }
        for (Delivery.Action a : Delivery.Action.values()) {
            keys.add("action." + a.name());
        }
        for (String c : List.of("ID_NUMBER", "PHONE", "BANK_ACCOUNT", "ADDRESS", "EMAIL", "HEALTH", "NAME", "MANUAL")) {
            keys.add("mask." + c);
        }
        keys.addAll(List.of("due.late", "due.soon"));
        return keys;
    }

    @Test
    void everyKeyUsedExistsInBothLanguages() throws IOException {
        Properties zh = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        List<String> used = keysUsed();
        assertTrue(used.size() > 80, "the key scan found too little: " + used.size());
        for (String key : used) {
            assertTrue(zh.containsKey(key), "zh lacks " + key);
            assertTrue(en.containsKey(key), "en lacks " + key);
        }
        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
    }

    @Test
    void chineseIsTheDefaultAndEnglishTheSecond() {
        assertEquals("公示工作台", ConsoleTexts.text(Locale.SIMPLIFIED_CHINESE, "queue.title"));
        assertEquals("公示工作台", ConsoleTexts.text(Locale.GERMAN, "queue.title"));
        assertEquals("Disclosure queue", ConsoleTexts.text(Locale.ENGLISH, "queue.title"));
        assertEquals("须于 2026-12-01 前撤回", ConsoleTexts.text(Locale.ROOT, "flag.withdrawal", "2026-12-01"));
    }
}
