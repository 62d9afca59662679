package org.zhifa.channel.city.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.zhifa.api.record.ConsistencyProof;
import org.zhifa.api.record.Merkle;
import org.zhifa.api.record.SignedTreeHead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * The city side of docs/city-api.md as a test server on 127.0.0.1: token and client-certificate checks,
 * strict bodies, idempotent stores, signed tree heads checked against the pinned key with the record's
 * own Merkle code, and injected answers (503 with Retry-After, 401…) for the error paths.
 */
final class FakeCity implements AutoCloseable {
    static final String BASE = "/api/v1/city";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ITEM_FIELDS = Set.of("schemaVersion", "publicId", "version", "type", "kind",
            "kindTitleZh", "title", "caseNumber", "partyName", "decidedOn", "publishedAt", "postUntil", "text", "pdf",
            "attachments", "bureau");
    private static final Set<String> IDENTITY = Set.of("type", "kind", "title", "caseNumber", "partyName", "decidedOn",
            "text");

    /** One request as the city saw it. */
    record Seen(String method, String path, int status, String authorization, JsonNode body) {}

    /** An answer given instead of the real one to the next request of {@code method} (any when null). */
    record Canned(String method, int status, String retryAfter, String code) {}

    final String county;
    volatile String token;
    volatile String clientFingerprint;
    volatile PublicKey countyKey;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final Deque<Canned> canned = new ArrayDeque<>();
    final Map<String, JsonNode> items = new HashMap<>();
    final Map<String, JsonNode> withdrawals = new HashMap<>();
    final List<JsonNode> acceptedHeads = new ArrayList<>();
    final List<JsonNode> rejectedHeads = new ArrayList<>();
    final Map<String, List<JsonNode>> statistics = new HashMap<>();
    final List<String> alarms = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    private FakeCity(HttpServer server, String county) {
        this.server = server;
        this.county = county;
        server.createContext(BASE + "/", this::handle);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.start();
    }

