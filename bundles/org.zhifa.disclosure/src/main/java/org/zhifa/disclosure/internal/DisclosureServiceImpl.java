package org.zhifa.disclosure.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.calendar.WorkingDays;
import org.zhifa.api.cases.CaseDecisionListener;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;
import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.ChannelStatus;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.ItemDraft;
import org.zhifa.api.disclosure.ItemQuery;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.OutboxEntry;
import org.zhifa.api.disclosure.OutboxState;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.PublishingChannel;
import org.zhifa.api.disclosure.Redaction;
import org.zhifa.api.disclosure.Redactor;
import org.zhifa.api.disclosure.WithdrawalGround;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.kind.CaseFacts.PartyType;
import org.zhifa.api.kind.DisclosureRule;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.schema.SchemaMigrator;

/**
 * Disclosure items (D3–D7) and the outbox (C1) on plain JDBC. Every write is one transaction: its rows, its
 * outbox rows, then its record entry (object type {@code disclosure}) on the same connection. As the case
 * engine's {@link CaseDecisionListener} it creates a decision's item inside the decision's own transaction.
 */
@Component(service = {DisclosureService.class, CaseDecisionListener.class}, configurationPid = DisclosureConfig.PID)
@Designate(ocd = DisclosureConfig.class)
public final class DisclosureServiceImpl implements DisclosureService, CaseDecisionListener {
    private static final Logger LOG = LoggerFactory.getLogger(DisclosureServiceImpl.class);
    static final String OBJECT_TYPE = "disclosure";
    static final int MAX_LIMIT = 500;
    static final int MAX_MASKS = 100;
    static final int MAX_ATTACHMENTS = 20;
    static final int MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
    static final Actor SYSTEM = new Actor("zhifa-disclosure", Set.of(Roles.ADMIN));

    private final Db db;
    private final Store store;
    private final RecordService record;
    private final WorkingDays workingDays;
    private final Redactor redactor;
    private final String bureauName;
    private final Settings settings;
    private final Clock clock;
    private final PublicForms forms;
    private final Outbox outbox;
    private final Map<String, EnforcementKind> kinds = new ConcurrentHashMap<>();

    @Activate
    public DisclosureServiceImpl(@Reference(name = "dataSource", target = "(osgi.jndi.service.name=zhifa)") DataSource dataSource,
                                 @Reference(name = "record") RecordService record,
                                 @Reference(name = "bureau") BureauInfo bureau,
                                 @Reference(name = "migrator") SchemaMigrator migrator,
                                 @Reference(name = "workingDays") WorkingDays workingDays,
                                 @Reference(name = "redactor") Redactor redactor,
                                 @Reference(name = "renderer") DocumentRenderer renderer,
                                 DisclosureConfig config, Map<String, Object> properties, BundleContext context) {
        this(dataSource, record, bureau.code(), bureau.name(), workingDays, redactor, renderer,
                Settings.of(config, properties), null);
        migrator.migrate("disclosure", context.getBundle());
        outbox.start();
        scheduleExpiry();
    }

    DisclosureServiceImpl(DataSource dataSource, RecordService record, String bureau, String bureauName,
                          WorkingDays workingDays, Redactor redactor, DocumentRenderer renderer, Settings settings,
                          Clock clock) {
        this.db = new Db(dataSource);
        this.store = new Store(bureau);
        this.record = record;
        this.workingDays = workingDays;
        this.redactor = redactor;
        this.bureauName = bureauName;
        this.settings = settings;
        this.clock = clock == null ? Clock.system(settings.zone()) : clock;
        this.forms = new PublicForms(redactor, renderer, bureauName, settings.zone());
        this.outbox = new Outbox(db, store, record, forms, settings, this.clock);
    }

    @Deactivate
    void deactivate() {
        outbox.stop();
    }

    Outbox outbox() {
        return outbox;
    }

