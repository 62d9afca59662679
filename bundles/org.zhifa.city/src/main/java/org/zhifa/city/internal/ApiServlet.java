package org.zhifa.city.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.Authenticator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * {@code /api/v1/city/…}: the county-facing receiver of docs/city-api.md (a county authenticates by its token or
 * client certificate, not by a staff login) and the administration of counties and alarms (HTTP Basic, 管理员).
 * A servlet of its own rather than a resource of the REST bundle: county bodies (up to 20 MiB of PDFs) exceed the
 * REST API's body limit, and the REST filter asks every contributed resource for a staff login.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/city/*",
        "osgi.http.whiteboard.servlet.name=zhifa-city-api"})
public class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final String C = "/counties/([0-9A-Za-z]{1,32})";
    private static final String P = "([A-Za-z0-9_-]{1,64})";
    private static final Pattern ITEM = Pattern.compile(C + "/items/" + P + "/versions/([0-9]{1,9})");
    private static final Pattern WITHDRAWAL = Pattern.compile(C + "/items/" + P + "/withdrawal");
    private static final Pattern LATEST = Pattern.compile(C + "/tree-heads/latest");
    private static final Pattern HEADS = Pattern.compile(C + "/tree-heads");
    private static final Pattern STATS = Pattern.compile(C + "/statistics/([0-9]{4}-[0-9]{2})");
    private static final Pattern ADMIN_COUNTY = Pattern.compile("/admin/counties/([0-9A-Za-z]{1,32})");
    private static final Pattern ADMIN_ACK = Pattern.compile("/admin/alarms/([0-9]{1,18})/acknowledgement");

    private final transient City city;
    private final transient Authenticator authenticator;
    private final transient Semaphore inFlight;

    @Activate
    public ApiServlet(@Reference City city, @Reference Authenticator authenticator) {
        this.city = city;
        this.authenticator = authenticator;
        this.inFlight = new Semaphore(Math.max(1, city.config().maxConcurrent()));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        String method = req.getMethod();
        try {
            if (path.startsWith("/admin/")) {
                admin(req, resp, method, path);
            } else {
                county(req, resp, method, path);
            }
        } catch (Refusal r) {
            error(resp, r, null);
        } catch (City.LatestRefusal r) {
            error(resp, r.refusal, r.latest);
        } catch (JsonProcessingException e) {
            error(resp, json(e), null);
        } catch (RuntimeException e) {
            LOG.error("city API: {} {} failed", method, path, e);
            error(resp, new Refusal(500, "INTERNAL_ERROR"), null);
        }
    }

    // --- the county-facing receiver ------------------------------------------------------------------------

    private void county(HttpServletRequest req, HttpServletResponse resp, String method, String path)
            throws IOException {
        Matcher m;
        String county;
        String allowed;
        if ((m = ITEM.matcher(path)).matches()) {
            allowed = "PUT";
        } else if ((m = WITHDRAWAL.matcher(path)).matches() || (m = HEADS.matcher(path)).matches()) {
            allowed = "POST";
        } else if ((m = LATEST.matcher(path)).matches()) {
            allowed = "GET";
        } else if ((m = STATS.matcher(path)).matches()) {
            allowed = "PUT";
        } else {
            throw new Refusal(404, "NOT_FOUND");
        }
        if (!allowed.equals(method)) {
            resp.setHeader("Allow", allowed);
            throw new Refusal(405, "METHOD_NOT_ALLOWED");
        }
        county = m.group(1);
        X509Certificate[] certs = (X509Certificate[]) req.getAttribute("javax.servlet.request.X509Certificate");
        Model.County who = city.authenticate(county, req.getHeader("Authorization"), certs);
        if (!inFlight.tryAcquire()) {
            resp.setHeader("Retry-After", Integer.toString(city.config().retryAfterSeconds()));
            throw new Refusal(503, "CITY_BUSY");
        }
        try {
            City.Answer a;
            if (ITEM.matcher(path).matches()) {
                a = city.putItem(who, m.group(2), Integer.parseInt(m.group(3)), body(req, Wire.Item.class));
            } else if (WITHDRAWAL.matcher(path).matches()) {
                a = city.withdraw(who, m.group(2), body(req, Wire.Withdrawal.class));
            } else if (LATEST.matcher(path).matches()) {
                Optional<Map<String, Object>> latest = city.latestHead(who);
                if (latest.isEmpty()) {
                    throw new Refusal(404, "NO_TREE_HEAD", county);
                }
                a = new City.Answer(200, latest.get());
            } else if (HEADS.matcher(path).matches()) {
                a = city.pushHead(who, body(req, Wire.TreeHeadPush.class));
            } else {
                String raw = new String(raw(req), StandardCharsets.UTF_8);
                a = city.putStatistics(who, m.group(2), Wire.JSON.readValue(raw, Wire.Statistics.class), raw);
            }
            send(resp, a.status(), a.body());
        } finally {
            inFlight.release();
        }
    }

    private <T> T body(HttpServletRequest req, Class<T> type) throws IOException {
        return Wire.JSON.readValue(raw(req), type);
    }

    /** The body, refused with 413 past the limit (by its length when given, else while reading). */
    private byte[] raw(HttpServletRequest req) throws IOException {
        String type = req.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new Refusal(415, "UNSUPPORTED_MEDIA_TYPE");
        }
        long limit = city.config().maxBodyBytes();
        if (req.getContentLengthLong() > limit) {
            throw new Refusal(413, "BODY_TOO_LARGE", limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = req.getInputStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > limit) {
                    throw new Refusal(413, "BODY_TOO_LARGE", limit);
                }
            }
        }
        return out.toByteArray();
    }

    private static Refusal json(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return new Refusal(400, "UNKNOWN_FIELD", u.getPropertyName()).at(u.getPropertyName());
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException
                || (e instanceof JsonMappingException jm && !jm.getPath().isEmpty())) {
            String p = path((JsonMappingException) e);
            return new Refusal(400, "WRONG_TYPE", p).at(p);
        }
        return new Refusal(400, "MALFORMED_JSON");
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }

    // --- administration ------------------------------------------------------------------------------------

    private void admin(HttpServletRequest req, HttpServletResponse resp, String method, String path) throws IOException {
        Actor actor = login(req);
        if (actor == null) {
            resp.setHeader("WWW-Authenticate", "Basic realm=\"zhifa\", charset=\"UTF-8\"");
            throw new Refusal(401, "UNAUTHENTICATED");
        }
        if (!actor.has(org.zhifa.api.common.Roles.ADMIN)) {
            throw new Refusal(403, "NOT_ADMIN", actor.user());
        }
        Matcher m;
        if (path.equals("/admin/counties")) {
            if ("GET".equals(method)) {
                List<Object> out = new ArrayList<>();
                for (Model.CountyState s : city.countyStates()) {
                    out.add(countyJson(s.county(), s.latest(), s.openAlarms()));
                }
                send(resp, 200, Map.of("counties", out));
            } else if ("POST".equals(method)) {
                Wire.CountyDraft d = body(req, Wire.CountyDraft.class);
                if (d.code() != null && city.counties().stream().anyMatch(c -> c.code().equals(d.code()))) {
                    throw new Refusal(409, "COUNTY_EXISTS", d.code());
                }
                registered(resp, 201, city.register(d, actor));
            } else {
                resp.setHeader("Allow", "GET, POST");
                throw new Refusal(405, "METHOD_NOT_ALLOWED");
            }
        } else if ((m = ADMIN_COUNTY.matcher(path)).matches()) {
            String code = m.group(1);
            if ("GET".equals(method)) {
                Model.CountyState s = city.countyStates().stream().filter(x -> x.county().code().equals(code))
                        .findFirst().orElseThrow(() -> new Refusal(404, "COUNTY_NOT_FOUND", code));
                Map<String, Object> out = countyJson(s.county(), s.latest(), s.openAlarms());
                List<Object> heads = new ArrayList<>();
                for (Model.Head h : city.heads(code, 50)) {
                    Map<String, Object> j = new LinkedHashMap<>(City.headJson(h));
                    j.put("id", h.id());
                    j.put("status", h.status());
                    j.put("problem", h.problem());
                    j.put("receivedAt", h.receivedAt().toString());
                    heads.add(j);
                }
                out.put("treeHeads", heads);
                send(resp, 200, out);
            } else if ("PUT".equals(method)) {
                Wire.CountyDraft d = body(req, Wire.CountyDraft.class);
                if (d.code() != null && !d.code().equals(code)) {
                    throw new Refusal(422, "PATH_MISMATCH", "code");
                }
                if (city.counties().stream().noneMatch(c -> c.code().equals(code))) {
                    throw new Refusal(404, "COUNTY_NOT_FOUND", code);
                }
                registered(resp, 200, city.register(new Wire.CountyDraft(code, d.name(), d.publicKeyPem(),
                        d.certificateSha256(), d.issueToken() == null ? Boolean.FALSE : d.issueToken(), d.active(),
                        d.reason()), actor));
            } else {
                resp.setHeader("Allow", "GET, PUT");
                throw new Refusal(405, "METHOD_NOT_ALLOWED");
            }
        } else if (path.equals("/admin/items") && "GET".equals(method)) {
            items(req, resp);
        } else if (path.equals("/admin/alarms") && "GET".equals(method)) {
            boolean open = "true".equals(req.getParameter("open"));
            List<Object> out = new ArrayList<>();
            for (Model.Alarm a : city.alarms(open)) {
                out.add(alarmJson(a));
            }
            send(resp, 200, Map.of("alarms", out));
        } else if ((m = ADMIN_ACK.matcher(path)).matches() && "POST".equals(method)) {
            Wire.Acknowledgement a = body(req, Wire.Acknowledgement.class);
            send(resp, 200, alarmJson(city.acknowledge(Long.parseLong(m.group(1)), a.reason(), actor)));
        } else {
            throw new Refusal(404, "NOT_FOUND");
        }
    }

    /** The current items of every county (or one), newest first: what the public site shows, as JSON. */
    private void items(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String county = req.getParameter("county");
        String q = req.getParameter("q");
        int offset = integer(req.getParameter("offset"), 0, "offset");
        int limit = integer(req.getParameter("limit"), 50, "limit");
        if (county != null && !City.COUNTY.matcher(county).matches()) {
            throw new Refusal(400, "INVALID_FIELD", "county").at("county");
        }
        if (limit < 1 || limit > 500) {
            throw new Refusal(400, "INVALID_FIELD", "limit").at("limit");
        }
        String keyword = q == null || q.isBlank() ? null : q.strip();
        CityStore.Found f = city.read(c -> city.store.search(c, county, null, keyword, city.today(), offset, limit));
        List<Object> out = new ArrayList<>();
        for (Model.Item i : f.items()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("county", i.county());
            j.put("publicId", i.publicId());
            j.put("version", i.version());
            j.put("type", i.type());
            j.put("kind", i.kind());
            j.put("title", i.title());
            j.put("caseNumber", i.caseNumber());
            j.put("publishedAt", i.publishedAt().toString());
            j.put("pdf", i.hasPdf());
            j.put("receivedAt", i.receivedAt().toString());
            out.add(j);
        }
        send(resp, 200, Map.of("items", out, "total", f.total(), "offset", offset, "limit", limit));
    }

    private static int integer(String v, int otherwise, String name) {
        if (v == null || v.isBlank()) {
            return otherwise;
        }
        if (!v.matches("[0-9]{1,6}")) {
            throw new Refusal(400, "INVALID_FIELD", name).at(name);
        }
        return Integer.parseInt(v);
    }

    private Actor login(HttpServletRequest req) {
        String h = req.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String d = new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = d.indexOf(':');
            return colon <= 0 ? null
                    : authenticator.authenticate(d.substring(0, colon), d.substring(colon + 1).toCharArray()).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void registered(HttpServletResponse resp, int status, City.Registered r) throws IOException {
        Map<String, Object> out = countyJson(r.county(), null, 0);
        if (r.token() != null) {
            out.put("token", r.token());
        }
        send(resp, status, out);
    }

    static Map<String, Object> countyJson(Model.County c, Model.Head latest, int openAlarms) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("code", c.code());
        j.put("name", c.name());
        j.put("revision", c.revision());
        j.put("active", c.active());
        j.put("token", c.tokenSha256() != null);
        j.put("certificateSha256", c.certSha256());
        j.put("keyId", TreeHeads.keyId(TreeHeads.publicKey(c.publicKeyPem())));
        j.put("publicKeyPem", c.publicKeyPem());
        j.put("changedAt", c.changedAt().toString());
        j.put("changedBy", c.changedBy());
        if (latest != null) {
            j.put("latestTreeHead", City.headJson(latest));
        }
        j.put("openAlarms", openAlarms);
        return j;
    }

    static Map<String, Object> alarmJson(Model.Alarm a) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("id", a.id());
        j.put("county", a.county());
        j.put("kind", a.kind());
        j.put("treeHead", a.treeHeadId() == 0 ? null : a.treeHeadId());
        j.put("message", a.message());
        j.put("raisedAt", a.raisedAt().toString());
        j.put("open", a.open());
        if (!a.open()) {
            j.put("acknowledgedBy", a.ackBy());
            j.put("acknowledgedAt", a.ackAt().toString());
            j.put("reason", a.ackReason());
        }
        return j;
    }

    // --- answers -------------------------------------------------------------------------------------------

    private static void send(HttpServletResponse resp, int status, Object body) throws IOException {
        byte[] bytes = Wire.JSON.writeValueAsBytes(body);
        resp.setStatus(status);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static void error(HttpServletResponse resp, Refusal r, Map<String, Object> latest) throws IOException {
        if (resp.isCommitted()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", r.code);
        body.put("message_zh", r.messageZh);
        body.put("message_en", r.messageEn);
        if (r.field != null) {
            body.put("field", r.field);
        }
        if (latest != null) {
            body.put("latest", Map.of("schemaVersion", 1, "treeHead", latest));
        }
        send(resp, r.status, body);
    }
}