    static FakeCity http(String county) throws IOException {
        return new FakeCity(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), county);
    }

    /** HTTPS with {@code tls}; {@code needClientAuth} for mutual TLS. */
    static FakeCity https(String county, SSLContext tls, boolean needClientAuth) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(p);
            }
        });
        return new FakeCity(s, county);
    }

    String url() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + BASE;
    }

    synchronized void answerNext(int status, String retryAfter, String code) {
        canned.add(new Canned(null, status, retryAfter, code));
    }

    synchronized void answerNext(String method, int status, String retryAfter, String code) {
        canned.add(new Canned(method, status, retryAfter, code));
    }

    List<Seen> seen(String method, String pathPart) {
        return seen.stream().filter(s -> s.method().equals(method) && s.path().contains(pathPart)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    // ------------------------------------------------------------------

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getRawPath().substring(BASE.length());
        String method = x.getRequestMethod();
        String auth = x.getRequestHeaders().getFirst("Authorization");
        byte[] raw;
        try (InputStream in = x.getRequestBody()) {
            raw = in.readAllBytes();
        }
        JsonNode body = null;
        Answer a;
        try {
            if (raw.length > 0) {
                try {
                    body = JSON.readTree(raw);
                } catch (IOException e) {
                    throw new Refusal(400, "MALFORMED_JSON");
                }
            }
            a = answer(x, method, path, auth, body);
        } catch (Refusal r) {
            a = r.answer();
        }
        seen.add(new Seen(method, path, a.status, auth, body));
        // a canned answer without a code is the container's own page, as while the receiver is not deployed
        byte[] out = a.body == null ? "<html><body>404 Not Found</body></html>".getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(a.body);
        x.getResponseHeaders().add("Content-Type", a.body == null ? "text/html" : "application/json; charset=UTF-8");
        if (a.retryAfter != null) {
            x.getResponseHeaders().add("Retry-After", a.retryAfter);
        }
        x.sendResponseHeaders(a.status, out.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(out);
        }
    }

    private record Answer(int status, JsonNode body, String retryAfter) {}

    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;
        final String retryAfter;

        Refusal(int status, String code) {
            this(status, code, null);
        }

        Refusal(int status, String code, String retryAfter) {
            super(code, null, false, false);
            this.status = status;
            this.code = code;
            this.retryAfter = retryAfter;
        }

        Answer answer() {
            if (code == null) {
                return new Answer(status, null, retryAfter);
            }
            ObjectNode e = JSON.createObjectNode();
            e.put("code", code);
            e.put("message_zh", "城市平台：" + code);
            e.put("message_en", "city: " + code);
            return new Answer(status, e, retryAfter);
        }
    }

    private synchronized Answer answer(HttpExchange x, String method, String path, String auth, JsonNode body) {
        Canned c = canned.peek();
        if (c != null && (c.method() == null || c.method().equals(method))) {
            canned.poll();
            throw new Refusal(c.status(), c.code(), c.retryAfter());
        }
        authenticate(x, auth);
        String[] p = path.replaceAll("^/", "").split("/");
        if (p.length < 3 || !"counties".equals(p[0])) {
            throw new Refusal(404, "NOT_FOUND");
        }
        if (!county.equals(p[1])) {
            throw new Refusal(403, "WRONG_COUNTY");
        }
        if (body != null && (!body.has("schemaVersion") || body.get("schemaVersion").asInt() != 1)) {
            throw new Refusal(422, "SCHEMA_VERSION");
        }
        if (p.length == 6 && "items".equals(p[2]) && "versions".equals(p[4]) && "PUT".equals(method)) {
            return putItem(p[3], Integer.parseInt(p[5]), body);
        }
        if (p.length == 5 && "items".equals(p[2]) && "withdrawal".equals(p[4]) && "POST".equals(method)) {
            return withdraw(p[3], body);
        }
        if (p.length == 4 && "tree-heads".equals(p[2]) && "latest".equals(p[3]) && "GET".equals(method)) {
            if (acceptedHeads.isEmpty()) {
                throw new Refusal(404, "NO_TREE_HEAD");
            }
            ObjectNode o = JSON.createObjectNode();
            o.put("schemaVersion", 1);
            o.set("treeHead", acceptedHeads.get(acceptedHeads.size() - 1).get("treeHead"));
            o.put("receivedAt", Instant.now().toString());
            return new Answer(200, o, null);
        }
        if (p.length == 3 && "tree-heads".equals(p[2]) && "POST".equals(method)) {
            return treeHead(body);
        }
        if (p.length == 4 && "statistics".equals(p[2]) && "PUT".equals(method)) {
            if (!p[3].equals(body.path("month").asText())) {
                throw new Refusal(422, "PATH_MISMATCH");
            }
            List<JsonNode> l = statistics.computeIfAbsent(p[3], k -> new ArrayList<>());
            l.add(body);
            return receipt(l.size() == 1 ? 201 : 200, county + "/statistics/" + p[3]);
        }
        throw new Refusal(404, "NOT_FOUND");
    }

    private void authenticate(HttpExchange x, String auth) {
        if (token == null && clientFingerprint == null) {
            throw new Refusal(401, "UNAUTHENTICATED");
        }
        if (token != null && !("Bearer " + token).equals(auth)) {
            throw new Refusal(401, "UNAUTHENTICATED");
        }
        if (clientFingerprint != null) {
            String fp;
            try {
                Certificate[] chain = ((HttpsExchange) x).getSSLSession().getPeerCertificates();
                fp = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
            } catch (SSLPeerUnverifiedException | ClassCastException e) {
                throw new Refusal(401, "UNAUTHENTICATED");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (!fp.equalsIgnoreCase(clientFingerprint)) {
                throw new Refusal(401, "UNAUTHENTICATED");
            }
        }
    }

    private Answer putItem(String publicId, int version, JsonNode body) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ITEM_FIELDS.contains(f)) {
                throw new Refusal(400, "UNKNOWN_FIELD");
            }
        }
        if (!publicId.equals(body.path("publicId").asText()) || version != body.path("version").asInt()
                || !county.equals(body.path("bureau").path("code").asText())) {
            throw new Refusal(422, "PATH_MISMATCH");
        }
        for (JsonNode a : body.path("attachments")) {
            byte[] bytes = Base64.getDecoder().decode(a.get("base64").asText());
            if (!Bodies.sha256(bytes).equals(a.get("sha256").asText())) {
                throw new Refusal(422, "INVALID_FIELD");
            }
        }
        String key = publicId + "/" + version;
        JsonNode old = items.get(key);
        if (old == null) {
            items.put(key, body);
            return receipt(201, county + "/" + key);
        }
        for (String f : IDENTITY) {
            if (!old.path(f).equals(body.path(f))) {
                alarms.add("VERSION_CONFLICT " + key);
                throw new Refusal(409, "VERSION_CONFLICT");
            }
        }
        return receipt(200, county + "/" + key);
    }

    private Answer withdraw(String publicId, JsonNode body) {
        boolean known = items.keySet().stream().anyMatch(k -> k.startsWith(publicId + "/"));
        if (!known) {
            throw new Refusal(404, "ITEM_NOT_FOUND");
        }
        JsonNode old = withdrawals.get(publicId);
        if (old == null) {
            withdrawals.put(publicId, body);
            return receipt(201, county + "/" + publicId + "/withdrawal");
        }
        if (!old.equals(body)) {
            throw new Refusal(409, "VERSION_CONFLICT");
        }
        return receipt(200, county + "/" + publicId + "/withdrawal");
    }

    private Answer treeHead(JsonNode body) {
        JsonNode h = body.get("treeHead");
        SignedTreeHead head = new SignedTreeHead(h.get("bureau").asText(), h.get("treeSize").asLong(),
                Instant.parse(h.get("timestamp").asText()), h.get("rootHash").asText(), h.get("hashAlgorithm").asText(),
                h.get("keyId").asText(), h.get("signature").asText());
        if (!county.equals(head.bureau())) {
            throw new Refusal(422, "PATH_MISMATCH");
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(countyKey);
            s.update(head.signedBytes());
            if (!s.verify(Base64.getDecoder().decode(head.signature()))) {
                rejectedHeads.add(body);
                alarms.add("FORGED " + head.treeSize());
                throw new Refusal(422, "TREE_HEAD_SIGNATURE");
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        if (!acceptedHeads.isEmpty()) {
            JsonNode last = acceptedHeads.get(acceptedHeads.size() - 1).get("treeHead");
            long lastSize = last.get("treeSize").asLong();
            JsonNode c = body.get("consistency");
            if (c == null || c.isNull() || c.get("fromSize").asLong() != lastSize) {
                throw new Refusal(412, "TREE_HEAD_BASE_MISMATCH");
            }
            String code = null;
            if (head.treeSize() < lastSize) {
                code = "TREE_HEAD_SHRANK";
            } else if (head.treeSize() == lastSize && !head.rootHash().equals(last.get("rootHash").asText())) {
                code = "TREE_HEAD_REWRITE";
            } else {
                List<String> path = new ArrayList<>();
                c.get("path").forEach(n -> path.add(n.asText()));
                if (!Merkle.verify(Merkle.SHA256, new ConsistencyProof(lastSize, head.treeSize(), path),
                        last.get("rootHash").asText(), head.rootHash())) {
                    code = "TREE_HEAD_FORK";
                }
            }
            if (code != null) {
                rejectedHeads.add(body);
                alarms.add(code + " " + head.treeSize());
                throw new Refusal(409, code);
            }
            if (last.equals(h)) {
                return receipt(200, county + "/tree-heads/" + head.treeSize());
            }
        }
        acceptedHeads.add(body);
        ObjectNode o = JSON.createObjectNode();
        o.put("schemaVersion", 1);
        o.put("accepted", true);
        o.put("treeSize", head.treeSize());
        o.put("receipt", county + "/tree-heads/" + head.treeSize());
        return new Answer(201, o, null);
    }

    private static Answer receipt(int status, String receipt) {
        ObjectNode o = JSON.createObjectNode();
        o.put("schemaVersion", 1);
        o.put("receipt", receipt);
        return new Answer(status, o, null);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
