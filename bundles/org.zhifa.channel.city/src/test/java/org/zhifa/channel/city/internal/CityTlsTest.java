package org.zhifa.channel.city.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.testsupport.Configs;

/**
 * HTTPS to a city with a self-signed certificate in the county's truststore, and mutual TLS with a
 * client certificate whose fingerprint the city registered. Keys and certificates are made by the JDK's
 * keytool in a temporary directory.
 */
class CityTlsTest {
    static final String PASS = "changeit";
    static final String COUNTY = CityPusherTest.COUNTY;

    @TempDir
    static Path dir;
    static Path serverKeys;
    static Path countyTrust;
    static Path clientKeys;
    static Path otherClientKeys;
    static Path cityTrust;
    static String clientFingerprint;

    FakeCity city;

    @BeforeAll
    static void certificates() throws Exception {
        serverKeys = keypair("city", "CN=127.0.0.1, O=City", true);
        clientKeys = keypair("county", "CN=430421, O=County", false);
        otherClientKeys = keypair("other", "CN=430422, O=Other county", false);
        countyTrust = dir.resolve("county-trust.p12");
        importCert(exportCert(serverKeys, "city"), "city", countyTrust);
        cityTrust = dir.resolve("city-trust.p12");
        importCert(exportCert(clientKeys, "county"), "county", cityTrust);
        importCert(exportCert(otherClientKeys, "other"), "other", cityTrust);
        KeyStore ks = KeyStore.getInstance(clientKeys.toFile(), PASS.toCharArray());
        clientFingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(ks.getCertificate("county").getEncoded()));
    }

    @AfterEach
    void stop() {
        if (city != null) {
            city.close();
        }
    }

    static Path keypair(String alias, String dname, boolean server) throws Exception {
        Path file = dir.resolve(alias + ".p12");
        List<String> cmd = new ArrayList<>(List.of(keytool(), "-genkeypair", "-alias", alias, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", dname, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", PASS, "-keypass", PASS));
        if (server) {
            cmd.addAll(List.of("-ext", "SAN=ip:127.0.0.1"));
        }
        run(cmd);
        return file;
    }

    static Path exportCert(Path store, String alias) throws Exception {
        Path cer = dir.resolve(alias + ".cer");
        run(List.of(keytool(), "-exportcert", "-alias", alias, "-keystore", store.toString(), "-storepass", PASS,
                "-file", cer.toString()));
        return cer;
    }

    static void importCert(Path cer, String alias, Path store) throws Exception {
        run(List.of(keytool(), "-importcert", "-noprompt", "-alias", alias, "-file", cer.toString(), "-storetype",
                "PKCS12", "-keystore", store.toString(), "-storepass", PASS));
    }

    static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool hangs");
        assertEquals(0, p.exitValue(), out);
    }

    static SSLContext cityTls() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(KeyStore.getInstance(serverKeys.toFile(), PASS.toCharArray()), PASS.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(KeyStore.getInstance(cityTrust.toFile(), PASS.toCharArray()));
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    CityPusher pusher(Map<String, Object> config) throws Exception {
        MemoryLog log = new MemoryLog(COUNTY);
        CityPusher p = new CityPusher(CityPusherTest.BUREAU, log, () -> null, () -> null, Clock.systemUTC());
        Map<String, Object> m = new HashMap<>(Map.of("url", city.url(), "connectTimeoutSeconds", 5, "readTimeoutSeconds", 10));
        m.putAll(config);
        p.configure(Settings.of(Configs.of(CityConfig.class, m), COUNTY));
        return p;
    }

    static DeliveryResult publish(CityPusher p) {
        PublicItem item = new PublicItem("tls1", 1, ItemType.NOTICE, null, null, "公告", null, null,
                LocalDate.of(2026, 11, 26), Instant.parse("2026-11-26T08:00:00Z"), null, "公告全文", null, List.of(),
                null, null, null);
        return p.deliver(new Delivery(1, Delivery.Action.PUBLISH, item, 1, null));
    }

    @Test
    void httpsToACityWhoseCertificateIsInTheTruststore() throws Exception {
        city = FakeCity.https(COUNTY, cityTls(), false);
        city.token = "tok";
        assertTrue(city.url().startsWith("https://127.0.0.1:"));
        DeliveryResult r = publish(pusher(Map.of("token", "tok", "truststore", countyTrust.toString(),
                "truststorePassword", PASS)));
        assertEquals(DeliveryResult.State.DONE, r.state(), r.message());
        assertTrue(city.items.containsKey("tls1/1"));
    }

    @Test
    void aCityCertificateTheCountyDoesNotTrustIsAFailureAboutTheTruststore() throws Exception {
        city = FakeCity.https(COUNTY, cityTls(), false);
        city.token = "tok";
        DeliveryResult r = publish(pusher(Map.of("token", "tok")));
        assertEquals(DeliveryResult.State.FAILED, r.state());
        assertTrue(r.message().contains("truststore") && r.message().contains("TLS"), r.message());
        assertTrue(city.seen.isEmpty());
    }

    @Test
    void mutualTlsWithTheRegisteredClientCertificateAndNoToken() throws Exception {
        city = FakeCity.https(COUNTY, cityTls(), true);
        city.clientFingerprint = clientFingerprint;
        DeliveryResult r = publish(pusher(Map.of("truststore", countyTrust.toString(), "truststorePassword", PASS,
                "keystore", clientKeys.toString(), "keystorePassword", PASS)));
        assertEquals(DeliveryResult.State.DONE, r.state(), r.message());
        assertNull(city.seen.get(0).authorization(), "no token configured, none sent");
    }

    @Test
    void anUnregisteredClientCertificateIsRefused() throws Exception {
        city = FakeCity.https(COUNTY, cityTls(), true);
        city.clientFingerprint = clientFingerprint;
        DeliveryResult r = publish(pusher(Map.of("truststore", countyTrust.toString(), "truststorePassword", PASS,
                "keystore", otherClientKeys.toString(), "keystorePassword", PASS)));
        assertEquals(DeliveryResult.State.FAILED, r.state());
        assertTrue(r.message().contains("401"), r.message());
        assertTrue(city.items.isEmpty());
    }

    @Test
    void withoutAClientCertificateNothingIsStored() throws Exception {
        city = FakeCity.https(COUNTY, cityTls(), true);
        city.clientFingerprint = clientFingerprint;
        DeliveryResult r = publish(pusher(Map.of("truststore", countyTrust.toString(), "truststorePassword", PASS)));
        assertNotEquals(DeliveryResult.State.DONE, r.state());
        assertTrue(city.items.isEmpty());
    }

    @Test
    void aTruststoreThatCannotBeReadIsAConfigurationFailure() throws Exception {
        city = FakeCity.https(COUNTY, cityTls(), false);
        DeliveryResult wrongPassword = publish(pusher(Map.of("truststore", countyTrust.toString(),
                "truststorePassword", "wrong")));
        assertEquals(DeliveryResult.State.FAILED, wrongPassword.state());
        assertTrue(wrongPassword.message().contains(countyTrust.toString()), wrongPassword.message());
        Path missing = dir.resolve("missing.p12");
        assertTrue(Files.notExists(missing));
        DeliveryResult none = publish(pusher(Map.of("truststore", missing.toString())));
        assertEquals(DeliveryResult.State.FAILED, none.state());
        assertTrue(none.message().contains("missing.p12"), none.message());
        assertTrue(city.seen.isEmpty());
    }
}
