package org.zhifa.kind.license.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.zhifa.api.kind.AvRule;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.TimerRule;
import org.zhifa.api.kind.TimerRule.DayCount;
import org.zhifa.testsupport.Configs;
import org.zhifa.testsupport.FixedWorkingDays;
import org.zhifa.testsupport.KindChecks;
import org.zhifa.testsupport.ProcedureAssertions;

class LicenseProcedureTest {

    private final LicenseKind kind = new LicenseKind(Configs.defaults(LicenseConfig.class));
    private final Procedure p = kind.procedure();

    @Test
    void procedureIsWellFormed() {
        ProcedureAssertions.assertWellFormed(p);
    }

    @Test
    void kindIsTitledAndNumbered() {
        assertEquals("license", kind.id());
        assertEquals("许", kind.numberCode());
        assertEquals("行政许可", kind.title(Locale.SIMPLIFIED_CHINESE));
        assertEquals("Administrative licensing", kind.title(Locale.ENGLISH));
    }

    @Test
    void messagesExistInBothLanguages() throws Exception {
        KindChecks.assertSameKeys(LicenseKind.class, "org/zhifa/kind/license/internal/messages");
    }

    @Test
    void notAcceptedAndWithdrawnApplicationsClose() {
        assertEquals("notAccepted", p.transition("notAccept").orElseThrow().to());
        assertEquals("closed", p.transition("closeNotAccepted").orElseThrow().to());
        assertEquals("closed", p.transition("withdrawApplication").orElseThrow().to());
    }

    /** 许可法 34: two or more staff verify on site, recorded (R4). */
    @Test
    void onSiteVerificationNeedsTwoStaffArt34() {
        assertEquals(2, p.step("verification").orElseThrow().minOfficers());
        assertEquals(AvRule.REQUIRED, p.step("verification").orElseThrow().av());
        assertEquals(AvRule.REQUIRED, p.step("hearing").orElseThrow().av());
    }

    /** 许可法 42, 82: 20 working days from 受理, 30 once the 负责人 approved the extension. */
    @Test
    void decisionTimerIs20WorkingDaysExtendableBy10Art42() {
        TimerRule r = timer("decision");
        assertEquals(DayCount.WORKING_DAYS, r.count());
        assertEquals("accepted", r.startStep());
        assertEquals("acceptedOn", r.startField());
        assertEquals(Set.of("granted", "refused", "closed"), r.stopSteps());
        assertEquals("decisionExtended", r.extendField());
        assertEquals(20, r.effectiveLength(Map.of()));
        assertEquals(20, r.effectiveLength(Map.of("decisionExtended", "false")));
        assertEquals(30, r.effectiveLength(Map.of("decisionExtended", "true")));
        // accepted Thu 2026-02-05, across the Spring Festival and both 调休 Saturdays
        FixedWorkingDays wd = FixedWorkingDays.spring2026();
        LocalDate accepted = LocalDate.of(2026, 2, 5);
        assertEquals(LocalDate.of(2026, 3, 11), wd.add(accepted, r.effectiveLength(Map.of())));
        assertEquals(LocalDate.of(2026, 3, 25), wd.add(accepted, r.effectiveLength(Map.of("decisionExtended", "true"))));
        // the extension is a transition of the 负责人 that sets the flag
        var extend = p.transition("extendDecisionPeriod").orElseThrow();
        assertTrue(extend.roles().contains("zhifa-leader"));
        assertTrue(extend.fields().stream().anyMatch(f -> f.name().equals("decisionExtended") && f.required()));
    }

    /** 许可法 44: the certificate within 10 working days of the decision. */
    @Test
    void certificateTimerIs10WorkingDaysArt44() {
        TimerRule r = timer("certificate");
        assertEquals(10, r.length());
        assertEquals(DayCount.WORKING_DAYS, r.count());
        assertEquals("granted", r.startStep());
        assertEquals("decisionDate", r.startField());
        assertEquals(Set.of("issued", "closed"), r.stopSteps());
    }

    /** 许可法 32: accept, refuse or request supplements within 5 working days. */
    @Test
    void acceptanceTimerIs5WorkingDaysArt32() {
        TimerRule r = timer("acceptance");
        assertEquals(5, r.length());
        assertEquals(DayCount.WORKING_DAYS, r.count());
        assertEquals("applied", r.startStep());
    }

    @Test
    void timersFollowConfiguration() {
        LicenseKind k = new LicenseKind(Configs.of(LicenseConfig.class,
                Map.of("decisionWorkingDays", 15, "extensionWorkingDays", 5)));
        TimerRule r = k.procedure().timers().stream().filter(t -> t.id().equals("decision")).findFirst().orElseThrow();
        assertEquals(15, r.effectiveLength(Map.of()));
        assertEquals(20, r.effectiveLength(Map.of("decisionExtended", "true")));
    }

    /** 许可法 40, D3: granted licences are published within 7 working days; refusals are not. */
    @Test
    void grantsArePublishedWithinSevenWorkingDaysArt40() {
        assertEquals("granted", kind.disclosure().step());
        assertEquals(7, kind.disclosure().workingDays());
        assertTrue(kind.disclosure().fields().contains("licenceContent"));
    }

    @Test
    void shippedConfigurationEqualsTheDefaults() throws Exception {
        Path cfg = Path.of("../../etc/org.zhifa.kind.license.cfg");
        Configs.assertCfgMatchesDefaults(LicenseConfig.class, cfg);
        Configs.assertFeatureConfigMatches(Path.of("../../features/src/main/feature/feature.xml"),
                "org.zhifa.kind.license", cfg);
    }

    private TimerRule timer(String id) {
        return p.timers().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }
}
