package org.zhifa.channel.city.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhifa.api.casereview.CaseStatistics;
import org.zhifa.api.casereview.StatisticsService;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.WithdrawalGround;
import org.zhifa.testsupport.Configs;

import com.fasterxml.jackson.databind.JsonNode;

/** The channel against a fake city on 127.0.0.1 that speaks docs/city-api.md, errors included. */
class CityPusherTest {
    static final String COUNTY = "430421";
    static final String TOKEN = "s3cret-token-of-the-county";
    static final BureauInfo BUREAU = new BureauInfo() {
        @Override
        public String code() {
            return COUNTY;
        }

        @Override
        public String name() {
            return "衡阳县自然资源局";
        }
    };

    FakeCity city;
    MemoryLog log;
    CityPusher pusher;
    StatisticsService cases;

    @BeforeEach
    void start() throws Exception {
        city = FakeCity.http(COUNTY);
        city.token = TOKEN;
        log = new MemoryLog(COUNTY);
        city.countyKey = log.keys.getPublic();
        pusher = new CityPusher(BUREAU, log, () -> null, () -> cases, Clock.systemUTC());
        configure(Map.of());
    }

    @AfterEach
    void stop() {
        city.close();
    }

    void configure(Map<String, Object> overrides) {
        Map<String, Object> m = new HashMap<>(Map.of("url", city.url(), "token", TOKEN));
        m.putAll(overrides);
        pusher.configure(Settings.of(Configs.of(CityConfig.class, m), COUNTY));
    }

    static PublicItem item(String id, int version, String text, byte[] pdf) {
        return new PublicItem(id, version, ItemType.DECISION, "penalty", "行政处罚", "关于某某占用耕地的行政处罚决定",
                "衡国土资罚〔2026〕1号", "张**", LocalDate.of(2026, 11, 20), Instant.parse("2026-11-26T08:30:00Z"),
                LocalDate.of(2027, 11, 25), text, pdf,
                List.of(new Attachment("flow.pdf", "application/pdf", "%PDF-flow".getBytes(StandardCharsets.UTF_8))),
                null, null, null);
    }

    static PublicItem withdrawn(PublicItem p) {
        return new PublicItem(p.publicId(), p.version(), p.type(), p.kind(), p.kindTitleZh(), p.title(), p.caseNumber(),
                p.partyName(), p.decidedOn(), p.publishedAt(), p.postUntil(), p.text(), p.pdf(), p.attachments(),
                Instant.parse("2026-12-01T02:00:00Z"), WithdrawalGround.REVOKED, "复议撤销原处罚决定");
    }

    static Delivery delivery(Delivery.Action action, PublicItem p, int attempt) {
        return new Delivery(7, action, p, attempt, null);
    }

