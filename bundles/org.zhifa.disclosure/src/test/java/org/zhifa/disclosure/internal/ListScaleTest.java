package org.zhifa.disclosure.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhifa.api.common.Page;
import org.zhifa.api.disclosure.ChannelStatus;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.ItemQuery;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.OutboxEntry;
import org.zhifa.api.disclosure.OutboxState;

/**
 * The staff queue and the outbox with 20 000 items and 30 000 outbox rows written straight into Derby (like the
 * bench's CaseDataGenerator): the first page, filtered pages and counts must be what a plain walk over the
 * generated rows says. Correctness only - timing belongs in bench/ (bench/disclosure.sh).
 */
class ListScaleTest {
    static final int ITEMS = 20_000;
    static final int OUTBOX = 30_000;
    static final LocalDate TODAY = LocalDate.parse("2026-09-30");
    static final String[] KINDS = {"penalty", "license", "inspection", null};
    static final String[] PARTIES = {"衡阳县甲乙建材有限公司", "韩某某", "李某", "湖南丙丁矿业公司"};

    /** What the generator wrote about an item, and what it must look like. */
    record Gen(long id, ItemType type, String kind, String title, String party, LocalDate dueOn, ItemStatus status,
               LocalDate withdrawalDueOn, int version) {}

    static Fixture f;
    static final List<Gen> gens = new ArrayList<>();
    static final Map<String, long[]> channelCounts = new HashMap<>(); // waiting, failed, done
    static final List<long[]> outboxRows = new ArrayList<>(); // id, state ordinal, channel index

