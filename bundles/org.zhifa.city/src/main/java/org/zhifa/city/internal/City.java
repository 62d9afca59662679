package org.zhifa.city.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Jdbc;
import org.zhifa.api.common.Roles;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.schema.SchemaMigrator;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The city platform (C5): registration of counties, the receiver of their pushes (docs/city-api.md), the checks
 * of their signed tree heads and the alarms. What it stores it also appends to the city's own record.
 */
@Component(service = City.class, configurationPid = CityConfig.PID)
@Designate(ocd = CityConfig.class)
public class City {
    private static final Logger LOG = LoggerFactory.getLogger(City.class);
    static final Pattern COUNTY = Pattern.compile("[0-9A-Za-z]{1,32}");
    static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern KIND = Pattern.compile("[a-z0-9-]{1,40}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{2,128}");
    private static final Set<String> TYPES = Set.of("DECISION", "NOTICE", "CATALOGUE");
    private static final Set<String> GROUNDS = Set.of("VARIED", "REVOKED", "ILLEGAL", "VOID", "EXPIRED", "OTHER");
    private static final SecureRandom RANDOM = new SecureRandom();

    final CityStore store;
    private final RecordService record;
    private final Clock clock;
    private volatile CityConfig config;

    @Activate
    public City(@Reference(target = "(osgi.jndi.service.name=zhifa)") DataSource dataSource,
                @Reference SchemaMigrator migrator, @Reference RecordService record, CityConfig config,
                BundleContext context) {
        this(dataSource, record, config, Clock.systemUTC());
        migrator.migrate("city", context.getBundle());
    }

    City(DataSource dataSource, RecordService record, CityConfig config, Clock clock) {
        this.store = new CityStore(dataSource);
        this.record = record;
        this.config = config;
        this.clock = clock;
    }

    @Modified
    void modified(CityConfig config) {
        this.config = config;
    }

