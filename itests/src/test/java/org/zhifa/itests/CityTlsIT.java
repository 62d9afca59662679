package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zhifa.itests.support.Cases.refused;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Wait;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The county → city push over real HTTPS with mutual TLS (C5), between two bureaus on loopback made from the built
 * distribution: the city serves HTTPS from Pax Web (its own certificate, client certificates wanted, a truststore
 * with the counties' certificates) and knows the county only by its client certificate's SHA-256 fingerprint — no
 * token is issued — and the county's channel trusts the city's certificate and presents its own. A notice published
 * at the county arrives at the city and its tree head is accepted; a certificate the city trusts for TLS but has not
 * registered for any county is refused by the receiver (401, the outbox entry FAILED with a message naming the
 * certificate) and nothing of it is stored; without a client certificate, over HTTP or HTTPS, the receiver answers
 * 401. Keys and certificates are made by the JDK's keytool in the test.
 */
class CityTlsIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final String API = "/api/v1/city";
    private static final String PASS = "changeit";
    private static final String OTHER = "439998";

    private Bureau city;
    private Bureau county;

    @Test
    void aCountyPushesOverMutualTlsAndAnUnknownCertificateIsRefused() throws Exception {
        Path dist = Paths.get(System.getProperty("zhifa.distribution"));
        Path work = Paths.get(System.getProperty("zhifa.work", "target/it"));
        city = Bureau.unpack(dist, work.resolve("citytls-city"));
        county = Bureau.unpack(dist, work.resolve("citytls-county"));
        try {
            run(work.resolve("citytls-keys"));
        } finally {
            county.stop();
            city.stop();
        }
    }

    private void run(Path keys) throws Exception {
        // --- keys: the city's server certificate (for 127.0.0.1), two county client certificates -----------------
        deleteTree(keys);
        Files.createDirectories(keys);
        Path cityKey = keyPair(keys, "city", "CN=127.0.0.1, OU=City IT, O=zhifa test city", true);
        Path countyKey = keyPair(keys, "county", "CN=430421, O=zhifa test county", false);
        Path strangerKey = keyPair(keys, "stranger", "CN=439998, O=zhifa test stranger", false);
        Path cityCer = export(keys, cityKey, "city");
        Path countyCer = export(keys, countyKey, "county");
        Path strangerCer = export(keys, strangerKey, "stranger");
        // the county trusts the city's certificate; the city's TLS layer trusts both county certificates, so the
        // stranger is turned away by the receiver's fingerprint check, not by the handshake
        Path countyTrust = keys.resolve("county-trust.p12");
        importCert(countyTrust, "city", cityCer);
        Path cityTrust = keys.resolve("city-trust.p12");
        importCert(cityTrust, "county", countyCer);
        importCert(cityTrust, "stranger", strangerCer);
        String countyFingerprint = fingerprint(countyCer);

        // --- the city: HTTPS on a free loopback port beside the plain HTTP one -------------------------------------
        int securePort = freePort();
        Path paxWeb = city.home.resolve("etc/org.ops4j.pax.web.cfg");
        Map<String, String> tls = new LinkedHashMap<>();
        tls.put("org.osgi.service.http.secure.enabled", "true");
        tls.put("org.osgi.service.http.port.secure", Integer.toString(securePort));
        tls.put("org.ops4j.pax.web.ssl.keystore", cityKey.toAbsolutePath().toString());
        tls.put("org.ops4j.pax.web.ssl.keystore.type", "PKCS12");
        tls.put("org.ops4j.pax.web.ssl.keystore.password", PASS);
        tls.put("org.ops4j.pax.web.ssl.key.password", PASS);
        tls.put("org.ops4j.pax.web.ssl.key.alias", "city");
        tls.put("org.ops4j.pax.web.ssl.truststore", cityTrust.toAbsolutePath().toString());
        tls.put("org.ops4j.pax.web.ssl.truststore.type", "PKCS12");
        tls.put("org.ops4j.pax.web.ssl.truststore.password", PASS);
        tls.put("org.ops4j.pax.web.ssl.clientauth.wanted", "true");
        tls.put("org.ops4j.pax.web.ssl.clientauth.needed", "false");
        for (Map.Entry<String, String> e : tls.entrySet()) {
            Bureau.set(paxWeb, e.getKey(), e.getValue());
        }
        String https = "https://127.0.0.1:" + securePort;
        city.start();
        city.admin("feature:install zhifa-city");
        Wait.until("the city API", LIMIT, () -> city.get(API + "/admin/counties", "admin").statusCode() == 200,
                city::logTail);
        HttpClient anonymousTls = client(countyTrust, null);
        Wait.until("the city's HTTPS connector", LIMIT, () -> status(anonymousTls, https + "/city/") == 200,
                city::logTail);
        county.start();

        // --- registration: the county's record key and its certificate's fingerprint, no token ---------------------
        String pem = county.get("/api/v1/record/public-key", null).body();
        String code = Json.parse(ok(county.get("/api/v1/record/sth", null)).body()).get("bureau").asText();
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("code", code);
        registration.put("name", "衡阳县自然资源局");
        registration.put("publicKeyPem", pem);
        // as keytool -list -v prints it: upper case with colons
        registration.put("certificateSha256", HexFormat.ofDelimiter(":").withUpperCase().formatHex(
                HexFormat.of().parseHex(countyFingerprint)));
        registration.put("issueToken", false);
        JsonNode registered = Json.parse(created(city.send("POST", API + "/admin/counties", "admin",
                Json.write(registration))).body());
        // "token": false — no token issued or registered, the certificate is the only credential
        assertTrue(registered.get("token").isBoolean() && !registered.get("token").asBoolean(), registered.toString());
        JsonNode shown = Json.parse(ok(city.get(API + "/admin/counties/" + code, "admin")).body());
        assertEquals(countyFingerprint, shown.get("certificateSha256").asText(), shown.toString());

        // --- the receiver without a client certificate: 401, over plain HTTP and over HTTPS -----------------------
        String latest = API + "/counties/" + code + "/tree-heads/latest";
        refused(city.get(latest, null), 401, "UNAUTHENTICATED");
        refused(send(anonymousTls, "GET", https + latest), 401, "UNAUTHENTICATED");
        // the county's certificate, from the test: the receiver knows it (no head yet), the stranger's it does not
        refused(send(client(countyTrust, countyKey), "GET", https + latest), 404, "NO_TREE_HEAD");
        refused(send(client(countyTrust, strangerKey), "GET", https + latest), 401, "UNAUTHENTICATED");

        // --- the county channel over mutual TLS, no token ---------------------------------------------------------
        county.admin("config:edit org.zhifa.disclosure", "config:property-set retryBaseSeconds 1",
                "config:property-set retryCapSeconds 3", "config:update");
        county.admin("feature:install zhifa-channel-city");
        county.admin("config:edit org.zhifa.channel.city",
                "config:property-set url " + https + API,
                "config:property-set truststore " + countyTrust.toAbsolutePath(),
                "config:property-set truststorePassword " + PASS,
                "config:property-set keystore " + countyKey.toAbsolutePath(),
                "config:property-set keystorePassword " + PASS,
                "config:update");
        // configuration admin applies the change asynchronously: wait until the channel reports the HTTPS url
        Wait.until("the channel configured for " + https, LIMIT, () -> (https + API).equals(Json.parse(
                county.get("/api/v1/channels/city/status", "leader").body()).path("url").asText()),
                () -> county.get("/api/v1/channels/city/status", "leader").body());

        String title1 = "关于某地块征收的公告（双向TLS）";
        String id1 = publishNotice(title1);
        Wait.until(id1 + " at the city", LIMIT, () -> {
            HttpResponse<String> r = city.get(API + "/admin/items?county=" + code, "admin");
            return r.statusCode() == 200 && r.body().contains(id1);
        }, () -> county.get("/api/v1/disclosure/outbox?channel=city", "leader").body() + "\n" + city.logTail());
        assertTrue(ok(city.get("/city/items/" + code + "/" + id1, null)).body().contains(title1));
        assertEquals("DONE", outboxEntry(id1, "DONE").get("state").asText());
        long accepted = pushHeadNow(code);
        assertTrue(accepted > 0, "tree head accepted: " + accepted);
        assertAllAccepted(code);

        // --- a second county whose certificate the city does not know: refused, nothing stored --------------------
        county.admin("config:edit org.zhifa.channel.city",
                "config:property-set county " + OTHER,
                "config:property-set keystore " + strangerKey.toAbsolutePath(),
                "config:update");
        // applied asynchronously (county and keystore in one update): publish only once the channel runs with it
        Wait.until("the channel configured as " + OTHER, LIMIT, () -> OTHER.equals(Json.parse(
                county.get("/api/v1/channels/city/status", "leader").body()).path("county").asText()),
                () -> county.get("/api/v1/channels/city/status", "leader").body());
        String title2 = "关于某地块征收的公告（未登记证书）";
        String id2 = publishNotice(title2);
        Wait.until(id2 + " FAILED at the county", LIMIT, () -> "FAILED".equals(outboxEntry(id2, null).get("state").asText()),
                () -> county.get("/api/v1/disclosure/outbox?channel=city", "leader").body());
        String error = outboxEntry(id2, "FAILED").get("lastError").asText();
        assertTrue(error.contains("401") && (error.contains("证书") || error.contains("certificate")), error);
        String items = ok(city.get(API + "/admin/items?limit=500", "admin")).body();
        assertFalse(items.contains(id2) || items.contains(title2), items);
        assertFalse(ok(city.get(API + "/admin/counties", "admin")).body().contains(OTHER));
        assertEquals(404, city.get("/city/items/" + OTHER + "/" + id2, null).statusCode());
        assertEquals(404, city.get("/city/items/" + code + "/" + id2, null).statusCode());
        assertFalse(ok(city.get("/city/?county=" + OTHER, null)).body().contains(title2));
        // the stranger's tree heads went nowhere: the registered county holds only its own, all accepted
        assertAllAccepted(code);
        assertEquals(1, Json.parse(ok(city.get(API + "/admin/counties", "admin")).body()).get("counties").size());
    }

    private void assertAllAccepted(String code) {
        JsonNode c = Json.parse(ok(city.get(API + "/admin/counties/" + code, "admin")).body());
        assertTrue(c.get("treeHeads").size() > 0, c.toString());
        for (JsonNode h : c.get("treeHeads")) {
            assertEquals("ACCEPTED", h.get("status").asText(), c.toString());
        }
    }

    // --- the county ----------------------------------------------------------------------------------------------

    /** A notice made by an officer and approved by the leader; its public id. */
    private String publishNotice(String title) {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode notice = Json.parse(created(county.send("POST", "/api/v1/disclosure/items", "officer", Json.write(Map.of(
                "type", "NOTICE", "title", title, "decidedOn", today, "text", "公告正文：" + title)))).body());
        ok(county.send("POST", "/api/v1/disclosure/items/" + notice.get("id").asLong() + "/approve", "leader", "{}"));
        return notice.get("publicId").asText();
    }

    /** The newest entry of the city channel's outbox for the item in that state (null: any state but DONE). */
    private JsonNode outboxEntry(String publicId, String state) {
        JsonNode out = Json.parse(ok(county.get("/api/v1/disclosure/outbox?channel=city&limit=500"
                + (state == null ? "" : "&state=" + state), "leader")).body());
        for (JsonNode e : out.get("items")) {
            if (publicId.equals(e.path("publicId").asText())) {
                return e;
            }
        }
        throw new AssertionError("no outbox entry for " + publicId + " in " + out);
    }

    /** Asks the county channel to push its tree head now; waits until the city accepted one. */
    private long pushHeadNow(String code) {
        long[] size = {0};
        Wait.until("a tree head accepted at the city", LIMIT, () -> {
            county.send("POST", "/api/v1/channels/city/push", "leader", "{}");
            JsonNode c = Json.parse(city.get(API + "/admin/counties/" + code, "admin").body());
            JsonNode h = c.get("latestTreeHead");
            size[0] = h == null || h.isNull() ? 0 : h.get("treeSize").asLong();
            return size[0] > 0;
        }, () -> county.get("/api/v1/channels/city/status", "leader").body());
        return size[0];
    }

    // --- TLS from the test JVM -----------------------------------------------------------------------------------

    private static HttpClient client(Path truststore, Path keystore) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(KeyStore.getInstance(truststore.toFile(), PASS.toCharArray()));
        KeyManagerFactory kmf = null;
        if (keystore != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(KeyStore.getInstance(keystore.toFile(), PASS.toCharArray()), PASS.toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ctx).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static HttpResponse<String> send(HttpClient http, String method, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int status(HttpClient http, String url) {
        try {
            return send(http, "GET", url).statusCode();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    // --- keytool -------------------------------------------------------------------------------------------------

    private static Path keyPair(Path dir, String alias, String dname, boolean server) throws Exception {
        Path file = dir.resolve(alias + ".p12");
        List<String> cmd = new ArrayList<>(List.of(keytool(), "-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", dname, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", PASS, "-keypass", PASS));
        if (server) {
            cmd.addAll(List.of("-ext", "SAN=ip:127.0.0.1"));
        }
        keytool(cmd);
        return file;
    }

    private static Path export(Path dir, Path store, String alias) throws Exception {
        Path cer = dir.resolve(alias + ".cer");
        keytool(List.of(keytool(), "-exportcert", "-alias", alias, "-keystore", store.toString(), "-storepass", PASS,
                "-file", cer.toString()));
        return cer;
    }

    private static void importCert(Path store, String alias, Path cer) throws Exception {
        keytool(List.of(keytool(), "-importcert", "-noprompt", "-alias", alias, "-file", cer.toString(), "-storetype",
                "PKCS12", "-keystore", store.toString(), "-storepass", PASS));
    }

    /** SHA-256 of the DER certificate, lower-case hex. */
    private static String fingerprint(Path cer) throws Exception {
        try (InputStream in = Files.newInputStream(cer)) {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        }
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static void keytool(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool hangs");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + "\n" + out);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static HttpResponse<String> ok(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    private static HttpResponse<String> created(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        return r;
    }
}