    @Reference(name = "kinds", service = EnforcementKind.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addKind(EnforcementKind kind) {
        kinds.put(kind.id(), kind);
    }

    void removeKind(EnforcementKind kind) {
        kinds.remove(kind.id(), kind);
    }

    @Reference(name = "channels", service = PublishingChannel.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addChannel(PublishingChannel channel, Map<String, Object> properties) {
        outbox.bind(channelId(channel, properties), channel);
    }

    void removeChannel(PublishingChannel channel, Map<String, Object> properties) {
        outbox.unbind(channelId(channel, properties), channel);
    }

    private static String channelId(PublishingChannel channel, Map<String, Object> properties) {
        Object p = properties == null ? null : properties.get(PublishingChannel.PROPERTY_CHANNEL);
        return p != null ? String.valueOf(p) : channel.id();
    }

    /** Daily at the configured time, and once shortly after start (an expiry missed while down). */
    private void scheduleExpiry() {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime next = now.toLocalDate().atTime(settings.expireAt()).atZone(settings.zone());
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        outbox.schedule(() -> expire(SYSTEM), Duration.ofSeconds(30), null);
        outbox.schedule(() -> expire(SYSTEM), Duration.between(now, next), Duration.ofDays(1));
    }

    // ------------------------------------------------------------ the case engine's decisions (D3)

    @Override
    public void decided(Connection transaction, CaseFile c, DisclosureRule rule, boolean major, LocalDate decidedOn,
                        Actor actor) {
        EnforcementKind kind = kinds.get(c.kind());
        String text = DecisionText.build(c, rule, kind, bureauName, decidedOn.toString());
        LocalDate due = workingDays.add(decidedOn, rule.workingDays());
        boolean person = c.party().type() == PartyType.PERSON;
        Store.ItemRow row = new Store.ItemRow(0, Store.newPublicId(), ItemType.DECISION, c.id(), c.number(), c.kind(),
                c.kindTitleZh(), c.title(), c.party().name(), person, c.minor(), decidedOn, due, major,
                DecisionText.knownNames(c, kind), DecisionText.keepNames(c), actor.user(), Instant.now(clock));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("case", c.id());
        source.put("caseNumber", c.number());
        source.put("step", rule.step());
        source.put("workingDays", rule.workingDays());
        source.put("major", major);
        try {
            insert(transaction, row, text, List.of(), source, actor);
        } catch (SQLException e) {
            throw Db.unavailable(e);
        }
    }

    /** The item, its first version, CREATED (and WITHHELD for a minor party), their record entries. */
    private long insert(Connection c, Store.ItemRow r, String text, List<Attachment> attachments,
                        Map<String, Object> source, Actor actor) throws SQLException {
        long id = store.insertItem(c, r);
        Instant now = r.createdAt();
        store.insertVersion(c, id, 1, text, null, actor.user(), now);
        for (Attachment a : attachments) {
            store.insertAttachment(c, id, a);
        }
        store.insertEvent(c, id, "CREATED", ItemStatus.PENDING, 1, actor.user(), now, source);
        String withheld = r.partyMinor() ? Messages.zh("withheld.minor") : null;
        if (withheld != null) {
            store.insertEvent(c, id, "WITHHELD", ItemStatus.WITHHELD, 1, actor.user(), now, Map.of("reason", withheld));
        }
        Map<String, Object> p = new LinkedHashMap<>(source);
        p.put("item", id);
        p.put("publicId", r.publicId());
        p.put("type", r.type().name());
        p.put("kind", r.kind());
        p.put("title", r.title());
        p.put("decidedOn", r.decidedOn().toString());
        p.put("dueOn", r.dueOn().toString());
        p.put("textSha256", Store.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        p.put("attachments", attachments.stream().map(a -> Map.of("name", a.name(), "mediaType", a.mediaType(),
                "sha256", Store.sha256(a.content()))).toList());
        append(c, id, "disclosure.created", p, actor);
        if (withheld != null) {
            append(c, id, "disclosure.withheld", Map.of("item", id, "reason", withheld), actor);
        }
        return id;
    }

    // ------------------------------------------------------------ reading

    @Override
    public Page<DisclosureItem> items(ItemQuery query, Actor actor) {
        reader(actor);
        ItemQuery q = query == null ? ItemQuery.all(0, 50) : query;
        if (q.offset() < 0) {
            throw Messages.invalid("FIELD_RANGE", "offset", "offset", 0, Integer.MAX_VALUE);
        }
        if (q.limit() < 1 || q.limit() > MAX_LIMIT) {
            throw Messages.invalid("FIELD_RANGE", "limit", "limit", 1, MAX_LIMIT);
        }
        if (q.due() != null && !q.due().equals("late") && !q.due().equals("soon")) {
            throw Messages.invalid("DUE_FILTER", "due", q.due());
        }
        String text = q.text() == null || q.text().isBlank() ? null : q.text().strip();
        LocalDate today = today();
        // filter, count and page in SQL; then the page's rows, latest versions and events only
        Store.ItemFilter f = new Store.ItemFilter(q.status(), q.type(), q.kind(), q.due(), text, today,
                soonUntil(today));
        return db.read(c -> {
            long total = store.countItems(c, f);
            List<Long> ids = q.offset() >= total ? List.of() : store.itemPage(c, f, q.offset(), q.limit());
            Map<Long, Store.ItemRow> rows = store.items(c, ids);
            Map<Long, Store.VersionRow> versions = store.latestVersions(c, ids);
            Map<Long, List<Store.EventRow>> events = store.events(c, ids);
            List<DisclosureItem> page = new ArrayList<>();
            for (long id : ids) {
                page.add(ItemView.view(rows.get(id), versions.get(id), events.getOrDefault(id, List.of()), today,
                        workingDays, settings));
            }
            return new Page<>(page, total, q.offset(), q.limit());
        });
    }

    /**
     * The last day still "due soon" seen from {@code today}: the latest day at most {@code warningWorkingDays}
     * working days ahead (as {@link ItemView} counts them), so that SQL can compare DUE_ON with it.
     */
    LocalDate soonUntil(LocalDate today) {
        LocalDate d = today;
        // working days never shrink as the day moves on; a year bounds any calendar's run of holidays
        for (int i = 0; i < 366 && workingDays.between(today, d.plusDays(1)) <= settings.warningWorkingDays(); i++) {
            d = d.plusDays(1);
        }
        return d;
    }

    @Override
    public Optional<DisclosureItem> item(long id, Actor actor) {
        reader(actor);
        LocalDate today = today();
        return db.read(c -> {
            Optional<Store.ItemRow> r = store.item(c, id);
            return r.isEmpty() ? Optional.<DisclosureItem>empty() : Optional.of(view(c, r.get(), today));
        });
    }

    /** Items made from a case's decisions, oldest first (for the case page). */
    public List<DisclosureItem> itemsOfCase(long caseId, Actor actor) {
        reader(actor);
        LocalDate today = today();
        return db.read(c -> {
            List<DisclosureItem> out = new ArrayList<>();
            for (long id : store.itemsOfCase(c, caseId)) {
                out.add(view(c, store.item(c, id).orElseThrow(), today));
            }
            return out;
        });
    }

    private DisclosureItem view(Connection c, Store.ItemRow r, LocalDate today) throws SQLException {
        List<Store.VersionRow> versions = store.versions(c, r.id());
        return ItemView.view(r, versions.get(versions.size() - 1), store.events(c, r.id()), today, workingDays, settings);
    }

    // ------------------------------------------------------------ creating by hand

    @Override
    public synchronized DisclosureItem create(ItemDraft draft, Actor actor) {
        role(actor, Roles.OFFICER, Roles.LEADER, Roles.ADMIN);
        if (draft == null) {
            throw Messages.invalid("BODY_REQUIRED", null);
        }
        if (draft.type() == null) {
            throw Messages.invalid("FIELD_REQUIRED", "type", "type");
        }
        String title = Validation.text(draft.title(), "title", 300, true);
        String text = Validation.text(draft.text(), "text", settings.maxTextChars(), true);
        String caseNumber = Validation.text(draft.caseNumber(), "caseNumber", 100, false);
        String party = Validation.text(draft.partyName(), "partyName", 200, false);
        if (draft.decidedOn() == null) {
            throw Messages.invalid("FIELD_REQUIRED", "decidedOn", "decidedOn");
        }
        LocalDate today = today();
        if (draft.decidedOn().isAfter(today)) {
            throw Messages.invalid("DATE_FUTURE", "decidedOn", draft.decidedOn().toString());
        }
        String kindId = Validation.text(draft.kind(), "kind", 40, false);
        String kindTitle = null;
        if (kindId != null) {
            EnforcementKind k = kinds.get(kindId);
            if (k == null) {
                throw Messages.invalid("KIND_UNKNOWN", "kind", kindId);
            }
            kindTitle = k.title(Locale.SIMPLIFIED_CHINESE);
        }
        if (draft.partyMinor() && !draft.partyPerson()) {
            throw Messages.invalid("MINOR_ORGANISATION", "partyMinor");
        }
        List<String> known = names(draft.knownNames(), "knownNames");
        if (draft.attachments().size() > MAX_ATTACHMENTS) {
            throw Messages.invalid("FIELD_TOO_LONG", "attachments", "attachments", MAX_ATTACHMENTS);
        }
        Set<String> names = new java.util.HashSet<>();
        for (Attachment a : draft.attachments()) {
            if (a.content().length > MAX_ATTACHMENT_BYTES) {
                throw Messages.invalid("ATTACHMENT_TOO_LARGE", "attachments", a.name(), MAX_ATTACHMENT_BYTES);
            }
            if (a.mediaType() == null || !a.mediaType().matches("[a-z]+/[A-Za-z0-9.+-]{1,90}")) {
                throw Messages.invalid("ATTACHMENT_MEDIA_TYPE", "attachments", a.name());
            }
            if (!names.add(a.name())) {
                throw Messages.invalid("ATTACHMENT_DUPLICATE", "attachments", a.name());
            }
        }
        LocalDate due = workingDays.add(draft.decidedOn(), settings.deadline(draft.type(), kindId));
        Store.ItemRow row = new Store.ItemRow(0, Store.newPublicId(), draft.type(), null, caseNumber, kindId, kindTitle,
                title, party, draft.partyPerson(), draft.partyMinor(), draft.decidedOn(), due, false, known, List.of(),
                actor.user(), Instant.now(clock));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("source", "manual");
        long id = db.write(c -> insert(c, row, text, draft.attachments(), source, actor));
        return item(id, actor).orElseThrow();
    }

    private static List<String> names(List<String> in, String field) {
        if (in == null) {
            return List.of();
        }
        if (in.size() > MAX_MASKS) {
            throw Messages.invalid("FIELD_TOO_LONG", field, field, MAX_MASKS);
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : in) {
            String v = Validation.text(s, field, 200, false);
            if (v != null) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------ approval and redaction

    @Override
    public Redaction preview(long id, List<String> extraMasks, Actor actor) {
        reader(actor);
        List<String> masks = names(extraMasks, "extraMasks");
        return db.read(c -> {
            Store.ItemRow r = require(c, id);
            List<Store.VersionRow> versions = store.versions(c, id);
            ItemView.Folded f = ItemView.fold(store.events(c, id));
            List<String> all = new ArrayList<>(new LinkedHashSet<>(concat(f.extraMasks(), masks)));
            return forms.redact(r, versions.get(versions.size() - 1).text(), all);
        });
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    @Override
    public synchronized DisclosureItem approve(long id, List<String> extraMasks, Actor actor) {
        role(actor, Roles.LEADER, Roles.ADMIN);
        List<String> masks = names(extraMasks, "extraMasks");
        LocalDate today = today();
        db.write(c -> {
            Store.ItemRow r = require(c, id);
            ItemView.Folded f = ItemView.fold(store.events(c, id));
            if (r.partyMinor()) {
                throw Messages.conflict("PARTY_MINOR");
            }
            if (f.status() != ItemStatus.PENDING) {
                throw Messages.conflict("ITEM_NOT_PENDING", Messages.zh("status." + f.status()));
            }
            int version = store.versions(c, id).size();
            int days = settings.postingDays(r.type(), r.kind(), r.major());
            LocalDate postUntil = days == 0 ? null : today.plusDays(days);
            Instant now = Instant.now(clock);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("extraMasks", masks);
            data.put("postUntil", postUntil == null ? null : postUntil.toString());
            data.put("postingDays", days);
            store.insertEvent(c, id, "APPROVED", ItemStatus.PUBLISHED, version, actor.user(), now, data);
            int rows = outbox.enqueue(c, id);
            Map<String, Object> p = new LinkedHashMap<>(data);
            p.put("item", id);
            p.put("version", version);
            p.put("late", today.isAfter(r.dueOn()));
            p.put("deliveries", rows);
            append(c, id, "disclosure.published", p, actor);
            return null;
        });
        outbox.wake();
        return item(id, actor).orElseThrow();
    }

    @Override
    public synchronized DisclosureItem correct(long id, String text, String request, Actor actor) {
        role(actor, Roles.LEADER, Roles.ADMIN);
        String t = Validation.text(text, "text", settings.maxTextChars(), true);
        String why = Validation.text(request, "request", 2000, true);
        boolean[] republished = {false};
        db.write(c -> {
            require(c, id);
            ItemView.Folded f = ItemView.fold(store.events(c, id));
            if (f.status() == ItemStatus.WITHDRAWN || f.status() == ItemStatus.EXPIRED) {
                throw Messages.conflict("ITEM_GONE", Messages.zh("status." + f.status()));
            }
            List<Store.VersionRow> versions = store.versions(c, id);
            Store.VersionRow last = versions.get(versions.size() - 1);
            if (last.text().equals(t)) {
                throw Messages.invalid("CORRECTION_UNCHANGED", "text");
            }
            int version = last.version() + 1;
            Instant now = Instant.now(clock);
            store.insertVersion(c, id, version, t, why, actor.user(), now);
            store.insertEvent(c, id, "CORRECTED", null, version, actor.user(), now, Map.of("request", why));
            int rows = 0;
            if (f.status() == ItemStatus.PUBLISHED) {
                rows = outbox.enqueue(c, id);
                republished[0] = true;
            }
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("item", id);
            p.put("version", version);
            p.put("corrects", last.version());
            p.put("request", why);
            p.put("textSha256", Store.sha256(t.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            p.put("republished", republished[0]);
            p.put("deliveries", rows);
            append(c, id, "disclosure.corrected", p, actor);
            return null;
        });
        if (republished[0]) {
            outbox.wake();
        }
        return item(id, actor).orElseThrow();
    }

    // ------------------------------------------------------------ withdrawal (D4) and expiry (D6)

    @Override
    public synchronized DisclosureItem requestWithdrawal(long id, WithdrawalGround ground, String reason, Actor actor) {
        role(actor, Roles.OFFICER, Roles.LEADER, Roles.ADMIN);
        WithdrawalGround g = ground(ground);
        String why = Validation.text(reason, "reason", 1000, true);
        LocalDate due = workingDays.add(today(), settings.withdrawalWorkingDays());
        db.write(c -> {
            require(c, id);
            ItemView.Folded f = ItemView.fold(store.events(c, id));
            if (f.status() != ItemStatus.PUBLISHED) {
                throw Messages.conflict("ITEM_NOT_PUBLISHED", Messages.zh("status." + f.status()));
            }
            if (f.withdrawalDueOn() != null) {
                throw Messages.conflict("WITHDRAWAL_REQUESTED", f.withdrawalDueOn().toString());
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("ground", g.name());
            data.put("reason", why);
            data.put("dueOn", due.toString());
            store.insertEvent(c, id, "WITHDRAWAL_REQUESTED", null, store.versions(c, id).size(), actor.user(),
                    Instant.now(clock), data);
            Map<String, Object> p = new LinkedHashMap<>(data);
            p.put("item", id);
            append(c, id, "disclosure.withdrawal.requested", p, actor);
            return null;
        });
        return item(id, actor).orElseThrow();
    }

    @Override
    public synchronized DisclosureItem withdraw(long id, WithdrawalGround ground, String reason, Actor actor) {
        role(actor, Roles.LEADER, Roles.ADMIN);
        db.write(c -> {
            require(c, id);
            ItemView.Folded f = ItemView.fold(store.events(c, id));
            if (f.status() != ItemStatus.PUBLISHED) {
                throw Messages.conflict("ITEM_NOT_PUBLISHED", Messages.zh("status." + f.status()));
            }
            // a requested withdrawal lends its ground and reason when none are given now
            WithdrawalGround g = ground == null && f.withdrawalDueOn() != null ? f.ground() : ground(ground);
            String why = (reason == null || reason.isBlank()) && f.withdrawalDueOn() != null ? f.reason()
                    : Validation.text(reason, "reason", 1000, true);
            LocalDate today = today();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("ground", g.name());
            data.put("reason", why);
            data.put("requestedDueOn", f.withdrawalDueOn() == null ? null : f.withdrawalDueOn().toString());
            data.put("late", f.withdrawalDueOn() != null && today.isAfter(f.withdrawalDueOn()));
            store.insertEvent(c, id, "WITHDRAWN", ItemStatus.WITHDRAWN, store.versions(c, id).size(), actor.user(),
                    Instant.now(clock), data);
            int rows = outbox.enqueue(c, id);
            Map<String, Object> p = new LinkedHashMap<>(data);
            p.put("item", id);
            p.put("deliveries", rows);
            append(c, id, "disclosure.withdrawn", p, actor);
            return null;
        });
        outbox.wake();
        return item(id, actor).orElseThrow();
    }

    private static WithdrawalGround ground(WithdrawalGround g) {
        if (g == null) {
            throw Messages.invalid("FIELD_REQUIRED", "ground", "ground");
        }
        if (g == WithdrawalGround.EXPIRED) {
            throw Messages.invalid("GROUND_EXPIRED", "ground");
        }
        return g;
    }

    @Override
    public int expire(Actor actor) {
        role(actor, Roles.LEADER, Roles.ADMIN);
        LocalDate today = today();
        List<Long> due = db.read(c -> {
            List<Long> out = new ArrayList<>();
            for (Map.Entry<Long, List<Store.EventRow>> e : store.allEvents(c).entrySet()) {
                ItemView.Folded f = ItemView.fold(e.getValue());
                if (f.status() == ItemStatus.PUBLISHED && f.postUntil() != null && today.isAfter(f.postUntil())) {
                    out.add(e.getKey());
                }
            }
            out.sort(null);
            return out;
        });
        int n = 0;
        for (long id : due) {
            synchronized (this) {
                n += db.write(c -> {
                    ItemView.Folded f = ItemView.fold(store.events(c, id));
                    if (f.status() != ItemStatus.PUBLISHED || f.postUntil() == null || !today.isAfter(f.postUntil())) {
                        return 0;
                    }
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("ground", WithdrawalGround.EXPIRED.name());
                    data.put("reason", Messages.zh("expired.reason", f.postUntil().toString()));
                    data.put("postUntil", f.postUntil().toString());
                    store.insertEvent(c, id, "EXPIRED", ItemStatus.EXPIRED, store.versions(c, id).size(), actor.user(),
                            Instant.now(clock), data);
                    int rows = outbox.enqueue(c, id);
                    Map<String, Object> p = new LinkedHashMap<>(data);
                    p.put("item", id);
                    p.put("deliveries", rows);
                    append(c, id, "disclosure.expired", p, actor);
                    return 1;
                });
            }
        }
        if (n > 0) {
            LOG.info("disclosure: {} item(s) reached the end of their posting period and leave the public channels", n);
            outbox.wake();
        }
        return n;
    }

    // ------------------------------------------------------------ public form

    @Override
    public PublicItem publicForm(long id, Actor actor) {
        reader(actor);
        return db.read(c -> {
            Store.ItemRow r = require(c, id);
            ItemView.Folded f = ItemView.fold(store.events(c, id));
            if (f.status() == ItemStatus.WITHHELD || r.partyMinor()) {
                throw Messages.conflict("PARTY_MINOR");
            }
            return forms.build(c, store, r, store.versions(c, id).size());
        });
    }

    // ------------------------------------------------------------ outbox

    @Override
    public Page<OutboxEntry> outbox(OutboxState state, String channel, int offset, int limit, Actor actor) {
        reader(actor);
        if (offset < 0) {
            throw Messages.invalid("FIELD_RANGE", "offset", "offset", 0, Integer.MAX_VALUE);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Messages.invalid("FIELD_RANGE", "limit", "limit", 1, MAX_LIMIT);
        }
        String ch = channel == null || channel.isBlank() ? null : channel.strip();
        return db.read(c -> {
            long total = store.countOutbox(c, state, ch);
            List<Store.OutboxRow> rows = offset >= total ? List.of() : store.outbox(c, state, ch, offset, limit);
            Map<Long, String> publicIds = store.publicIds(c, rows.stream().map(Store.OutboxRow::itemId)
                    .collect(Collectors.toSet()));
            List<OutboxEntry> out = new ArrayList<>();
            for (Store.OutboxRow r : rows) {
                out.add(entry(c, r, publicIds));
            }
            return new Page<>(out, total, offset, limit);
        });
    }

    private OutboxEntry entry(Connection c, Store.OutboxRow r, Map<Long, String> publicIds) throws SQLException {
        String publicId = publicIds.get(r.itemId());
        if (publicId == null) {
            publicId = store.item(c, r.itemId()).map(Store.ItemRow::publicId).orElse(null);
            publicIds.put(r.itemId(), publicId);
        }
        return new OutboxEntry(r.id(), r.channel(), r.itemId(), publicId, r.version(), r.action(), r.state(), r.attempts(),
                r.createdAt(), r.state() == OutboxState.DONE ? null : r.nextAt(), r.doneAt(), r.receipt(), r.lastError(),
                outbox.alarm(r.state(), r.createdAt(), r.nextAt()));
    }

    @Override
    public synchronized OutboxEntry retry(long outboxId, Actor actor) {
        role(actor, Roles.LEADER, Roles.ADMIN);
        OutboxEntry e = db.write(c -> {
            Store.OutboxRow r = store.outboxRow(c, outboxId)
                    .orElseThrow(() -> Messages.notFound("OUTBOX_UNKNOWN", "id", outboxId));
            if (r.state() == OutboxState.DONE) {
                throw Messages.conflict("OUTBOX_DONE", outboxId);
            }
            Instant now = Instant.now(clock);
            store.updateOutbox(c, r.id(), OutboxState.RETRYING, r.attempts(), now, null, r.receipt(), r.lastError());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("outbox", r.id());
            p.put("channel", r.channel());
            p.put("version", r.version());
            p.put("action", r.action().name());
            p.put("was", r.state().name());
            append(c, r.itemId(), "disclosure.delivery.retried", p, actor);
            return entry(c, store.outboxRow(c, outboxId).orElseThrow(), new HashMap<>());
        });
        outbox.wake();
        return e;
    }

    @Override
    public List<ChannelStatus> channels(Actor actor) {
        reader(actor);
        Map<String, PublishingChannel> installed = outbox.installed();
        return db.read(c -> {
            Set<String> ids = new java.util.TreeSet<>(store.knownChannels(c));
            ids.addAll(installed.keySet());
            Map<String, Store.ChannelCounts> counts = store.channelCounts(c);
            List<ChannelStatus> out = new ArrayList<>();
            for (String id : ids) {
                PublishingChannel ch = installed.get(id);
                Store.ChannelCounts n = counts.getOrDefault(id, new Store.ChannelCounts(0, 0, 0, null));
                String zh = ch == null ? id : title(ch, Locale.SIMPLIFIED_CHINESE, id);
                String en = ch == null ? id : title(ch, Locale.ENGLISH, id);
                boolean alarm = outbox.alarm(n);
                out.add(new ChannelStatus(id, zh, en, ch != null, n.waiting(), n.failed(), n.done(), n.oldestWaiting(),
                        alarm));
            }
            return out;
        });
    }

    private static String title(PublishingChannel ch, Locale l, String fallback) {
        try {
            String t = ch.title(l);
            return t == null || t.isBlank() ? fallback : t;
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    // ------------------------------------------------------------ helpers

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Store.ItemRow require(Connection c, long id) throws SQLException {
        return store.item(c, id).orElseThrow(() -> Messages.notFound("ITEM_UNKNOWN", "id", id));
    }

    private void append(Connection c, long itemId, String entryType, Map<String, ?> payload, Actor actor) {
        record.append(c, EntryDraft.of(OBJECT_TYPE, String.valueOf(itemId), null, entryType, Store.json(payload)), actor);
    }

    static void reader(Actor actor) {
        if (actor == null) {
            throw Messages.error(Kind.UNAUTHENTICATED, "UNAUTHENTICATED", null);
        }
        if (!actor.isStaff()) {
            throw Messages.error(Kind.FORBIDDEN, "FORBIDDEN_READ", null);
        }
    }

    static void role(Actor actor, String... roles) {
        reader(actor);
        if (Arrays.stream(roles).noneMatch(actor::has)) {
            throw Messages.error(Kind.FORBIDDEN, "FORBIDDEN_ROLE", null, Arrays.stream(roles)
                    .map(r -> Messages.zh("role." + r)).collect(Collectors.joining("、")));
        }
    }

    /** For the REST and shell faces: a refusal when the text is not a positive id. */
    static ZhifaException badId(String field, String text) {
        return Messages.invalid("ID_INVALID", field, field, text);
    }
}
