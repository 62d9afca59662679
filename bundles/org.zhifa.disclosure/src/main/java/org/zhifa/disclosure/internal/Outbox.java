package org.zhifa.disclosure.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.OutboxState;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.PublishingChannel;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.RecordService;

/**
 * The durable outbox (C1). Rows are written in the transaction that publishes, corrects or withdraws an item,
 * one per channel known then, keyed (channel, item, version, action); a channel seen for the first time
 * catches up on every item whose public state it has not received. One worker thread delivers the rows in
 * order per (channel, item): DONE ends a row, PENDING asks again after the channel's delay with its receipt,
 * RETRY (and any exception) backs off exponentially (or by the channel's delay), FAILED waits for a manual
 * retry. Rows live in the database, so a restart picks them up where they were.
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    static final Actor WORKER = new Actor("zhifa-disclosure-outbox", Set.of());
    private static final int MAX_ROUNDS = 1000;

    private final Db db;
    private final Store store;
    private final RecordService record;
    private final PublicForms forms;
    private final Settings settings;
    private final Clock clock;
    private final Map<String, PublishingChannel> channels = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService worker;

    Outbox(Db db, Store store, RecordService record, PublicForms forms, Settings settings, Clock clock) {
        this.db = db;
        this.store = store;
        this.record = record;
        this.forms = forms;
        this.settings = settings;
        this.clock = clock;
    }

    // ------------------------------------------------------------ the worker

    synchronized void start() {
        if (worker != null) {
            return;
        }
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "zhifa-disclosure-outbox");
            t.setDaemon(true);
            return t;
        });
        for (String id : channels.keySet()) {
            worker.execute(() -> catchUpQuietly(id));
        }
        worker.scheduleWithFixedDelay(this::drain, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        ScheduledExecutorService w = worker;
        worker = null;
        if (w != null) {
            w.shutdownNow();
            try {
                if (!w.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("disclosure outbox: the worker did not stop within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs {@code task} on the worker thread after {@code delay}, then every {@code period} (null = once). */
    void schedule(Runnable task, Duration delay, Duration period) {
        ScheduledExecutorService w = worker;
        if (w == null) {
            return;
        }
        Runnable safe = () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("disclosure: scheduled work failed: {}", e.toString(), e);
            }
        };
        if (period == null) {
            w.schedule(safe, delay.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            w.scheduleAtFixedRate(safe, delay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Looks for due rows now (after a new row was committed, or a manual retry). */
    void wake() {
        ScheduledExecutorService w = worker;
        if (w != null) {
            try {
                w.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // deactivating: the rows wait in the database for the next start
            }
        }
    }

    private void drain() {
        try {
            for (int i = 0; i < MAX_ROUNDS && worker != null && deliverDue() > 0; i++) {
                // until nothing is due
            }
        } catch (RuntimeException e) {
            LOG.warn("disclosure outbox: {}", e.toString(), e);
        }
    }

    // ------------------------------------------------------------ channels

    void bind(String id, PublishingChannel channel) {
        channels.put(id, channel);
        ScheduledExecutorService w = worker;
        if (w != null) {
            try {
                w.execute(() -> catchUpQuietly(id));
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // deactivating: the next start catches up
            }
        } else {
            try {
                catchUp(id);
            } catch (RuntimeException e) {
                LOG.warn("disclosure outbox: catch-up of channel {} failed: {}", id, e.toString(), e);
            }
        }
    }

    void unbind(String id, PublishingChannel channel) {
        channels.remove(id, channel);
    }

    Map<String, PublishingChannel> installed() {
        return Map.copyOf(channels);
    }

    private void catchUpQuietly(String id) {
        try {
            int added = catchUp(id);
            if (added > 0) {
                LOG.info("disclosure outbox: channel {} catches up on {} deliveries", id, added);
            }
            drain();
        } catch (RuntimeException e) {
            LOG.warn("disclosure outbox: catch-up of channel {} failed: {}", id, e.toString(), e);
        }
    }

    /** Registers the channel and adds a row for every item whose current public state it has not received. */
    int catchUp(String id) {
        Instant now = clock.instant();
        db.write(c -> store.addChannel(c, id, now));
        int added = 0;
        for (long item : db.read(c -> store.items(c).stream().map(Store.ItemRow::id).toList())) {
            // one short transaction per item, so catching up never holds up approvals for long
            added += db.write(c -> sync(c, id, item, now));
        }
        return added;
    }

    /** In the caller's transaction: rows for every known channel after the item's public state changed. */
    int enqueue(Connection c, long itemId) throws SQLException {
        Instant now = clock.instant();
        int added = 0;
        // an installed channel not registered yet is registered by its own catch-up; its rows start here
        Set<String> known = new HashSet<>(store.knownChannels(c));
        known.addAll(channels.keySet());
        for (String ch : known) {
            added += sync(c, ch, itemId, now);
        }
        return added;
    }

    /** The row the channel still needs for the item's current public state, if any. */
    private int sync(Connection c, String channel, long itemId, Instant now) throws SQLException {
        List<Store.EventRow> events = store.events(c, itemId);
        ItemStatus status = ItemView.fold(events).status();
        if (status != ItemStatus.PUBLISHED && status != ItemStatus.WITHDRAWN && status != ItemStatus.EXPIRED) {
            return 0;
        }
        int version = store.versions(c, itemId).size();
        List<Store.OutboxRow> rows = store.outboxOf(c, channel, itemId);
        boolean published = rows.stream().anyMatch(r -> r.action() != Delivery.Action.WITHDRAW);
        if (status == ItemStatus.PUBLISHED) {
            boolean has = rows.stream().anyMatch(r -> r.version() == version && r.action() != Delivery.Action.WITHDRAW);
            if (!has) {
                return store.insertOutbox(c, channel, itemId, version,
                        published ? Delivery.Action.UPDATE : Delivery.Action.PUBLISH, now) > 0 ? 1 : 0;
            }
            return 0;
        }
        boolean withdrawn = rows.stream().anyMatch(r -> r.action() == Delivery.Action.WITHDRAW);
        if (published && !withdrawn) {
            return store.insertOutbox(c, channel, itemId, version, Delivery.Action.WITHDRAW, now) > 0 ? 1 : 0;
        }
        return 0;
    }

    // ------------------------------------------------------------ delivery

    /** One pass: delivers the first open row of each (channel, item) that is due and whose channel is here. */
    int deliverDue() {
        List<Store.OutboxRow> open = db.read(store::open);
        Instant now = clock.instant();
        Set<String> heads = new HashSet<>();
        int delivered = 0;
        for (Store.OutboxRow row : open) {
            if (!heads.add(row.channel() + "\u0000" + row.itemId())) {
                continue;
            }
            PublishingChannel ch = channels.get(row.channel());
            if (row.state() == OutboxState.FAILED || row.nextAt().isAfter(now) || ch == null) {
                continue;
            }
            deliver(row, ch);
            delivered++;
        }
        return delivered;
    }

    private void deliver(Store.OutboxRow row, PublishingChannel ch) {
        String receipt = row.receipt();
        DeliveryResult result;
        try {
            if (receipt == null) {
                receipt = db.read(c -> lastReceipt(c, row.channel(), row.itemId()));
            }
            PublicItem item = db.read(c -> forms.build(c, store, store.item(c, row.itemId()).orElseThrow(), row.version()));
            result = ch.deliver(new Delivery(row.id(), row.action(), item, row.attempts() + 1, receipt));
            if (result == null || result.state() == null) {
                result = DeliveryResult.retry("no answer from channel " + row.channel());
            }
        } catch (RuntimeException e) {
            result = DeliveryResult.retry(e.toString());
        }
        outcome(row, result, receipt);
    }

    private void outcome(Store.OutboxRow row, DeliveryResult r, String lastReceipt) {
        Instant now = clock.instant();
        int attempts = row.attempts() + 1;
        String receipt = r.receipt() != null ? r.receipt() : lastReceipt;
        db.write(c -> {
            switch (r.state()) {
                case DONE -> {
                    store.updateOutbox(c, row.id(), OutboxState.DONE, attempts, now, now, receipt, null);
                    append(c, row, "disclosure.delivery.done", attempts, receipt, null);
                }
                case PENDING -> store.updateOutbox(c, row.id(), OutboxState.PENDING, attempts,
                        now.plus(positive(r.retryAfter(), settings.retryBase())), null, receipt, null);
                case RETRY -> {
                    Duration wait = r.retryAfter() != null && !r.retryAfter().isNegative() ? r.retryAfter()
                            : settings.backoff(attempts);
                    store.updateOutbox(c, row.id(), OutboxState.RETRYING, attempts, now.plus(wait), null, receipt,
                            r.message());
                }
                case FAILED -> {
                    store.updateOutbox(c, row.id(), OutboxState.FAILED, attempts, now, null, receipt, r.message());
                    append(c, row, "disclosure.delivery.failed", attempts, receipt, r.message());
                    LOG.warn("disclosure outbox: {} of item {} v{} to channel {} FAILED: {} — waits for a manual retry",
                            row.action(), row.itemId(), row.version(), row.channel(), r.message());
                }
                default -> throw new IllegalStateException(String.valueOf(r.state()));
            }
            return null;
        });
    }

    private static Duration positive(Duration d, Duration otherwise) {
        return d == null || d.isNegative() || d.isZero() ? otherwise : d;
    }

    private void append(Connection c, Store.OutboxRow row, String type, int attempts, String receipt, String error) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("outbox", row.id());
        p.put("channel", row.channel());
        p.put("version", row.version());
        p.put("action", row.action().name());
        p.put("attempts", attempts);
        p.put("receipt", receipt);
        if (error != null) {
            p.put("error", Store.clip(error, 1000));
        }
        record.append(c, EntryDraft.of(DisclosureServiceImpl.OBJECT_TYPE, String.valueOf(row.itemId()), null, type,
                Store.json(p)), WORKER);
    }

    private String lastReceipt(Connection c, String channel, long itemId) throws SQLException {
        String last = null;
        for (Store.OutboxRow r : store.outboxOf(c, channel, itemId)) {
            if (r.receipt() != null) {
                last = r.receipt();
            }
        }
        return last;
    }

    /**
     * FAILED; waiting longer than the limit; or not due before the limit (e.g. a channel's quota back-off to
     * midnight): certain to be late, so alarmed at once.
     */
    boolean alarm(OutboxState state, Instant createdAt, Instant nextAt) {
        if (state == OutboxState.FAILED) {
            return true;
        }
        if (state == OutboxState.DONE) {
            return false;
        }
        Instant limit = createdAt.plus(settings.alarmAfter());
        return limit.isBefore(clock.instant()) || nextAt != null && nextAt.isAfter(limit);
    }

    /** A channel's alarm from its counts: failed entries, the oldest waiting too long, or one planned too late. */
    boolean alarm(Store.ChannelCounts n) {
        return n.failed() > 0 || n.oldestWaiting() != null && alarm(OutboxState.WAITING, n.oldestWaiting(), null)
                || n.longestPlanned().compareTo(settings.alarmAfter()) > 0;
    }
}