    static byte[] pdf(String s) {
        return ("%PDF-1.7 " + s).getBytes(StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ items

    @Test
    void publishStoresTheVersionOnceAndAgainGivesTheSameReceipt() {
        PublicItem p = item("k3J9xQ2m", 1, "已脱敏全文", pdf("a"));
        DeliveryResult first = pusher.deliver(delivery(Delivery.Action.PUBLISH, p, 1));
        assertEquals(DeliveryResult.State.DONE, first.state(), first.message());
        assertEquals(COUNTY + "/k3J9xQ2m/1", first.receipt());

        // a retry after a crash, with a re-rendered PDF: the same version, the same receipt
        DeliveryResult again = pusher.deliver(delivery(Delivery.Action.PUBLISH, item("k3J9xQ2m", 1, "已脱敏全文", pdf("b")), 2));
        assertEquals(DeliveryResult.State.DONE, again.state(), again.message());
        assertEquals(first.receipt(), again.receipt());

        List<FakeCity.Seen> puts = city.seen("PUT", "/items/k3J9xQ2m/versions/1");
        assertEquals(List.of(201, 200), puts.stream().map(FakeCity.Seen::status).toList());
        assertEquals("Bearer " + TOKEN, puts.get(0).authorization());
        JsonNode body = puts.get(0).body();
        assertEquals(1, body.get("schemaVersion").asInt());
        assertEquals("张**", body.get("partyName").asText());
        assertEquals("衡国土资罚〔2026〕1号", body.get("caseNumber").asText());
        assertEquals("2026-11-20", body.get("decidedOn").asText());
        assertEquals("2026-11-26T08:30:00.000Z", body.get("publishedAt").asText());
        assertEquals("%PDF-1.7 a", new String(Base64.getDecoder().decode(body.get("pdf").asText()), StandardCharsets.UTF_8));
        assertEquals(Bodies.sha256("%PDF-flow".getBytes(StandardCharsets.UTF_8)), body.get("attachments").get(0).get("sha256").asText());
        assertEquals(COUNTY, body.get("bureau").get("code").asText());
        assertEquals("衡阳县自然资源局", body.get("bureau").get("name").asText());
        assertEquals(1, city.items.size());
        assertNotNull(pusher.status.map().get("items"));
    }

    @Test
    void aCorrectionIsANewVersionAndOtherTextUnderAnOldVersionIsRefused() {
        assertEquals(DeliveryResult.State.DONE, pusher.deliver(delivery(Delivery.Action.PUBLISH, item("a1", 1, "原文", pdf("")), 1)).state());
        DeliveryResult v2 = pusher.deliver(delivery(Delivery.Action.UPDATE, item("a1", 2, "更正后的全文", pdf("")), 1));
        assertEquals(DeliveryResult.State.DONE, v2.state(), v2.message());
        assertEquals(COUNTY + "/a1/2", v2.receipt());
        assertEquals(2, city.items.size());

        DeliveryResult clash = pusher.deliver(delivery(Delivery.Action.UPDATE, item("a1", 2, "又一个不同的全文", pdf("")), 1));
        assertEquals(DeliveryResult.State.FAILED, clash.state());
        assertTrue(clash.message().contains("409") && clash.message().contains("同一版本") && clash.message().contains("VERSION_CONFLICT"),
                clash.message());
        assertEquals("更正后的全文", city.items.get("a1/2").get("text").asText(), "never overwritten");
    }

    @Test
    void aWithdrawalCarriesGroundAndReasonAndIsIdempotent() {
        PublicItem p = item("w1", 1, "全文", pdf(""));
        pusher.deliver(delivery(Delivery.Action.PUBLISH, p, 1));
        DeliveryResult w = pusher.deliver(delivery(Delivery.Action.WITHDRAW, withdrawn(p), 1));
        assertEquals(DeliveryResult.State.DONE, w.state(), w.message());
        DeliveryResult again = pusher.deliver(delivery(Delivery.Action.WITHDRAW, withdrawn(p), 2));
        assertEquals(DeliveryResult.State.DONE, again.state(), again.message());
        assertEquals(w.receipt(), again.receipt());
        JsonNode body = city.withdrawals.get("w1");
        assertEquals("REVOKED", body.get("ground").asText());
        assertEquals("复议撤销原处罚决定", body.get("reason").asText());
        assertEquals("2026-12-01T02:00:00.000Z", body.get("withdrawnAt").asText());
        assertEquals(1, body.get("version").asInt());
        assertEquals(List.of(201, 200), city.seen("POST", "/withdrawal").stream().map(FakeCity.Seen::status).toList());
    }

    @Test
    void aWithdrawalOfAnItemTheCityNeverGotSendsTheVersionFirst() {
        DeliveryResult w = pusher.deliver(delivery(Delivery.Action.WITHDRAW, withdrawn(item("late1", 3, "全文", pdf(""))), 1));
        assertEquals(DeliveryResult.State.DONE, w.state(), w.message());
        assertTrue(city.items.containsKey("late1/3"));
        assertTrue(city.withdrawals.containsKey("late1"));
        assertEquals(List.of(404, 201), city.seen("POST", "/withdrawal").stream().map(FakeCity.Seen::status).toList());
    }

    @Test
    void aWrongTokenFailsWithAMessageSayingWhatToFixAndNeverShowsTheToken() {
        configure(Map.of("token", "not-the-token"));
        DeliveryResult r = pusher.deliver(delivery(Delivery.Action.PUBLISH, item("t1", 1, "全文", pdf("")), 1));
        assertEquals(DeliveryResult.State.FAILED, r.state());
        assertTrue(r.message().contains("token") && r.message().contains("401") && r.message().contains("UNAUTHENTICATED"), r.message());
        assertFalse(r.message().contains("not-the-token"));
        assertFalse(pusher.statusMap().toString().contains("not-the-token"));
        assertTrue(pusher.status.alarm());
    }

    @Test
    void anotherCountysCodeIsRefusedWith403() {
        configure(Map.of("county", "430422"));
        DeliveryResult r = pusher.deliver(delivery(Delivery.Action.PUBLISH, item("c1", 1, "全文", pdf("")), 1));
        assertEquals(DeliveryResult.State.FAILED, r.state());
        assertTrue(r.message().contains("430422") && r.message().contains("county") && r.message().contains("403"), r.message());
    }

    @Test
    void invalidDataIsFailedWithTheCitysWords() {
        city.answerNext(422, null, "INVALID_FIELD");
        DeliveryResult r = pusher.deliver(delivery(Delivery.Action.PUBLISH, item("v1", 1, "全文", pdf("")), 1));
        assertEquals(DeliveryResult.State.FAILED, r.state());
        assertTrue(r.message().contains("城市平台：INVALID_FIELD") && r.message().contains("city: INVALID_FIELD"), r.message());
        city.answerNext(413, null, "BODY_TOO_LARGE");
        DeliveryResult big = pusher.deliver(delivery(Delivery.Action.PUBLISH, item("v2", 1, "全文", pdf("")), 1));
        assertEquals(DeliveryResult.State.FAILED, big.state());
        assertTrue(big.message().contains("大小限制"), big.message());
    }

    @Test
    void aBusyCityIsRetriedAfterItsRetryAfter() {
        city.answerNext(503, "120", "CITY_BUSY");
        DeliveryResult r = pusher.deliver(delivery(Delivery.Action.PUBLISH, item("b1", 1, "全文", pdf("")), 1));
        assertEquals(DeliveryResult.State.RETRY, r.state());
        assertEquals(Duration.ofSeconds(120), r.retryAfter());
        assertFalse(pusher.status.alarm(), "a busy city is no alarm");

        city.answerNext(502, null, "BAD_GATEWAY");
        DeliveryResult plain = pusher.deliver(delivery(Delivery.Action.PUBLISH, item("b1", 1, "全文", pdf("")), 2));
        assertEquals(DeliveryResult.State.RETRY, plain.state());
        assertNull(plain.retryAfter(), "no Retry-After: the outbox's own back-off");

        DeliveryResult ok = pusher.deliver(delivery(Delivery.Action.PUBLISH, item("b1", 1, "全文", pdf("")), 3));
        assertEquals(DeliveryResult.State.DONE, ok.state());
    }

    @Test
    void retryAfterReadsSecondsAndHttpDatesAndIsCut() {
        Instant now = Instant.parse("2026-11-27T01:00:00Z");
        Duration max = Duration.ofHours(1);
        assertEquals(Duration.ofSeconds(120), CityClient.retryAfter("120", now, max));
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(now.plusSeconds(30), ZoneId.of("GMT")));
        assertEquals(Duration.ofSeconds(30), CityClient.retryAfter(date, now, max));
        assertEquals(max, CityClient.retryAfter("999999", now, max));
        assertNull(CityClient.retryAfter("soon", now, max));
    }

    /** While the city boots or stops, its web container answers a bare 404: that is no refusal by the city. */
    @Test
    void anAnswerWithoutTheCitysErrorBodyIsRetried() {
        city.answerNext(404, null, null);
        DeliveryResult r = pusher.deliver(delivery(Delivery.Action.PUBLISH, item("n1", 1, "全文", pdf("")), 1));
        assertEquals(DeliveryResult.State.RETRY, r.state(), r.message());
        assertTrue(r.message().contains("404"), r.message());
        assertFalse(pusher.status.alarm());
        assertEquals(DeliveryResult.State.DONE,
                pusher.deliver(delivery(Delivery.Action.PUBLISH, item("n1", 1, "全文", pdf("")), 2)).state());
        // the same while the city's REST layer answers before its receiver is deployed: a 404 of no contract code
        city.answerNext(404, null, "NOT_FOUND");
        DeliveryResult early = pusher.deliver(delivery(Delivery.Action.PUBLISH, item("n2", 1, "全文", pdf("")), 1));
        assertEquals(DeliveryResult.State.RETRY, early.state(), early.message());
        assertTrue(early.message().contains("url"), early.message());
    }

    @Test
    void aCityThatIsDownIsRetried() {
        city.close();
        DeliveryResult r = pusher.deliver(delivery(Delivery.Action.PUBLISH, item("d1", 1, "全文", pdf("")), 1));
        assertEquals(DeliveryResult.State.RETRY, r.state(), r.message());
        assertTrue(r.message().contains("城市平台"), r.message());
        assertFalse(pusher.status.alarm());
    }

    @Test
    void noUrlIsAFailureThatAsksForIt() {
        pusher.configure(Settings.of(Configs.of(CityConfig.class, Map.of()), COUNTY));
        DeliveryResult r = pusher.deliver(delivery(Delivery.Action.PUBLISH, item("n1", 1, "全文", pdf("")), 1));
        assertEquals(DeliveryResult.State.FAILED, r.state());
        assertTrue(r.message().contains("url"), r.message());
        assertTrue(city.seen.isEmpty());
    }

    // ------------------------------------------------------------------ tree heads

    @Test
    void treeHeadsGoWithAConsistencyProofFromTheCitysLatestSize() {
        log.grow(5);
        Outcome first = pusher.pushTreeHead();
        assertEquals(Outcome.State.DONE, first.state(), first.message());
        assertEquals(1, city.acceptedHeads.size());
        assertFalse(city.acceptedHeads.get(0).has("consistency"), "nothing to prove against on the first push");

        log.grow(8);
        Outcome second = pusher.pushTreeHead();
        assertEquals(Outcome.State.DONE, second.state(), second.message());
        assertEquals(2, city.acceptedHeads.size(), "the fake city verified the proof with Merkle.verify");
        JsonNode c = city.acceptedHeads.get(1).get("consistency");
        assertEquals(5, c.get("fromSize").asLong());
        assertEquals(13, c.get("toSize").asLong());
        assertFalse(c.get("path").isEmpty());

        int posts = city.seen("POST", "/tree-heads").size();
        Outcome same = pusher.pushTreeHead();
        assertEquals(Outcome.State.DONE, same.state());
        assertEquals(posts, city.seen("POST", "/tree-heads").size(), "the city holds it already: nothing sent");
        assertNull(pusher.status.scheduledAlarm());
    }

    @Test
    void aRewrittenLogIsRefusedByTheCityAndRaisesTheSeriousAlarm() {
        log.grow(6);
        assertEquals(Outcome.State.DONE, pusher.pushTreeHead().state());
        log.tamper(2);
        log.grow(3);
        Outcome o = pusher.pushTreeHead();
        assertEquals(Outcome.State.FAILED, o.state());
        assertEquals(409, o.status());
        assertEquals("TREE_HEAD_FORK", o.code());
        assertTrue(o.message().contains("严重") && o.message().contains("SERIOUS"), o.message());
        assertEquals("TREE_HEAD_FORK", pusher.status.scheduledAlarm());
        assertEquals(List.of("TREE_HEAD_FORK 9"), city.alarms);
        assertEquals(1, city.acceptedHeads.size());
    }

    @Test
    void aSameSizeRewriteIsPushedSoTheCitySeesIt() {
        log.grow(4);
        pusher.pushTreeHead();
        log.tamper(1);
        Outcome o = pusher.pushTreeHead();
        assertEquals(Outcome.State.FAILED, o.state());
        assertEquals("TREE_HEAD_REWRITE", o.code());
    }

    @Test
    void aHeadSignedWithAnotherKeyIsRefusedAsForged() throws Exception {
        log.grow(3);
        log.signer = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Outcome o = pusher.pushTreeHead();
        assertEquals(Outcome.State.FAILED, o.state());
        assertEquals(422, o.status());
        assertEquals("TREE_HEAD_SIGNATURE", pusher.status.scheduledAlarm());
        assertTrue(o.message().contains("伪造"), o.message());
        assertTrue(city.acceptedHeads.isEmpty());

        log.signer = log.keys;
        log.grow(1);
        assertEquals(Outcome.State.DONE, pusher.pushTreeHead().state());
        assertNull(pusher.status.scheduledAlarm(), "a head the city accepts ends the channel's alarm");
    }

    @Test
    void aMovedBaseIsProvedAgainWithoutAlarm() {
        log.grow(5);
        pusher.pushTreeHead();
        log.grow(2);
        city.answerNext("POST", 412, null, "TREE_HEAD_BASE_MISMATCH");
        Outcome o = pusher.pushTreeHead();
        assertEquals(Outcome.State.DONE, o.state(), o.message());
        assertEquals(2, city.acceptedHeads.size());
        assertFalse(pusher.status.alarm());
    }

    @Test
    void whenTheCityIsBackTheFailedStreamsArePushedAtOnce() {
        AtomicInteger back = new AtomicInteger();
        pusher.onCityBack(back::incrementAndGet);
        log.grow(2);
        city.answerNext("GET", 503, "5", "CITY_BUSY");
        Outcome down = pusher.pushTreeHead();
        assertEquals(Outcome.State.RETRY, down.state());
        assertEquals(0, back.get());
        assertEquals(DeliveryResult.State.DONE,
                pusher.deliver(delivery(Delivery.Action.PUBLISH, item("x1", 1, "全文", pdf("")), 1)).state());
        assertEquals(1, back.get(), "the first success after a failure triggers the catch-up");
        assertEquals(Outcome.State.DONE, pusher.pushTreeHead().state());
    }

    // ------------------------------------------------------------------ statistics

    @Test
    void statisticsGoForThePreviousAndTheCurrentMonth() {
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        String m = now.toString();
        cases = (year, kind, actor) -> {
            List<CaseStatistics.Count> byKind = List.of(new CaseStatistics.Count("penalty", "行政处罚", "Penalty", 5));
            List<CaseStatistics.Count> filed = List.of(new CaseStatistics.Count(m, m, m, kind == null ? 5 : 3));
            List<CaseStatistics.Count> closed = List.of(new CaseStatistics.Count(m, m, m, kind == null ? 5 : 2));
            return new CaseStatistics(year, kind, 5, 3, 2, byKind, List.of(), List.of(), filed, closed);
        };
        assertTrue(pusher.statisticsDue());
        Outcome o = pusher.pushStatistics();
        assertEquals(Outcome.State.DONE, o.state(), o.message());
        assertFalse(pusher.statisticsDue(), "once a day");
        assertEquals(1, city.statistics.get(now.minusMonths(1).toString()).size());
        JsonNode body = city.statistics.get(m).get(0);
        assertEquals(m, body.get("month").asText());
        JsonNode k = body.get("kinds").get(0);
        assertEquals("penalty", k.get("kind").asText());
        assertEquals("行政处罚", k.get("kindTitleZh").asText());
        assertEquals(3, k.get("filed").asLong());
        assertEquals(2, k.get("decided").asLong());
        assertEquals(3, body.get("totals").get("filed").asLong());
        assertEquals(0, city.statistics.get(now.minusMonths(1).toString()).get(0).get("kinds").size());
    }

    @Test
    void theShippedConfigurationHoldsTheDefaults() throws Exception {
        Configs.assertShippedConfig(CityConfig.class, CityConfig.PID);
    }
}