    @BeforeAll
    static void fill() throws SQLException {
        f = new Fixture(TODAY.toString());
        try (Connection c = f.dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Object[]> plan = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO DISC_ITEM (BUREAU, PUBLIC_ID, TYPE, CASE_ID,"
                    + " CASE_NUMBER, KIND, KIND_TITLE_ZH, TITLE, PARTY_NAME, PARTY_PERSON, PARTY_MINOR, DECIDED_ON, DUE_ON,"
                    + " MAJOR, KNOWN_NAMES, KEEP_NAMES, CREATED_BY, CREATED_AT) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?,"
                    + " FALSE, ?, ?, FALSE, '[]', '[]', 'gen', ?)")) {
                for (int i = 0; i < ITEMS; i++) {
                    ItemType type = ItemType.values()[i % ItemType.values().length];
                    String kind = KINDS[(i / 3) % KINDS.length];
                    String party = PARTIES[(i / 7) % PARTIES.length];
                    // a few titles carry LIKE's wildcards, which the text filter must take literally
                    String title = (i % 97 == 0 ? "罚款 100% 追缴_" : "行政处罚决定 ") + party + " 第" + i + "号";
                    LocalDate due = TODAY.plusDays((i * 7919L) % 121 - 60);
                    ps.setString(1, Fixture.BUREAU);
                    ps.setString(2, String.format("gen%08d", i));
                    ps.setString(3, type.name());
                    ps.setString(4, "衡县罚〔2026〕" + i + "号");
                    ps.setString(5, kind);
                    ps.setString(6, kind == null ? null : "类" + kind);
                    ps.setString(7, title);
                    ps.setString(8, party);
                    ps.setBoolean(9, party.length() <= 3);
                    ps.setDate(10, java.sql.Date.valueOf(due.minusDays(10)));
                    ps.setDate(11, java.sql.Date.valueOf(due));
                    ps.setTimestamp(12, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)));
                    ps.addBatch();
                    plan.add(new Object[] {type, kind, title, party, due});
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            Map<String, Long> ids = new HashMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT PUBLIC_ID, ID FROM DISC_ITEM")) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (PreparedStatement v = c.prepareStatement("INSERT INTO DISC_VERSION (ITEM_ID, VERSION, TEXT, REQUEST,"
                    + " CREATED_BY, CREATED_AT) VALUES (?, ?, ?, NULL, 'gen', CURRENT_TIMESTAMP)");
                 PreparedStatement e = c.prepareStatement("INSERT INTO DISC_EVENT (ITEM_ID, TYPE, STATUS, VERSION, ACTOR,"
                         + " AT_TIME, DATA) VALUES (?, ?, ?, ?, 'gen', CURRENT_TIMESTAMP, ?)")) {
                for (int i = 0; i < ITEMS; i++) {
                    Object[] p = plan.get(i);
                    long id = ids.get(String.format("gen%08d", i));
                    int versions = i % 5 == 0 ? 2 : 1;
                    for (int n = 1; n <= versions; n++) {
                        v.setLong(1, id);
                        v.setInt(2, n);
                        v.setString(3, "第" + n + "版 " + i);
                        v.addBatch();
                    }
                    event(e, id, "CREATED", ItemStatus.PENDING, 1, "{}");
                    ItemStatus status = ItemStatus.PENDING;
                    LocalDate wdue = null;
                    switch (i % 8) {
                        case 0, 1, 2 -> { } // pending
                        case 3 -> {
                            event(e, id, "WITHHELD", ItemStatus.WITHHELD, 1, "{\"reason\":\"未成年人\"}");
                            status = ItemStatus.WITHHELD;
                        }
                        case 4, 5 -> {
                            event(e, id, "APPROVED", ItemStatus.PUBLISHED, 1, "{\"extraMasks\":[],\"postUntil\":\"2027-09-30\"}");
                            status = ItemStatus.PUBLISHED;
                            if (i % 8 == 5) {
                                // a withdrawal request due some day around today; its reason mimics the key
                                wdue = TODAY.plusDays((i * 31L) % 15 - 7);
                                event(e, id, "WITHDRAWAL_REQUESTED", null, 1, "{\"ground\":\"REVOKED\",\"reason\":\"原决定"
                                        + " \\\"dueOn\\\":\\\"1999-01-01\\\" 已撤销\",\"dueOn\":\"" + wdue + "\"}");
                            }
                        }
                        case 6 -> {
                            event(e, id, "APPROVED", ItemStatus.PUBLISHED, 1, "{\"extraMasks\":[],\"postUntil\":null}");
                            wdue = TODAY.minusDays(20);
                            event(e, id, "WITHDRAWAL_REQUESTED", null, 1, "{\"ground\":\"VARIED\",\"reason\":\"变更\","
                                    + "\"dueOn\":\"" + wdue + "\"}");
                            event(e, id, "WITHDRAWN", ItemStatus.WITHDRAWN, 1, "{\"ground\":\"VARIED\",\"reason\":\"变更\"}");
                            status = ItemStatus.WITHDRAWN;
                        }
                        default -> {
                            event(e, id, "APPROVED", ItemStatus.PUBLISHED, 1, "{\"extraMasks\":[],\"postUntil\":\"2026-01-01\"}");
                            event(e, id, "EXPIRED", ItemStatus.EXPIRED, 1, "{\"ground\":\"EXPIRED\",\"reason\":\"期满\"}");
                            status = ItemStatus.EXPIRED;
                        }
                    }
                    if (versions == 2) {
                        event(e, id, "CORRECTED", null, 2, "{\"request\":\"纠错\"}");
                    }
                    gens.add(new Gen(id, (ItemType) p[0], (String) p[1], (String) p[2], (String) p[3], (LocalDate) p[4],
                            status, wdue, versions));
                    if (i % 500 == 499) {
                        v.executeBatch();
                        e.executeBatch();
                    }
                }
                v.executeBatch();
                e.executeBatch();
            }
            // each item's current state, derived from the events by V3's own filling statement (so that the
            // migration's reading of status and dueOn is checked against the generator at scale)
            try (Statement st = c.createStatement()) {
                st.executeUpdate(v3Fill());
            }
            String[] channels = {"site", "wechat"};
            for (String ch : channels) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO DISC_CHANNEL (BUREAU, ID, FIRST_SEEN)"
                        + " VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                    ps.setString(1, Fixture.BUREAU);
                    ps.setString(2, ch);
                    ps.executeUpdate();
                }
                channelCounts.put(ch, new long[3]);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO DISC_OUTBOX (BUREAU, CHANNEL, ITEM_ID, VERSION,"
                    + " ACTION, STATE, ATTEMPTS, CREATED_AT, NEXT_AT) VALUES (?, ?, ?, ?, 'PUBLISH', ?, 0, ?, ?)")) {
                for (int i = 0; i < OUTBOX; i++) {
                    int ch = i % 2;
                    // most rows are delivered; a few wait, retry, are pending at the channel or failed
                    OutboxState s = i % 50 == 0 ? OutboxState.FAILED : i % 17 == 0 ? OutboxState.WAITING
                            : i % 23 == 0 ? OutboxState.RETRYING : i % 29 == 0 ? OutboxState.PENDING : OutboxState.DONE;
                    Gen g = gens.get(i / 2 % ITEMS);
                    ps.setString(1, Fixture.BUREAU);
                    ps.setString(2, channels[ch]);
                    ps.setLong(3, g.id());
                    ps.setInt(4, 1 + i / (2 * ITEMS));
                    ps.setString(5, s.name());
                    ps.setTimestamp(6, Timestamp.from(Instant.parse("2026-09-01T00:00:00Z").plusSeconds(i)));
                    ps.setTimestamp(7, Timestamp.from(Instant.parse("2026-09-01T00:00:00Z")));
                    ps.addBatch();
                    long[] n = channelCounts.get(channels[ch]);
                    n[s == OutboxState.DONE ? 2 : 0]++;
                    if (s == OutboxState.FAILED) {
                        n[1]++;
                    }
                    outboxRows.add(new long[] {0, s.ordinal(), ch});
                    if (i % 1000 == 999) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT ID FROM DISC_OUTBOX ORDER BY ID")) {
                for (int i = 0; rs.next(); i++) {
                    outboxRows.get(i)[0] = rs.getLong(1);
                }
            }
            c.commit();
        }
    }

    /** V3's INSERT ... SELECT that fills DISC_ITEM_STATE from the events (statements end at a line ";"). */
    static String v3Fill() {
        try (java.io.InputStream in = ListScaleTest.class.getResourceAsStream("/db/disclosure/V3__disclosure_item_state.sql")) {
            String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            StringBuilder current = new StringBuilder();
            for (String line : sql.split("\\R")) {
                String t = line.trim();
                if (t.equals(";")) {
                    if (current.toString().trim().startsWith("INSERT INTO DISC_ITEM_STATE")) {
                        return current.toString().trim();
                    }
                    current.setLength(0);
                } else if (!t.startsWith("--")) {
                    current.append(line).append('\n');
                }
            }
            throw new IllegalStateException("V3 fills nothing");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void event(PreparedStatement e, long item, String type, ItemStatus status, int version, String data)
            throws SQLException {
        e.setLong(1, item);
        e.setString(2, type);
        e.setString(3, status == null ? null : status.name());
        e.setInt(4, version);
        e.setString(5, data);
        e.addBatch();
    }

    @AfterAll
    static void close() {
        f.close();
    }

    // ------------------------------------------------------------ what a walk over the generated rows says

    static boolean late(Gen g) {
        return g.status() == ItemStatus.PENDING && TODAY.isAfter(g.dueOn())
                || g.status() == ItemStatus.PUBLISHED && g.withdrawalDueOn() != null && TODAY.isAfter(g.withdrawalDueOn());
    }

    static boolean soon(Gen g) {
        int w = f.settings.warningWorkingDays();
        return !late(g) && (g.status() == ItemStatus.PENDING && f.days.between(TODAY, g.dueOn()) <= w
                || g.status() == ItemStatus.PUBLISHED && g.withdrawalDueOn() != null
                && f.days.between(TODAY, g.withdrawalDueOn()) <= w);
    }

    static final Comparator<Gen> NEWEST = Comparator.comparingLong(Gen::id).reversed();
    static final Comparator<Gen> BY_DUE = Comparator.comparing((Gen g) -> g.withdrawalDueOn() != null
            ? g.withdrawalDueOn() : g.dueOn()).thenComparingLong(Gen::id);

    static List<Long> expected(Predicate<Gen> filter, Comparator<Gen> order, int offset, int limit) {
        return gens.stream().filter(filter).sorted(order).skip(offset).limit(limit).map(Gen::id).toList();
    }

    static long count(Predicate<Gen> filter) {
        return gens.stream().filter(filter).count();
    }

    static Page<DisclosureItem> list(ItemQuery q) {
        return f.service.items(q, Fixture.OFFICER);
    }

    static List<Long> ids(Page<DisclosureItem> p) {
        return p.items().stream().map(DisclosureItem::id).toList();
    }

    // ------------------------------------------------------------ items

    @Test
    void theFirstPageIsTheNewestItemsWithTheirLatestVersionAndStatus() {
        Page<DisclosureItem> p = list(ItemQuery.all(0, 50));
        assertEquals(ITEMS, p.total());
        assertEquals(expected(g -> true, NEWEST, 0, 50), ids(p));
        Map<Long, Gen> byId = gens.stream().collect(Collectors.toMap(Gen::id, g -> g));
        for (DisclosureItem i : p.items()) {
            Gen g = byId.get(i.id());
            assertEquals(g.status(), i.status(), "item " + i.id());
            assertEquals(g.version(), i.version());
            assertTrue(i.text().startsWith("第" + g.version() + "版 "), i.text());
            assertEquals(g.title(), i.title());
            assertEquals(g.withdrawalDueOn(), i.withdrawalDueOn());
            assertEquals(late(g), i.late(), "late of " + i.id());
            assertEquals(soon(g), i.dueSoon(), "dueSoon of " + i.id());
        }
        // the last page is short, and past the end there is nothing
        Page<DisclosureItem> last = list(ItemQuery.all(ITEMS - 7, 50));
        assertEquals(expected(g -> true, NEWEST, ITEMS - 7, 50), ids(last));
        assertEquals(0, list(ItemQuery.all(ITEMS + 5, 50)).items().size());
    }

    @Test
    void statusTypeKindAndTextFilterAndCountInSql() {
        for (ItemStatus s : ItemStatus.values()) {
            Page<DisclosureItem> p = list(new ItemQuery(s, null, null, null, null, 100, 200));
            assertEquals(count(g -> g.status() == s), p.total(), s.name());
            assertEquals(expected(g -> g.status() == s, NEWEST, 100, 200), ids(p), s.name());
            p.items().forEach(i -> assertEquals(s, i.status()));
        }
        Predicate<Gen> several = g -> g.status() == ItemStatus.PUBLISHED && g.type() == ItemType.DECISION
                && "penalty".equals(g.kind()) && (g.title().contains("甲乙") || g.party().contains("甲乙"));
        Page<DisclosureItem> p = list(new ItemQuery(ItemStatus.PUBLISHED, ItemType.DECISION, "penalty", null, "甲乙", 3, 40));
        assertEquals(count(several), p.total());
        assertTrue(p.total() > 40, "the filter leaves more than a page: " + p.total());
        assertEquals(expected(several, NEWEST, 3, 40), ids(p));
        // the text is matched literally: % and _ are no wildcards
        Page<DisclosureItem> pct = list(new ItemQuery(null, null, null, null, "100% 追缴_", 0, 500));
        assertEquals(count(g -> g.title().contains("100% 追缴_")), pct.total());
        assertEquals(expected(g -> g.title().contains("100% 追缴_"), NEWEST, 0, 500), ids(pct));
        assertEquals(0, list(new ItemQuery(null, null, null, null, "100%追", 0, 10)).total());
        // a case number
        assertEquals(1, list(new ItemQuery(null, null, null, null, "衡县罚〔2026〕12345号", 0, 10)).total());
    }

    @Test
    void lateAndSoonComeFromTheCalendarAndSortByTheDayDue() {
        Page<DisclosureItem> late = list(new ItemQuery(null, null, null, "late", null, 250, 100));
        assertEquals(count(ListScaleTest::late), late.total());
        assertEquals(expected(ListScaleTest::late, BY_DUE, 250, 100), ids(late));
        late.items().forEach(i -> assertTrue(i.late(), "item " + i.id()));
        // withdrawals overdue are among them, past a request's reason that mimics the key
        long withdrawalsLate = count(g -> late(g) && g.status() == ItemStatus.PUBLISHED);
        assertTrue(withdrawalsLate > 0);
        assertEquals(withdrawalsLate, list(new ItemQuery(ItemStatus.PUBLISHED, null, null, "late", null, 0, 10)).total());

        Page<DisclosureItem> soon = list(new ItemQuery(null, null, null, "soon", null, 0, 500));
        assertEquals(count(ListScaleTest::soon), soon.total());
        assertTrue(soon.total() > 0 && soon.total() < ITEMS);
        assertEquals(expected(ListScaleTest::soon, BY_DUE, 0, 500), ids(soon));
        soon.items().forEach(i -> assertTrue(i.dueSoon() && !i.late(), "item " + i.id()));
        // 2026-09-30 is followed by the National Day holiday: two working days reach 10-09, and 10-10 is the third
        assertEquals(LocalDate.parse("2026-10-09"), f.service.soonUntil(TODAY));

        Predicate<Gen> soonPenalties = g -> soon(g) && "penalty".equals(g.kind());
        assertEquals(count(soonPenalties), list(new ItemQuery(null, null, "penalty", "soon", null, 0, 10)).total());
    }

    // ------------------------------------------------------------ outbox and channels

    @Test
    void theOutboxPagesByStateAndChannelNewestFirst() {
        List<long[]> open = outboxRows.stream().filter(r -> r[1] != OutboxState.DONE.ordinal()).toList();
        Page<OutboxEntry> p = f.service.outbox(null, null, 10, 100, Fixture.OFFICER);
        assertEquals(open.size(), p.total());
        List<Long> want = open.stream().map(r -> r[0]).sorted(Comparator.reverseOrder()).skip(10).limit(100).toList();
        assertEquals(want, p.items().stream().map(OutboxEntry::id).toList());
        p.items().forEach(e -> assertTrue(e.publicId().startsWith("gen"), e.publicId()));

        Page<OutboxEntry> failed = f.service.outbox(OutboxState.FAILED, "wechat", 0, 500, Fixture.OFFICER);
        List<Long> wantFailed = outboxRows.stream().filter(r -> r[1] == OutboxState.FAILED.ordinal() && r[2] == 1)
                .map(r -> r[0]).sorted(Comparator.reverseOrder()).limit(500).toList();
        assertEquals(wantFailed.size(), failed.total());
        assertEquals(wantFailed, failed.items().stream().map(OutboxEntry::id).toList());
        long done = outboxRows.stream().filter(r -> r[1] == OutboxState.DONE.ordinal()).count();
        assertEquals(done, f.service.outbox(OutboxState.DONE, null, 0, 1, Fixture.OFFICER).total());
    }

    @Test
    void channelCountsAreGroupedInSql() {
        List<ChannelStatus> all = f.service.channels(Fixture.OFFICER);
        assertEquals(List.of("site", "wechat"), all.stream().map(ChannelStatus::id).toList());
        for (ChannelStatus s : all) {
            long[] n = channelCounts.get(s.id());
            assertEquals(n[0], s.waiting(), s.id());
            assertEquals(n[1], s.failed(), s.id());
            assertEquals(n[2], s.done(), s.id());
            assertEquals(Instant.parse("2026-09-01T00:00:00Z").plusSeconds(s.id().equals("site") ? 0 : 17),
                    s.oldestWaitingSince(), s.id());
            assertTrue(s.alarm(), "failed rows raise the alarm");
        }
    }
}
