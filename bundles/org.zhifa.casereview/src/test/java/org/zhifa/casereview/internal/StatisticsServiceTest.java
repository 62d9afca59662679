package org.zhifa.casereview.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhifa.api.casereview.CaseStatistics;
import org.zhifa.api.casereview.CaseStatistics.Count;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;

class StatisticsServiceTest {
    static final Actor OFFICER = new Actor("officer", Set.of(Roles.OFFICER));

    TestDb db;
    StatisticsServiceImpl stats;

    @BeforeEach
    void setUp() {
        db = new TestDb("stats");
        stats = new StatisticsServiceImpl(db.dataSource, TestDb.BUREAU);
        db.officer(1, "王建国");
        db.officer(2, "李明");
        // 2026: three penalty cases (two closed), one licence case; 2025: one penalty case closed in 2026
        db.kase("penalty", "行政处罚", LocalDate.of(2026, 1, 5), "filed", "立案", LocalDateTime.of(2026, 3, 2, 10, 0), "officer", "leader", 1, 2);
        db.kase("penalty", "行政处罚", LocalDate.of(2026, 1, 20), "filed", "立案", LocalDateTime.of(2026, 3, 9, 10, 0), "officer", "leader", 1);
        db.kase("penalty", "行政处罚", LocalDate.of(2026, 2, 1), "investigation", "调查取证", null, "officer", "officer", 2);
        db.kase("license", "行政许可", LocalDate.of(2026, 2, 14), "accepted", "受理", null, "officer", "officer", 1);
        db.kase("penalty", "行政处罚", LocalDate.of(2025, 12, 1), "filed", "立案", LocalDateTime.of(2026, 1, 8, 10, 0), "officer", "leader", 2);
        // another bureau's case never counts
        db.exec("UPDATE CASE_FILE SET BUREAU = '430422' WHERE ID = (SELECT MAX(ID) FROM CASE_FILE)");
        db.kase("penalty", "行政处罚", LocalDate.of(2025, 12, 1), "filed", "立案", LocalDateTime.of(2026, 1, 8, 10, 0), "officer", "leader", 2);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void countsByKindStepOfficerAndMonth() {
        CaseStatistics s = stats.cases(2026, null, OFFICER);
        assertEquals(4, s.total());
        assertEquals(2, s.open());
        assertEquals(2, s.closed());
        assertEquals("penalty", s.byKind().get(0).key());
        assertEquals(3, s.byKind().get(0).count());
        assertEquals("行政处罚", s.byKind().get(0).titleZh());
        assertEquals(1, count(s, s.byKind(), "license"));
        assertEquals(2, count(s, s.byStep(), "penalty/closed"));
        assertEquals(1, count(s, s.byStep(), "penalty/investigation"));
        assertEquals("行政处罚·调查取证", s.byStep().stream().filter(c -> c.key().equals("penalty/investigation"))
                .findFirst().orElseThrow().titleZh());
        assertEquals(3, count(s, s.byOfficer(), "1"));
        assertEquals(2, count(s, s.byOfficer(), "2"));
        assertEquals("王建国", s.byOfficer().get(0).titleZh());
        assertEquals(12, s.filedByMonth().size());
        assertEquals(2, count(s, s.filedByMonth(), "2026-01"));
        assertEquals(2, count(s, s.filedByMonth(), "2026-02"));
        assertEquals(0, count(s, s.filedByMonth(), "2026-03"));
        // closings count by the year they closed in: the 2025 case closed in January 2026 counts
        assertEquals(1, count(s, s.closedByMonth(), "2026-01"));
        assertEquals(2, count(s, s.closedByMonth(), "2026-03"));
        assertEquals("2026年3月", s.closedByMonth().get(2).titleZh());
    }

    @Test
    void filtersByKindAndYear() {
        CaseStatistics penalty = stats.cases(2026, "penalty", OFFICER);
        assertEquals(3, penalty.total());
        assertEquals(1, penalty.byKind().size());
        assertEquals("调查取证", penalty.byStep().stream().filter(c -> c.key().equals("penalty/investigation"))
                .findFirst().orElseThrow().titleZh());
        CaseStatistics all = stats.cases(null, null, OFFICER);
        assertEquals(5, all.total());
        assertEquals(1, count(all, all.filedByMonth(), "2025-12"));
        assertEquals(0, stats.cases(2024, null, OFFICER).total());
        assertEquals(0, stats.cases(2026, "fee", OFFICER).total());
    }

    @Test
    void refusesBadFiltersAndStrangers() {
        assertEquals("casereview.year.invalid", assertThrows(ZhifaException.class,
                () -> stats.cases(1999, null, OFFICER)).code());
        assertEquals("statistics.kind.invalid", assertThrows(ZhifaException.class,
                () -> stats.cases(2026, "x' OR 1=1", OFFICER)).code());
        assertEquals(ZhifaException.Kind.FORBIDDEN, assertThrows(ZhifaException.class,
                () -> stats.cases(2026, null, new Actor("guest", Set.of()))).kind());
    }

    private static long count(CaseStatistics s, java.util.List<Count> counts, String key) {
        return counts.stream().filter(c -> c.key().equals(key)).mapToLong(Count::count).findFirst().orElse(-1);
    }
}
