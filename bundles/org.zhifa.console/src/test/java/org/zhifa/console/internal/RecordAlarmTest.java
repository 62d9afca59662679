package org.zhifa.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.zhifa.api.record.Problem;
import org.zhifa.api.record.VerificationReport;

import com.vaadin.ui.Button;
import com.vaadin.ui.Label;

/** The banner follows the last verification as the poll asks again. */
class RecordAlarmTest {
    private static final Instant AT = Instant.parse("2026-11-26T08:00:00Z");

    private static VerificationReport report(Problem... problems) {
        return new VerificationReport(false, AT, AT, 0, 120, "0".repeat(64), 1, List.of(problems));
    }

    private static final Problem CHANGED = new Problem(Problem.Type.EVIDENCE_CHANGED, 7, "evidence/ab/abcd",
            "证据文件被改动", "An evidence file was changed");

    @Test
    void onlyAFailedVerificationRaisesTheAlarm() {
        assertFalse(RecordAlarm.raised(Optional.empty()));
        assertFalse(RecordAlarm.raised(Optional.of(report())));
        assertTrue(RecordAlarm.raised(Optional.of(report(CHANGED))));
    }

    @Test
    void theBannerComesAndGoesWithTheLastReportAndLinksToTheRecordView() {
        AtomicReference<Optional<VerificationReport>> last = new AtomicReference<>(Optional.empty());
        AtomicInteger opened = new AtomicInteger();
        RecordAlarm banner = new RecordAlarm(last::get, Messages.of(Messages.ZH), opened::incrementAndGet);
        assertFalse(banner.isVisible(), "never verified");

        last.set(Optional.of(report()));
        banner.update();
        assertFalse(banner.isVisible(), "verified clean");

        last.set(Optional.of(report(CHANGED, CHANGED)));
        banner.update();
        assertTrue(banner.isVisible());
        Label text = (Label) banner.getComponent(0);
        assertTrue(text.getValue().contains("记录核验发现问题"), text.getValue());
        assertTrue(text.getValue().contains("2 个"), text.getValue());
        assertTrue(text.getValue().contains("2026-11-26 16:00:00"), text.getValue());
        Button open = (Button) banner.getComponent(1);
        assertEquals("查看记录核验", open.getCaption());
        open.click();
        assertEquals(1, opened.get());

        last.set(Optional.of(report()));
        banner.update();
        assertFalse(banner.isVisible(), "a clean run clears it");
    }

    @Test
    void englishAndARecordThatFailsToAnswerKeepTheLastState() {
        AtomicReference<Optional<VerificationReport>> last = new AtomicReference<>(Optional.of(report(CHANGED)));
        RecordAlarm banner = new RecordAlarm(() -> {
            Optional<VerificationReport> r = last.get();
            if (r == null) {
                throw new IllegalStateException("record stopping");
            }
            return r;
        }, Messages.of(Messages.EN), () -> { });
        assertTrue(((Label) banner.getComponent(0)).getValue().startsWith("⚠ Record verification found problems: 1"));
        last.set(null);
        banner.update();
        assertTrue(banner.isVisible());
    }
}
