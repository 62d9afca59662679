package org.zhifa.disclosure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.ChannelStatus;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.ItemQuery;
import org.zhifa.api.disclosure.OutboxEntry;
import org.zhifa.api.disclosure.OutboxState;

/** The outbox with test channels: back-off, PENDING, FAILED and manual retry, idempotency, catch-up, restart. */
class OutboxTest {

    private static long published(Fixture f, String party) {
        f.decided(Fixture.person(party), "6000");
        DisclosureItem i = f.service.items(new ItemQuery(null, null, null, null, party, 0, 5), Fixture.OFFICER).items().get(0);
        f.service.approve(i.id(), List.of(), Fixture.LEADER);
        return i.id();
    }

    private static OutboxEntry entry(Fixture f, String channel) {
        List<OutboxEntry> all = f.service.outbox(null, channel, 0, 50, Fixture.OFFICER).items();
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    @Test
    void failuresBackOffExponentiallyUpToTheCapAndTheChannelsDelayWins() {
        try (Fixture f = new Fixture("2026-03-10", Fixture.settings(Map.of("retryBaseSeconds", 10, "retryCapSeconds", 60)))) {
            Fixture.TestChannel web = new Fixture.TestChannel("website");
            f.service.addChannel(web, Map.of("zhifa.channel", "website"));
            published(f, "韩某某");
            web.answers.add(DeliveryResult.retry("down"));
            web.throwNext = null;
            assertEquals(1, f.service.outbox().deliverDue());
            OutboxEntry e = entry(f, "website");
            assertEquals(OutboxState.RETRYING, e.state());
            assertEquals(1, e.attempts());
            assertEquals("down", e.lastError());
            assertEquals(f.clock.instant().plusSeconds(10), e.nextAttemptAt());
            assertEquals(0, f.service.outbox().deliverDue(), "not before its time");
            f.clock.plusSeconds(10);
            web.throwNext = new IllegalStateException("connection refused");
            assertEquals(1, f.service.outbox().deliverDue());
            e = entry(f, "website");
            assertEquals(OutboxState.RETRYING, e.state(), "an exception is a RETRY");
            assertTrue(e.lastError().contains("connection refused"), e.lastError());
            assertEquals(f.clock.instant().plusSeconds(20), e.nextAttemptAt());
            f.clock.plusSeconds(20);
            web.answers.add(DeliveryResult.retry("down"));
            f.service.outbox().deliverDue();
            assertEquals(f.clock.instant().plusSeconds(40), entry(f, "website").nextAttemptAt());
            f.clock.plusSeconds(40);
            web.answers.add(DeliveryResult.retry("down"));
            f.service.outbox().deliverDue();
            assertEquals(f.clock.instant().plusSeconds(60), entry(f, "website").nextAttemptAt(), "capped");
            f.clock.plusSeconds(60);
            web.answers.add(DeliveryResult.retryAfter("quota", Duration.ofSeconds(5)));
            f.service.outbox().deliverDue();
            assertEquals(f.clock.instant().plusSeconds(5), entry(f, "website").nextAttemptAt(), "the channel knows better");
            f.clock.plusSeconds(5);
            f.service.outbox().deliverDue();
            assertEquals(0, f.service.outbox(null, "website", 0, 50, Fixture.OFFICER).total());
            OutboxEntry done = f.service.outbox(OutboxState.DONE, "website", 0, 50, Fixture.OFFICER).items().get(0);
            assertEquals(6, done.attempts());
            assertEquals(List.of(1, 2, 3, 4, 5, 6), web.got.stream().map(Delivery::attempt).toList());
            assertEquals(1, f.db.count("SELECT COUNT(*) FROM TEST_RECORD WHERE ENTRY_TYPE = 'disclosure.delivery.done'"));
        }
    }

    @Test
    void pendingAsksAgainWithTheReceiptAndFailedWaitsForAManualRetry() {
        try (Fixture f = new Fixture("2026-03-10")) {
            Fixture.TestChannel wechat = new Fixture.TestChannel("wechat");
            f.service.addChannel(wechat, Map.of("zhifa.channel", "wechat"));
            published(f, "韩某某");
            wechat.answers.add(DeliveryResult.pending("job-7", Duration.ofSeconds(30)));
            f.service.outbox().deliverDue();
            OutboxEntry e = entry(f, "wechat");
            assertEquals(OutboxState.PENDING, e.state());
            assertEquals("job-7", e.receipt());
            f.clock.plusSeconds(30);
            wechat.answers.add(DeliveryResult.failed("errcode 48001: api unauthorized"));
            f.service.outbox().deliverDue();
            assertEquals("job-7", wechat.got.get(1).receipt(), "asked again with its receipt");
            e = entry(f, "wechat");
            assertEquals(OutboxState.FAILED, e.state());
            assertTrue(e.alarm(), "FAILED is an alarm");
            ChannelStatus s = f.service.channels(Fixture.OFFICER).get(0);
            assertEquals("wechat", s.id());
            assertEquals("测试wechat", s.titleZh());
            assertTrue(s.installed() && s.alarm());
            assertEquals(1, s.failed());
            f.clock.plusSeconds(3600);
            assertEquals(0, f.service.outbox().deliverDue(), "FAILED waits for a person");
            assertEquals(1, f.db.count("SELECT COUNT(*) FROM TEST_RECORD WHERE ENTRY_TYPE = 'disclosure.delivery.failed'"));

            assertEquals("FORBIDDEN_ROLE", assertThrows(ZhifaException.class,
                    () -> f.service.retry(entry(f, "wechat").id(), Fixture.OFFICER)).code());
            long failedId = e.id();
            OutboxEntry again = f.service.retry(failedId, Fixture.ADMIN);
            assertEquals(OutboxState.RETRYING, again.state());
            f.service.outbox().deliverDue();
            assertEquals(0, f.service.outbox(null, null, 0, 50, Fixture.OFFICER).total());
            assertEquals("OUTBOX_DONE", assertThrows(ZhifaException.class, () -> f.service.retry(failedId, Fixture.ADMIN)).code());
            assertEquals("OUTBOX_UNKNOWN", assertThrows(ZhifaException.class, () -> f.service.retry(999, Fixture.ADMIN)).code());
            assertFalse(f.service.channels(Fixture.OFFICER).get(0).alarm());
        }
    }

    @Test
    void anEntryNotDueBeforeTheLimitIsAnAlarmAtOnce() {
        try (Fixture f = new Fixture("2026-03-10", Fixture.settings(Map.of("alarmMinutes", 60)))) {
            Fixture.TestChannel wechat = new Fixture.TestChannel("wechat");
            f.service.addChannel(wechat, Map.of("zhifa.channel", "wechat"));
            published(f, "韩某某");
            wechat.answers.add(DeliveryResult.retryAfter("quota", Duration.ofMinutes(20)));
            assertEquals(1, f.service.outbox().deliverDue());
            assertFalse(entry(f, "wechat").alarm(), "due again within the limit: no alarm yet");
            assertFalse(f.service.channels(Fixture.OFFICER).get(0).alarm());
            f.clock.plusSeconds(20 * 60);
            wechat.answers.add(DeliveryResult.retryAfter("errcode 45009: quota until midnight", Duration.ofHours(5)));
            assertEquals(1, f.service.outbox().deliverDue());
            OutboxEntry e = entry(f, "wechat");
            assertEquals(OutboxState.RETRYING, e.state());
            assertTrue(e.alarm(), "its next attempt lies beyond createdAt + 60 min: certain to be late");
            assertTrue(f.service.channels(Fixture.OFFICER).get(0).alarm(), "the channel shows it too");
            f.clock.plusSeconds(5 * 3600);
            f.service.outbox().deliverDue();
            assertEquals(0, f.service.outbox(null, "wechat", 0, 50, Fixture.OFFICER).total());
            assertFalse(f.service.channels(Fixture.OFFICER).get(0).alarm(), "delivered: the alarm is gone");
        }
    }

    @Test
    void anEntryWaitingLongerThanTheLimitIsAnAlarm() {
        try (Fixture f = new Fixture("2026-03-10", Fixture.settings(Map.of("alarmMinutes", 60)))) {
            Fixture.TestChannel web = new Fixture.TestChannel("website");
            f.service.addChannel(web, Map.of("zhifa.channel", "website"));
            f.service.removeChannel(web, Map.of("zhifa.channel", "website"));
            published(f, "韩某某");
            assertEquals(0, f.service.outbox().deliverDue(), "the channel is gone: its entry waits");
            assertFalse(entry(f, "website").alarm());
            ChannelStatus s = f.service.channels(Fixture.OFFICER).get(0);
            assertFalse(s.installed());
            assertEquals(1, s.waiting());
            f.clock.plusSeconds(3601);
            assertTrue(entry(f, "website").alarm());
            assertTrue(f.service.channels(Fixture.OFFICER).get(0).alarm());
            f.service.addChannel(web, Map.of("zhifa.channel", "website"));
            f.service.outbox().deliverDue();
            assertEquals(1, web.got.size());
        }
    }

    @Test
    void aChannelInstalledLaterCatchesUpOnceAndDeliveriesKeepTheirOrder() {
        try (Fixture f = new Fixture("2026-03-10")) {
            long a = published(f, "甲某某");
            long b = published(f, "乙某某");
            f.service.withdraw(b, org.zhifa.api.disclosure.WithdrawalGround.VOID, "决定被确认无效", Fixture.LEADER);
            f.decided(Fixture.person("丙某某"), "100");
            assertEquals(0, f.db.count("SELECT COUNT(*) FROM DISC_OUTBOX"), "no channel yet");

            Fixture.TestChannel city = new Fixture.TestChannel("city");
            f.service.addChannel(city, Map.of("zhifa.channel", "city"));
            assertEquals(1, f.db.count("SELECT COUNT(*) FROM DISC_OUTBOX"), "binding caught up on what is public now: item a");
            assertEquals(0, f.service.outbox().catchUp("city"), "idempotent");
            f.service.outbox().deliverDue();
            assertEquals(1, city.got.size());
            assertEquals(Delivery.Action.PUBLISH, city.got.get(0).action());

            // correction then withdrawal while the channel is down: delivered in order, each once
            f.service.correct(a, f.service.item(a, Fixture.OFFICER).orElseThrow().text() + "\n更正", "笔误", Fixture.LEADER);
            f.service.withdraw(a, org.zhifa.api.disclosure.WithdrawalGround.VARIED, "决定已变更", Fixture.LEADER);
            city.answers.add(DeliveryResult.retry("down"));
            assertEquals(1, f.service.outbox().deliverDue());
            assertEquals(0, f.service.outbox().deliverDue(), "the UPDATE failed; the WITHDRAW waits behind it");
            f.clock.plusSeconds(3600);
            f.service.outbox().deliverDue();
            f.service.outbox().deliverDue();
            assertEquals(List.of("PUBLISH 1", "UPDATE 2", "UPDATE 2", "WITHDRAW 2"),
                    city.got.stream().map(d -> d.action() + " " + d.item().version()).toList());
            assertEquals(0, f.service.outbox().catchUp("city"));
            assertEquals(3, f.db.count("SELECT COUNT(*) FROM DISC_OUTBOX WHERE CHANNEL = 'city'"));
            // the idempotency key holds in the database too
            assertThrows(java.sql.SQLException.class, () -> {
                try (var c = f.db.connect(); var st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO DISC_OUTBOX (BUREAU, CHANNEL, ITEM_ID, VERSION, ACTION, STATE, ATTEMPTS,"
                            + " CREATED_AT, NEXT_AT) VALUES ('430421', 'city', " + a + ", 2, 'WITHDRAW', 'WAITING', 0,"
                            + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                }
            });
        }
    }

    @Test
    void theOutboxSurvivesARestartAndTheWorkerDeliversWithoutBeingAsked() throws Exception {
        try (Fixture f = new Fixture("2026-03-10", Fixture.settings(Map.of("pollMillis", 50)))) {
            Fixture.TestChannel web = new Fixture.TestChannel("website");
            f.service.addChannel(web, Map.of("zhifa.channel", "website"));
            f.service.removeChannel(web, Map.of("zhifa.channel", "website"));
            published(f, "韩某某");
            assertEquals(1, f.service.outbox(null, null, 0, 10, Fixture.OFFICER).total());

            // "restart": a new service on the same database, its worker running
            f.service.deactivate();
            f.service = f.newService();
            Fixture.TestChannel again = new Fixture.TestChannel("website");
            f.service.addChannel(again, Map.of("zhifa.channel", "website"));
            f.service.outbox().start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (again.got.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, again.got.size());
            while (f.service.outbox(null, null, 0, 10, Fixture.OFFICER).total() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(0, f.service.outbox(null, null, 0, 10, Fixture.OFFICER).total());
            assertTrue(web.got.isEmpty(), "the old channel's service is gone");
        }
    }
}
