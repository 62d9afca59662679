package org.zhifa.bureau.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerDraft;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.testsupport.DerbyJpa;
import org.zhifa.testsupport.TransactionalLog;

/**
 * Every register change lands in the record in its own transaction (R1): the shipped schema on a real
 * in-memory Derby, the record a table of the same database written on the register's connection.
 */
class PersonnelRecordTest {
    private static final Actor ADMIN = new Actor("admin", Set.of(Roles.ADMIN));
    private static final ObjectMapper JSON = new ObjectMapper();

    DerbyJpa db;
    TransactionalLog log;
    PersonnelServiceImpl register;

    @BeforeEach
    void open() {
        db = DerbyJpa.open("bureau" + System.nanoTime(), "zhifa-bureau-test", "/db/bureau/V1__personnel.sql",
                "/db/bureau/V2__personnel_sort_indexes.sql");
        log = new TransactionalLog(db);
        register = new PersonnelServiceImpl(db.template(), log, config());
    }

    @AfterEach
    void close() {
        db.close();
    }

    static OfficerDraft draft(String name, String certificate, String post) {
        return new OfficerDraft(name, "执法监察大队", post, certificate, List.of("土地管理"), "衡阳县全域",
                LocalDate.parse("2024-01-01"), LocalDate.parse("2029-12-31"), true);
    }

    List<RecordEntry> entries(long id) {
        return log.entries("officer", Long.toString(id), 0, 100, ADMIN).items();
    }

    @Test
    void createChangeAndDeactivateEachAppendTheirEntry() throws Exception {
        Officer o = register.create(draft("王建国", "43042120240001", "队员"), ADMIN);
        o = register.update(o.id(), draft("王建国", "43042120240001", "大队长"), o.version(), ADMIN);
        register.deactivate(o.id(), "调离执法岗位", ADMIN);

        List<RecordEntry> entries = entries(o.id());
        assertEquals(List.of("officer.created", "officer.changed", "officer.deactivated"),
                entries.stream().map(RecordEntry::entryType).toList());
        assertTrue(entries.stream().allMatch(e -> e.actor().equals("admin")));
        JsonNode created = JSON.readTree(entries.get(0).payload());
        assertEquals("create", created.get("via").asText());
        assertEquals("43042120240001", created.get("officer").get("certificateNo").asText());
        JsonNode changed = JSON.readTree(entries.get(1).payload());
        assertEquals(1, changed.get("changes").size(), changed.toString());
        assertEquals("队员", changed.get("changes").get("post").get("from").asText());
        assertEquals("大队长", changed.get("changes").get("post").get("to").asText());
        JsonNode deactivated = JSON.readTree(entries.get(2).payload());
        assertEquals("调离执法岗位", deactivated.get("reason").asText());
        assertEquals(false, deactivated.get("officer").get("active").asBoolean());
    }

    @Test
    void anAppendThatFailsTakesTheChangeWithIt() {
        Officer o = register.create(draft("李秀英", "43042120240002", "队员"), ADMIN);
        IllegalStateException down = new IllegalStateException("record down");
        log.failNext = down;
        assertSame(down, assertThrows(IllegalStateException.class,
                () -> register.update(o.id(), draft("李秀英", "43042120240002", "副队长"), o.version(), ADMIN)));
        assertEquals("队员", register.find(o.id(), ADMIN).orElseThrow().post(), "no change without its entry");
        assertEquals(1, register.history(o.id(), ADMIN).size());
        assertEquals(1, entries(o.id()).size());

        log.failNext = down;
        assertThrows(IllegalStateException.class,
                () -> register.create(draft("赵敏", "43042120240003", "队员"), ADMIN));
        assertEquals(1, db.count("select count(*) from OFFICER"), "no officer without its entry");
        assertThrows(ZhifaException.class, () -> register.deactivate(o.id(), " ", ADMIN));
        assertEquals(1, log.size(), "a refusal appends nothing");
    }

    @Test
    void anImportAppendsOneEntryPerOfficerOrNone(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("officers.csv");
        Files.writeString(csv, "姓名,单位,职务,执法证号,执法类别,执法区域,有效期起,有效期止,法律职业资格\n"
                + "甲,大队,队员,43042120250001,土地管理,全域,2025-01-01,2029-12-31,否\n"
                + "乙,大队,队员,43042120250002,土地管理,全域,2025-01-01,2029-12-31,是\n", StandardCharsets.UTF_8);
        assertEquals(2, register.importCsv(csv, ADMIN).imported());
        assertEquals(2, log.size());
        RecordEntry first = log.all().get(0);
        assertEquals("officer.created", first.entryType());
        JsonNode p = JSON.readTree(first.payload());
        assertEquals("import", p.get("via").asText());
        assertEquals(2, p.get("line").asInt());

        Files.writeString(csv, "姓名,单位,职务,执法证号,执法类别,执法区域,有效期起,有效期止,法律职业资格\n"
                + "丙,大队,队员,43042120250003,土地管理,全域,2025-01-01,2029-12-31,否\n", StandardCharsets.UTF_8);
        log.failNext = new IllegalStateException("record down");
        assertThrows(IllegalStateException.class, () -> register.importCsv(csv, ADMIN));
        assertEquals(2, db.count("select count(*) from OFFICER"), "all rows or none");
        assertEquals(2, log.size());
    }

    static BureauConfig config() {
        return new BureauConfig() {
            @Override public Class<? extends Annotation> annotationType() { return BureauConfig.class; }
            @Override public String code() { return "430421"; }
            @Override public String name() { return "衡阳县自然资源局"; }
            @Override public String[] categories() { return new String[] {"土地管理", "矿产资源"}; }
            @Override public int certificateWarningDays() { return 30; }
            @Override public String realm() { return "karaf"; }
            @Override public String zone() { return "Asia/Shanghai"; }
        };
    }
}
