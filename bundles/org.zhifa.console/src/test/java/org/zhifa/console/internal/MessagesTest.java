package org.zhifa.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.personnel.CertificateStatus;

class MessagesTest {

    private static final Pattern KEY = Pattern.compile(
            "\"((?:app|header|list|menu|view|login|role|personnel|legend|officer|status|common|action|validation"
                    + "|deactivate|error|system|cases|case|party|field|transition|recusal|document|label)"
                    + "\\.[A-Za-z0-9_.-]+)\"");

    private static Properties load(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(file)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        assertEquals(zh, en);
    }

    @Test
    void everyKeyUsedInTheCodeExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(f));
                while (matcher.find()) {
                    // "case.badge." + state: a prefix completed below, not a key
                    if (!matcher.group(1).endsWith(".")) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        for (CertificateStatus s : CertificateStatus.values()) {
            used.add("status." + s.name());
        }
        Roles.STAFF.forEach(r -> used.add("role." + r));
        for (org.zhifa.api.cases.CaseStatus s : org.zhifa.api.cases.CaseStatus.values()) {
            used.add("case.status." + s.name());
        }
        for (org.zhifa.api.cases.CaseQuery.Due d : org.zhifa.api.cases.CaseQuery.Due.values()) {
            used.add("cases.due." + d.name());
            used.add("case.due." + d.name());
            used.add("case.badge." + d.name());
        }
        used.add("case.badge.NORMAL");
        for (org.zhifa.api.kind.CaseFacts.PartyType t : org.zhifa.api.kind.CaseFacts.PartyType.values()) {
            used.add("party.type." + t.name());
        }
        RecusalDialog.REQUESTERS.forEach(r -> used.add("recusal.by." + r));
        assertTrue(used.size() > 40, "scan found keys: " + used);
        Set<String> zh = load("messages.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>(used);
        missing.removeIf(k -> zh.contains(k) && en.contains(k));
        assertEquals(Set.of(), missing);
    }

    @Test
    void chineseIsTheDefaultWhateverTheJvmLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.ENGLISH);
            assertEquals("人员清单", Messages.of(Locale.SIMPLIFIED_CHINESE).get("menu.personnel"));
            assertEquals("人员清单", Messages.of(Locale.GERMANY).get("menu.personnel"));
            assertEquals("人员清单", Messages.of(null).get("menu.personnel"));
            assertEquals("Personnel register", Messages.of(Locale.US).get("menu.personnel"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void roleDisplayNames() {
        Messages zh = Messages.of(Messages.ZH);
        assertEquals("执法人员", zh.role(Roles.OFFICER));
        assertEquals("法制审核人员", zh.role(Roles.REVIEWER));
        assertEquals("负责人", zh.role(Roles.LEADER));
        assertEquals("管理员", zh.role(Roles.ADMIN));
        assertEquals("viewer", zh.role("viewer"));
        assertEquals("Administrator", Messages.of(Messages.EN).role(Roles.ADMIN));
    }

    @Test
    void formatsArgumentsAndReportsMissingKeys() {
        assertEquals("已保存：张三", Messages.of(Messages.ZH).get("officer.saved", "张三"));
        assertEquals("!no.such.key!", Messages.of(Messages.ZH).get("no.such.key"));
    }

    @Test
    void refusalsInTheLanguageOfTheUi() {
        ZhifaException e = new ZhifaException(ZhifaException.Kind.INVALID, "FIELD_REQUIRED", "姓名必填",
                "name is required", "name");
        assertEquals("姓名必填", Messages.of(Messages.ZH).error(e));
        assertEquals("name is required", Messages.of(Messages.EN).error(e));
        ZhifaException onlyZh = new ZhifaException(ZhifaException.Kind.INVALID, "X", "仅中文", null, null);
        assertEquals("仅中文", Messages.of(Messages.EN).error(onlyZh));
    }
}
