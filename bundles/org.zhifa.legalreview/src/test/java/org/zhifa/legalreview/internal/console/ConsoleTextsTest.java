package org.zhifa.legalreview.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.legalreview.CaseFlag;
import org.zhifa.api.legalreview.ChecklistItem;
import org.zhifa.api.legalreview.CounselOpinion;
import org.zhifa.api.legalreview.Finding;
import org.zhifa.api.legalreview.MajorEvaluation;
import org.zhifa.api.legalreview.Material;
import org.zhifa.api.legalreview.ReviewStatus;
import org.zhifa.api.legalreview.RuleType;

/** Every text the console asks for exists in Chinese and English; verdicts read as the issue asks. */
class ConsoleTextsTest {

    private static final Path SOURCES = Paths.get("src/main/java/org/zhifa/legalreview/internal/console");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsoleTexts.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    /** Keys named literally in the sources (get("…"), invalid("…"), text(locale, "…")) and by enum constant. */
    private static List<String> keysUsed() throws IOException {
        List<String> keys = new ArrayList<>();
        Pattern literal = Pattern.compile("(?:get|invalid|text\\([^,()]+,)\\s*\\(?\\s*\"([a-zA-Z][\\w.]*)\"");
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path f : files.toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) { // a prefix: its enum constants are added below
                        keys.add(m.group(1));
                    }
                }
            }
        }
        for (ReviewStatus s : ReviewStatus.values()) keys.add("status." + s.name());
        for (ChecklistItem i : ChecklistItem.values()) keys.add("item." + i.name());
        for (Finding.Verdict v : Finding.Verdict.values()) keys.add("verdict." + v.name());
        for (Material x : Material.values()) keys.add("material." + x.name());
        for (CaseFlag x : CaseFlag.values()) keys.add("flag." + x.name());
        for (RuleType x : RuleType.values()) keys.add("ruleType." + x.name());
        for (PartyType x : PartyType.values()) keys.add("party." + x.name());
        for (CounselOpinion.Role x : CounselOpinion.Role.values()) keys.add("counsel." + x.name());
        return keys;
    }

    @Test
    void everyTextExistsInBothLanguages() throws IOException {
        Properties zh = bundle("messages.properties");
        Properties en = bundle("messages_en.properties");
        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
        List<String> used = keysUsed();
        assertTrue(used.size() > 100, "the scan found the keys: " + used.size());
        List<String> missing = used.stream().filter(k -> !zh.containsKey(k)).distinct().toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void aVerdictSaysWhetherMajorAndWhy() {
        MajorEvaluation major = new MajorEvaluation(true, true, 2, LocalDate.of(2026, 1, 1),
                List.of(new MajorEvaluation.Reason(3, "罚款 20000 ≥ 10000（公民）", "fine 20000 ≥ 10000 (citizen)")));
        String zh = new ConsoleTexts(Locale.SIMPLIFIED_CHINESE).verdict(major);
        assertTrue(zh.startsWith("重大执法决定，须经法制审核（目录 v2，2026-01-01 起施行）"), zh);
        assertTrue(zh.endsWith("罚款 20000 ≥ 10000（公民）"), zh);
        String en = new ConsoleTexts(Locale.ENGLISH).verdict(major);
        assertTrue(en.startsWith("Major decision") && en.endsWith("fine 20000 ≥ 10000 (citizen)"), en);
        MajorEvaluation minor = new MajorEvaluation(false, false, 1, LocalDate.of(2025, 1, 1), List.of());
        assertEquals("不属于重大执法决定（目录 v1，2025-01-01 起施行）",
                new ConsoleTexts(Locale.SIMPLIFIED_CHINESE).verdict(minor));
        // the JVM's locale never leaks in: a locale other than English is Chinese
        assertTrue(new ConsoleTexts(Locale.GERMANY).verdict(minor).startsWith("不属于"));
    }
}