    CityConfig config() {
        return config;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of(config.zone())));
    }

    /** An answer to a county: status and JSON body. */
    record Answer(int status, Map<String, Object> body) {}

    // --- authentication ------------------------------------------------------------------------------------

    /**
     * The county the credentials belong to, which must be {@code county} of the path: 401 without a valid
     * credential, 403 for another county's or a disabled one. A county with both a token and a certificate
     * registered must present both.
     */
    Model.County authenticate(String county, String authorization, X509Certificate[] certificates) {
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        String tokenHash = token == null || token.isEmpty() ? null : sha256(token.getBytes(StandardCharsets.UTF_8));
        String certHash = null;
        if (certificates != null && certificates.length > 0) {
            try {
                certHash = sha256(certificates[0].getEncoded());
            } catch (CertificateEncodingException e) {
                certHash = null;
            }
        }
        List<Model.County> all = read(store::counties);
        Model.County match = null;
        for (Model.County c : all) {
            boolean tokenOk = c.tokenSha256() == null || c.tokenSha256().equals(tokenHash);
            boolean certOk = c.certSha256() == null || c.certSha256().equals(certHash);
            boolean any = c.tokenSha256() != null || c.certSha256() != null;
            if (any && tokenOk && certOk) {
                match = c;
                break;
            }
        }
        if (match == null) {
            throw new Refusal(401, "UNAUTHENTICATED");
        }
        if (!match.code().equals(county) || !match.active()) {
            throw new Refusal(403, "WRONG_COUNTY", county);
        }
        return match;
    }

    private static Actor actorOf(Model.County c) {
        return new Actor("county:" + c.code(), Set.of());
    }

    // --- items ---------------------------------------------------------------------------------------------

    Answer putItem(Model.County county, String publicId, int version, Wire.Item b) {
        schema(b.schemaVersion());
        if (!publicId.equals(b.publicId()) || b.version() == null || b.version() != version) {
            throw new Refusal(422, "PATH_MISMATCH", "publicId/version").at("publicId/version");
        }
        if (b.type() == null || !TYPES.contains(b.type())) {
            throw invalid("type");
        }
        if (b.kind() != null && !KIND.matcher(b.kind()).matches()) {
            throw invalid("kind");
        }
        text("kindTitleZh", b.kindTitleZh(), 0, 100);
        required("title", b.title(), 500);
        text("caseNumber", b.caseNumber(), 0, 100);
        text("partyName", b.partyName(), 0, 200);
        LocalDate decidedOn = date("decidedOn", b.decidedOn(), true);
        Instant publishedAt = instant("publishedAt", b.publishedAt(), true);
        LocalDate postUntil = date("postUntil", b.postUntil(), false);
        if (b.text() == null || b.text().length() > 1_000_000) {
            throw invalid("text");
        }
        byte[] pdf = b.pdf() == null ? null : base64("pdf", b.pdf());
        if (b.attachments() == null || b.attachments().size() > 50) {
            throw invalid("attachments");
        }
        List<CityStore.File> files = new ArrayList<>();
        List<Map<String, Object>> fileIds = new ArrayList<>();
        for (int i = 0; i < b.attachments().size(); i++) {
            Wire.FileBody f = b.attachments().get(i);
            String at = "attachments[" + i + "]";
            if (f == null || f.name() == null || !FILE_NAME.matcher(f.name()).matches() || f.name().contains("..")) {
                throw invalid(at + ".name");
            }
            if (f.contentType() == null || !f.contentType().matches("[a-z0-9.+-]{1,60}/[a-z0-9.+-]{1,100}")) {
                throw invalid(at + ".contentType");
            }
            byte[] content = base64(at + ".base64", f.base64());
            if (f.sha256() == null || !sha256(content).equals(f.sha256().toLowerCase(Locale.ROOT))) {
                throw invalid(at + ".sha256");
            }
            files.add(new CityStore.File(f.name(), f.contentType(), content));
            Map<String, Object> id = new TreeMap<>();
            id.put("name", f.name());
            id.put("sha256", f.sha256().toLowerCase(Locale.ROOT));
            fileIds.add(id);
        }
        if (b.bureau() == null || !county.code().equals(b.bureau().code())) {
            throw new Refusal(422, "PATH_MISMATCH", "bureau.code").at("bureau.code");
        }
        required("bureau.name", b.bureau().name(), 100);
        Map<String, Object> identity = new TreeMap<>();
        identity.put("type", b.type());
        identity.put("kind", b.kind());
        identity.put("title", b.title());
        identity.put("caseNumber", b.caseNumber());
        identity.put("partyName", b.partyName());
        identity.put("decidedOn", b.decidedOn());
        identity.put("text", b.text());
        identity.put("attachments", fileIds);
        String hash = sha256(canonical(identity));
        String receipt = county.code() + "/" + publicId + "/" + version;
        Instant now = clock.instant();
        return write(c -> {
            Optional<String> stored = store.itemIdentity(c, county.code(), publicId, version);
            if (stored.isPresent()) {
                if (stored.get().equals(hash)) {
                    return receipt(200, receipt);
                }
                conflict(c, county, "item " + receipt, now);
                return null;
            }
            store.insertItem(c, county.code(), publicId, version, hash, b, decidedOn, publishedAt, postUntil, pdf, files, now);
            append(c, county, "city.item.stored", Map.of("publicId", publicId, "version", version, "type", b.type(),
                    "title", b.title(), "identitySha256", hash));
            return receipt(201, receipt);
        });
    }

    Answer withdraw(Model.County county, String publicId, Wire.Withdrawal b) {
        schema(b.schemaVersion());
        if (b.version() == null || b.version() < 1) {
            throw invalid("version");
        }
        Instant at = instant("withdrawnAt", b.withdrawnAt(), true);
        if (b.ground() == null || !GROUNDS.contains(b.ground())) {
            throw invalid("ground");
        }
        required("reason", b.reason(), 2000);
        String hash = sha256(canonical(new TreeMap<>(Map.of("withdrawnAt", b.withdrawnAt(), "ground", b.ground(),
                "reason", b.reason()))));
        String receipt = county.code() + "/" + publicId + "/" + b.version() + "/withdrawal";
        Instant now = clock.instant();
        return write(c -> {
            if (!store.anyItem(c, county.code(), publicId)) {
                throw new Refusal(404, "ITEM_NOT_FOUND", publicId);
            }
            Optional<String> stored = store.withdrawalIdentity(c, county.code(), publicId, b.version());
            if (stored.isPresent()) {
                if (stored.get().equals(hash)) {
                    return receipt(200, receipt);
                }
                conflict(c, county, "withdrawal " + receipt, now);
                return null;
            }
            store.insertWithdrawal(c, county.code(), publicId, b.version(), hash, at, b.ground(), b.reason(), now);
            append(c, county, "city.withdrawal.stored", Map.of("publicId", publicId, "version", b.version(),
                    "ground", b.ground(), "reason", b.reason()));
            return receipt(201, receipt);
        });
    }

    /** 409, and an alarm of its own: the county re-used an id+version for other content. */
    private void conflict(Connection c, Model.County county, String what, Instant now) throws SQLException {
        String message = Texts.both("alarm.CONFLICT", county.code(), what);
        store.insertAlarm(c, county.code(), "CONFLICT", null, message, now);
        append(c, county, "city.alarm.raised", Map.of("kind", "CONFLICT", "what", what));
        c.commit();
        throw new Refusal(409, "VERSION_CONFLICT", what);
    }

    // --- tree heads ----------------------------------------------------------------------------------------

    Optional<Map<String, Object>> latestHead(Model.County county) {
        return read(c -> store.latestAccepted(c, county.code())).map(h -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("schemaVersion", 1);
            out.put("treeHead", headJson(h));
            out.put("receivedAt", h.receivedAt().toString());
            return out;
        });
    }

    static Map<String, Object> headJson(Model.Head h) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("bureau", h.bureau());
        t.put("treeSize", h.treeSize());
        t.put("timestamp", h.timestamp());
        t.put("rootHash", h.rootHash());
        t.put("hashAlgorithm", h.hashAlgorithm());
        t.put("keyId", h.keyId());
        t.put("signature", h.signature());
        t.put("algorithm", "Ed25519");
        return t;
    }

    Answer pushHead(Model.County county, Wire.TreeHeadPush b) {
        schema(b.schemaVersion());
        Wire.TreeHead h = b.treeHead();
        if (h == null) {
            throw invalid("treeHead");
        }
        if (!county.code().equals(h.bureau())) {
            throw new Refusal(422, "PATH_MISMATCH", "treeHead.bureau").at("treeHead.bureau");
        }
        if (h.treeSize() == null || h.treeSize() < 0) {
            throw invalid("treeHead.treeSize");
        }
        Instant signedAt = instant("treeHead.timestamp", h.timestamp(), true);
        if (h.rootHash() == null || !HEX.matcher(h.rootHash()).matches()) {
            throw invalid("treeHead.rootHash");
        }
        if (!"SHA-256".equals(h.hashAlgorithm())) {
            throw new Refusal(422, "UNSUPPORTED_ALGORITHM", String.valueOf(h.hashAlgorithm()));
        }
        if (!"Ed25519".equals(h.algorithm())) {
            throw new Refusal(422, "UNSUPPORTED_ALGORITHM", String.valueOf(h.algorithm()));
        }
        required("treeHead.keyId", h.keyId(), 128);
        required("treeHead.signature", h.signature(), 200);
        if (b.consistency() != null && b.consistency().path() != null
                && b.consistency().path().stream().anyMatch(p -> p == null || !HEX.matcher(p).matches())) {
            throw invalid("consistency.path");
        }
        PublicKey key = TreeHeads.publicKey(county.publicKeyPem());
        Instant now = clock.instant();
        return write(c -> {
            Optional<Model.Head> latest = store.latestAccepted(c, county.code());
            TreeHeads.Verdict v = TreeHeads.judge(key, h, latest, b.consistency());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("schemaVersion", 1);
            if (v == TreeHeads.Verdict.SAME) {
                body.put("accepted", true);
                body.put("treeSize", h.treeSize());
                body.put("receipt", county.code() + "/tree-heads/" + latest.get().id());
                return new Answer(200, body);
            }
            String problem = v.code == null ? null : Texts.both("problem." + v.code, county.code(), h.treeSize(),
                    latest.map(Model.Head::treeSize).orElse(0L));
            long id = store.insertHead(c, county.code(), h, signedAt, b.consistency(), v.stored(), problem, now);
            Map<String, Object> facts = new TreeMap<>();
            facts.put("treeSize", h.treeSize());
            facts.put("rootHash", h.rootHash());
            facts.put("timestamp", h.timestamp());
            facts.put("status", v.stored());
            append(c, county, "city.tree-head.received", facts);
            // one open alarm per county and kind: a county that keeps pushing its other history adds evidence
            // (every head is stored), not alarms
            if (v.alarm != null && store.alarms(c, true).stream()
                    .noneMatch(a -> a.county().equals(county.code()) && a.kind().equals(v.alarm))) {
                store.insertAlarm(c, county.code(), v.alarm, id, problem, now);
                append(c, county, "city.alarm.raised", Map.of("kind", v.alarm, "treeHead", id, "code", v.code));
                LOG.warn("city: alarm {} for county {}: {}", v.alarm, county.code(), problem);
            }
            if (v.status >= 400) {
                c.commit();
                Refusal r = new Refusal(v.status, v.code, county.code(), h.treeSize(),
                        latest.map(Model.Head::treeSize).orElse(0L));
                throw latest.isPresent() && v == TreeHeads.Verdict.BASE_MISMATCH
                        ? new LatestRefusal(r, headJson(latest.get())) : r;
            }
            body.put("accepted", true);
            body.put("treeSize", h.treeSize());
            body.put("receipt", county.code() + "/tree-heads/" + id);
            return new Answer(201, body);
        });
    }

    /** A 412 that tells the county the latest accepted head, so it can prove again at once. */
    static final class LatestRefusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Refusal refusal;
        final transient Map<String, Object> latest;

        LatestRefusal(Refusal refusal, Map<String, Object> latest) {
            super(refusal.getMessage());
            this.refusal = refusal;
            this.latest = latest;
        }
    }

    // --- statistics ----------------------------------------------------------------------------------------

    Answer putStatistics(Model.County county, String month, Wire.Statistics b, String rawBody) {
        schema(b.schemaVersion());
        YearMonth ym;
        try {
            ym = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw invalid("month");
        }
        if (!month.equals(b.month())) {
            throw new Refusal(422, "PATH_MISMATCH", "month").at("month");
        }
        if (ym.isAfter(YearMonth.from(today()))) {
            throw invalid("month");
        }
        instant("generatedAt", b.generatedAt(), true);
        if (b.bureau() == null || !county.code().equals(b.bureau().code())) {
            throw new Refusal(422, "PATH_MISMATCH", "bureau.code").at("bureau.code");
        }
        if (b.kinds() == null || b.kinds().size() > 200 || b.totals() == null) {
            throw invalid(b.kinds() == null ? "kinds" : "totals");
        }
        for (int i = 0; i < b.kinds().size(); i++) {
            Wire.KindCount k = b.kinds().get(i);
            if (k == null || (k.kind() != null && !KIND.matcher(k.kind()).matches()) || negative(k.filed())
                    || negative(k.decided()) || negative(k.disclosed()) || negative(k.withdrawn())) {
                throw invalid("kinds[" + i + "]");
            }
            text("kinds[" + i + "].kindTitleZh", k.kindTitleZh(), 0, 100);
        }
        String hash = sha256(rawBody.getBytes(StandardCharsets.UTF_8));
        Instant now = clock.instant();
        return write(c -> {
            Optional<String> newest = store.statisticsIdentity(c, county.code(), month);
            if (newest.isPresent() && newest.get().equals(hash)) {
                return receipt(200, county.code() + "/statistics/" + month);
            }
            store.insertStatistics(c, county.code(), month, hash, rawBody, b.kinds(), now);
            append(c, county, "city.statistics.stored", Map.of("month", month, "bodySha256", hash));
            return receipt(newest.isPresent() ? 200 : 201, county.code() + "/statistics/" + month);
        });
    }

    private static boolean negative(Long n) {
        return n == null || n < 0;
    }

    // --- administration (管理员) ----------------------------------------------------------------------------

    /** A registration (or a new revision of one) and the token issued with it, shown once. */
    record Registered(Model.County county, String token) {}

    Registered register(Wire.CountyDraft d, Actor actor) {
        admin(actor);
        if (d.code() == null || !COUNTY.matcher(d.code()).matches()) {
            throw invalid("code");
        }
        Optional<Model.County> previous = read(c -> store.county(c, d.code()));
        String name = d.name() != null ? d.name().strip() : previous.map(Model.County::name).orElse(null);
        required("name", name, 200);
        String pem = d.publicKeyPem() != null ? d.publicKeyPem().strip() : previous.map(Model.County::publicKeyPem).orElse(null);
        try {
            TreeHeads.publicKey(pem);
        } catch (IllegalArgumentException e) {
            throw invalid("publicKeyPem");
        }
        String cert = d.certificateSha256() != null ? d.certificateSha256().replace(":", "").toLowerCase(Locale.ROOT)
                : previous.map(Model.County::certSha256).orElse(null);
        if (cert != null && cert.isEmpty()) {
            cert = null;
        }
        if (cert != null && !cert.matches("[0-9a-f]{64}")) {
            throw invalid("certificateSha256");
        }
        boolean issue = d.issueToken() != null ? d.issueToken() : previous.isEmpty();
        String token = null;
        String tokenHash = previous.map(Model.County::tokenSha256).orElse(null);
        if (issue) {
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            tokenHash = sha256(token.getBytes(StandardCharsets.UTF_8));
        }
        if (tokenHash == null && cert == null) {
            throw new Refusal(422, "NO_CREDENTIAL");
        }
        boolean active = d.active() != null ? d.active() : previous.map(Model.County::active).orElse(true);
        String reason = d.reason() == null ? null : d.reason().strip();
        if (previous.isPresent() && (reason == null || reason.isEmpty())) {
            throw invalid("reason");
        }
        text("reason", reason, 0, 2000);
        String th = tokenHash;
        String ce = cert;
        boolean issued = token != null;
        Instant now = clock.instant();
        Model.County saved = write(c -> {
            int rev = store.insertCounty(c, d.code(), name, th, ce, pem, active, now, actor.user(), reason);
            Map<String, Object> facts = new TreeMap<>();
            facts.put("code", d.code());
            facts.put("revision", rev);
            facts.put("name", name);
            facts.put("active", active);
            facts.put("keyId", TreeHeads.keyId(TreeHeads.publicKey(pem)));
            facts.put("tokenIssued", issued);
            facts.put("certificateSha256", ce == null ? "" : ce);
            facts.put("reason", reason == null ? "" : reason);
            record.append(c, EntryDraft.of("city-county", d.code(), null, "city.county.registered", json(facts)), actor);
            return store.county(c, d.code()).orElseThrow();
        });
        return new Registered(saved, token);
    }

    List<Model.County> counties() {
        return read(store::counties);
    }

    List<Model.CountyState> countyStates() {
        return read(c -> {
            List<Model.Alarm> open = store.alarms(c, true);
            List<Model.CountyState> out = new ArrayList<>();
            for (Model.County k : store.counties(c)) {
                out.add(new Model.CountyState(k, store.latestAccepted(c, k.code()).orElse(null),
                        (int) open.stream().filter(a -> a.county().equals(k.code())).count()));
            }
            return out;
        });
    }

    List<Model.Head> heads(String county, int limit) {
        return read(c -> store.heads(c, county, limit));
    }

    List<Model.Alarm> alarms(boolean openOnly) {
        return read(c -> store.alarms(c, openOnly));
    }

    Model.Alarm acknowledge(long alarmId, String reason, Actor actor) {
        admin(actor);
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw invalid("reason");
        }
        text("reason", r, 1, 2000);
        Instant now = clock.instant();
        return write(c -> {
            Model.Alarm a = store.alarms(c, false).stream().filter(x -> x.id() == alarmId).findFirst()
                    .orElseThrow(() -> new Refusal(404, "ALARM_NOT_FOUND", alarmId));
            if (!a.open()) {
                throw new Refusal(409, "ALARM_ACKNOWLEDGED", alarmId);
            }
            store.insertAck(c, alarmId, actor.user(), r, now);
            record.append(c, EntryDraft.of("city-county", a.county(), null, "city.alarm.acknowledged",
                    json(new TreeMap<>(Map.of("alarm", alarmId, "kind", a.kind(), "reason", r)))), actor);
            return store.alarms(c, false).stream().filter(x -> x.id() == alarmId).findFirst().orElseThrow();
        });
    }

    private static void admin(Actor actor) {
        if (actor == null) {
            throw new Refusal(401, "UNAUTHENTICATED");
        }
        if (!actor.has(Roles.ADMIN)) {
            throw new Refusal(403, "NOT_ADMIN", actor.user());
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private void append(Connection c, Model.County county, String type, Map<String, Object> facts) {
        record.append(c, EntryDraft.of("city-county", county.code(), null, type, json(new TreeMap<>(facts))), actorOf(county));
    }

    private static String json(Object o) {
        try {
            return Wire.JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] canonical(Object o) {
        return json(o).getBytes(StandardCharsets.UTF_8);
    }

    private static Answer receipt(int status, String receipt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("schemaVersion", 1);
        body.put("receipt", receipt);
        return new Answer(status, body);
    }

    static String sha256(byte[] bytes) {
        return TreeHeads.sha256Hex(bytes);
    }

    private static void schema(Integer v) {
        if (v == null || v != 1) {
            throw new Refusal(422, "SCHEMA_VERSION", String.valueOf(v));
        }
    }

    static Refusal invalid(String field) {
        return new Refusal(422, "INVALID_FIELD", field).at(field);
    }

    private static void required(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw invalid(field);
        }
    }

    private static void text(String field, String value, int min, int max) {
        if (value != null && (value.length() < min || value.length() > max)) {
            throw invalid(field);
        }
    }

    private static LocalDate date(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw invalid(field);
            }
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field);
        }
    }

    private static Instant instant(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                throw invalid(field);
            }
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field);
        }
    }

    private static byte[] base64(String field, String value) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(field);
        }
    }

    <T> T read(Jdbc.Work<T> work) {
        return Jdbc.read(store.dataSource, work, City::unavailable);
    }

    <T> T write(Jdbc.Work<T> work) {
        return Jdbc.write(store.dataSource, work, City::unavailable);
    }

    private static RuntimeException unavailable(SQLException e) {
        LOG.warn("city: database: {}", e.toString());
        return new Refusal(503, "CITY_BUSY");
    }
}
