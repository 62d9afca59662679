package org.zhifa.disclosure.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.zhifa.api.disclosure.ChannelStatus;

/** The outbox banner: raised by an alarmed channel only, naming it and its failures. */
class OutboxAlarmTest {

    private static final ConsoleTexts ZH = new ConsoleTexts(Locale.SIMPLIFIED_CHINESE);

    private static ChannelStatus channel(String id, String zh, long waiting, long failed, boolean alarm) {
        return new ChannelStatus(id, zh, id, true, waiting, failed, 3, waiting > 0 ? Instant.EPOCH : null, alarm);
    }

    @Test
    void quietWhileNoChannelIsAlarmed() {
        assertTrue(OutboxAlarm.text(List.of(), ZH).isEmpty());
        assertTrue(OutboxAlarm.text(List.of(channel("website", "门户网站", 2, 0, false)), ZH).isEmpty());
    }

    @Test
    void namesTheAlarmedChannelsAndCountsTheirFailures() {
        String t = OutboxAlarm.text(List.of(channel("website", "门户网站", 1, 0, false),
                channel("wechat", "微信公众号", 4, 2, true), channel("city", "市级平台", 1, 1, true)), ZH).orElseThrow();
        assertTrue(t.startsWith("公示发布告警：2 个通道（微信公众号、市级平台）"), t);
        assertTrue(t.contains("失败 3 条"), t);
        assertFalse(t.contains("门户网站"), t);
        String en = OutboxAlarm.text(List.of(channel("wechat", "微信公众号", 4, 2, true)),
                new ConsoleTexts(Locale.ENGLISH)).orElseThrow();
        assertEquals("Publishing alarm: 1 channel(s) (wechat) have failed entries or entries waiting too long; "
                + "2 failed. Check the channel and retry.", en);
    }
}
