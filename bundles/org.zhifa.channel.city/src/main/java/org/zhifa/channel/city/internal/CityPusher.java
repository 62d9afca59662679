package org.zhifa.channel.city.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.zhifa.api.casereview.StatisticsService;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Roles;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.record.ConsistencyProof;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.SignedTreeHead;
import org.zhifa.channel.city.internal.PushStatus.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The county side of docs/city-api.md without OSGi: item versions and withdrawals (called by the outbox
 * through {@link CityChannel}), the record's signed tree head with a consistency proof from the size the
 * city accepted last, and the monthly statistics (called on the channel's schedule). Catch-up of tree
 * heads needs no queue: the record is durable, and one head with one proof covers any gap.
 */
final class CityPusher {
    /** Reads statistics and items; writes nothing. */
    static final Actor READER = new Actor("zhifa-channel-city", Set.of(Roles.LEADER));
    private static final int ROUNDS = 3;

    private final BureauInfo bureau;
    private final RecordService record;
    private final Supplier<DisclosureService> disclosure;
    private final Supplier<StatisticsService> statistics;
    private final Clock clock;
    final PushStatus status = new PushStatus();

    private volatile Settings settings;
    private volatile CityClient client;
    private volatile Outcome configProblem;
    private volatile Runnable onCityBack = () -> {};
    private volatile LocalDate statisticsPushedOn;

    CityPusher(BureauInfo bureau, RecordService record, Supplier<DisclosureService> disclosure,
               Supplier<StatisticsService> statistics, Clock clock) {
        this.bureau = bureau;
        this.record = record;
        this.disclosure = disclosure;
        this.statistics = statistics;
        this.clock = clock;
    }

    /** Takes a new configuration; what was pushed and the status stay. */
    void configure(Settings s) {
        Outcome problem = null;
        CityClient c = null;
        if ("url".equals(s.problem())) {
            problem = Outcome.failed("CONFIG_URL", Texts.both("fail.url"));
        } else if ("county".equals(s.problem())) {
            problem = Outcome.failed("CONFIG_COUNTY", Texts.both("fail.county", String.valueOf(s.county())));
        } else {
            try {
                c = new CityClient(s);
            } catch (CityClient.StoreProblem e) {
                problem = Outcome.failed("CONFIG_TLS", Texts.both("fail.store", e.file, e.getMessage()));
            }
        }
        this.settings = s;
        this.client = c;
        this.configProblem = problem;
        this.statisticsPushedOn = null;
    }

    Settings settings() {
        return settings;
    }

    /** Called when the city answers again after a failure of any stream. */
    void onCityBack(Runnable r) {
        this.onCityBack = r;
    }

    // ------------------------------------------------------------------ items (the outbox)

    DeliveryResult deliver(Delivery d) {
        Instant now = clock.instant();
        status.attempt(Stream.ITEMS, now);
        Outcome o = configProblem != null ? configProblem : send(d);
        note(Stream.ITEMS, o, "v" + d.item().version() + " " + d.action());
        return o.delivery();
    }

    private Outcome send(Delivery d) {
        PublicItem p = d.item();
        CityClient c = client;
        try {
            if (d.action() == Delivery.Action.WITHDRAW) {
                if (p.withdrawnAt() == null || p.withdrawalGround() == null) {
                    return Outcome.failed("NOT_WITHDRAWN", Texts.both("fail.notWithdrawn", p.publicId()));
                }
                CityClient.Answer a = c.send("POST", c.uri("items", p.publicId(), "withdrawal"), Bodies.withdrawal(p));
                if (a.status() == 404 && "ITEM_NOT_FOUND".equals(a.code())) {
                    // The city never got a version (installed after the item was taken down): give it one.
                    CityClient.Answer put = putVersion(c, p);
                    if (!put.ok()) {
                        return withReceipt(put, p);
                    }
                    a = c.send("POST", c.uri("items", p.publicId(), "withdrawal"), Bodies.withdrawal(p));
                }
                return withReceipt(a, p);
            }
            return withReceipt(putVersion(c, p), p);
        } catch (IOException e) {
            return Outcome.unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Outcome.State.RETRY, 0, "INTERRUPTED", null, Texts.both("retry.interrupted"), null);
        }
    }

    private CityClient.Answer putVersion(CityClient c, PublicItem p) throws IOException, InterruptedException {
        return c.send("PUT", c.uri("items", p.publicId(), "versions", String.valueOf(p.version())),
                Bodies.item(p, settings.county(), bureau.name()));
    }

    private Outcome withReceipt(CityClient.Answer a, PublicItem p) {
        Outcome o = Outcome.of(a, settings.county());
        if (o.state() == Outcome.State.DONE && (o.receipt() == null || o.receipt().isBlank())) {
            return Outcome.done(a.status(), settings.county() + "/" + p.publicId() + "/" + p.version());
        }
        return o;
    }

    // ------------------------------------------------------------------ tree heads (R3 at the city)

    /** Pushes the record's latest signed tree head unless the city already holds it. */
    Outcome pushTreeHead() {
        status.attempt(Stream.TREE_HEADS, clock.instant());
        Outcome o = configProblem != null ? configProblem : treeHead();
        note(Stream.TREE_HEADS, o, o.receipt());
        return o;
    }

    private Outcome treeHead() {
        CityClient c = client;
        try {
            SignedTreeHead own = record.latestTreeHead();
            for (int round = 0; round < ROUNDS; round++) {
                CityClient.Answer latest = c.get(c.uri("tree-heads", "latest"));
                ConsistencyProof proof = null;
                if (latest.ok()) {
                    JsonNode h = latest.body() == null ? null : latest.body().get("treeHead");
                    if (h == null || !h.hasNonNull("treeSize") || !h.hasNonNull("rootHash")) {
                        return Outcome.failed("CITY_ANSWER", Texts.both("fail.answer", "tree-heads/latest"));
                    }
                    long size = h.get("treeSize").asLong();
                    String root = h.get("rootHash").asText();
                    if (size == own.treeSize() && root.equalsIgnoreCase(own.rootHash())) {
                        return Outcome.done(200, Texts.both("head.inSync", String.valueOf(size)));
                    }
                    // A smaller or rewritten log is still pushed, with an empty proof: the city must see it.
                    proof = size < own.treeSize() ? record.consistency(size, own.treeSize())
                            : new ConsistencyProof(size, own.treeSize(), List.of());
                } else if (!(latest.status() == 404 && "NO_TREE_HEAD".equals(latest.code()))) {
                    return refused(Outcome.of(latest, settings.county()));
                }
                CityClient.Answer a = c.send("POST", c.uri("tree-heads"), Bodies.treeHead(own, proof));
                if (a.status() == 412) {
                    continue; // the city's latest moved between our GET and POST: prove again
                }
                Outcome o = Outcome.of(a, settings.county());
                if (o.state() == Outcome.State.DONE) {
                    return Outcome.done(a.status(), Texts.both("head.accepted", String.valueOf(own.treeSize()),
                            proof == null ? "-" : String.valueOf(proof.firstSize())));
                }
                return refused(o);
            }
            return new Outcome(Outcome.State.RETRY, 412, "TREE_HEAD_BASE_MISMATCH", null, Texts.both("retry.base"), null);
        } catch (IOException e) {
            return Outcome.unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Outcome.State.RETRY, 0, "INTERRUPTED", null, Texts.both("retry.interrupted"), null);
        } catch (RuntimeException e) {
            return new Outcome(Outcome.State.RETRY, 0, "RECORD", null, Texts.both("retry.record", String.valueOf(e.getMessage())), null);
        }
    }

    /** A head the city refused as forged or as a fork: the most serious alarm this channel raises. */
    private static Outcome refused(Outcome o) {
        if (o.state() == Outcome.State.FAILED && (o.status() == 409 || o.status() == 422)) {
            String key = o.status() == 422 ? "head.forged" : "head.fork";
            return new Outcome(o.state(), o.status(), o.code(), null, Texts.both(key) + " " + o.message(), null);
        }
        return o;
    }

    // ------------------------------------------------------------------ statistics

    /** True once a day from the configured hour on, and at start. */
    boolean statisticsDue() {
        Settings s = settings;
        var now = clock.instant().atZone(s.zone());
        LocalDate pushed = statisticsPushedOn;
        return pushed == null || pushed.isBefore(now.toLocalDate()) && now.getHour() >= s.statisticsHour();
    }

    /** Pushes the previous and the current month. */
    Outcome pushStatistics() {
        status.attempt(Stream.STATISTICS, clock.instant());
        Outcome o = configProblem != null ? configProblem : statisticsNow();
        note(Stream.STATISTICS, o, o.receipt());
        return o;
    }

    private Outcome statisticsNow() {
        CityClient c = client;
        Settings s = settings;
        LocalDate today = clock.instant().atZone(s.zone()).toLocalDate();
        YearMonth current = YearMonth.from(today);
        try {
            for (YearMonth m : List.of(current.minusMonths(1), current)) {
                var body = MonthlyStatistics.body(m, s.zone(), clock.instant(), s.county(), bureau.name(),
                        statistics.get(), disclosure.get(), READER);
                Outcome o = Outcome.of(c.send("PUT", c.uri("statistics", m.toString()), body), s.county());
                if (o.state() != Outcome.State.DONE) {
                    return o;
                }
            }
            statisticsPushedOn = today;
            return Outcome.done(200, current.minusMonths(1) + ", " + current);
        } catch (IOException e) {
            return Outcome.unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Outcome.State.RETRY, 0, "INTERRUPTED", null, Texts.both("retry.interrupted"), null);
        } catch (RuntimeException e) {
            return new Outcome(Outcome.State.RETRY, 0, "STATISTICS", null, Texts.both("retry.statistics", String.valueOf(e.getMessage())), null);
        }
    }

    // ------------------------------------------------------------------ status

    private void note(Stream s, Outcome o, String detail) {
        Instant now = clock.instant();
        boolean wasFailing = status.failing(Stream.ITEMS) || status.failing(Stream.TREE_HEADS)
                || status.failing(Stream.STATISTICS);
        switch (o.state()) {
            case DONE -> status.success(s, now, detail);
            case RETRY -> status.error(s, now, o.message());
            case FAILED -> status.alarm(s, now, o.code() == null ? "HTTP_" + o.status() : o.code(), o.message());
        }
        if (o.state() == Outcome.State.DONE && wasFailing) {
            onCityBack.run();
        }
    }

    Map<String, Object> statusMap() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        Settings s = settings;
        m.put("channel", CityChannel.ID);
        m.put("url", s == null || s.url() == null ? null : s.url().toString());
        m.put("county", s == null ? null : s.county());
        m.put("configProblem", configProblem == null ? null : configProblem.message());
        m.putAll(status.map());
        return m;
    }
}
