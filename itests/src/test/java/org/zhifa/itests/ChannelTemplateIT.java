package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.Json;
import org.zhifa.itests.support.Wait;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * The channel template end to end (issue 7, P1): {@code ./zhifa new-channel} generates a webhook channel,
 * Maven builds it offline, the running bureau hot-installs its feature, a notice published through disclosure
 * reaches a webhook (a local HTTP server in this JVM) signed with HMAC-SHA256 and redacted; then the feature
 * and its repository are removed again. Also the generator's refusals.
 */
class ChannelTemplateIT {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Duration BUILD_LIMIT = Duration.ofMinutes(6);
    private static final String ID = "it-hook";
    /** The configuration PID: the package name, since Karaf reads etc/a-b.cfg as factory configuration a. */
    private static final String PID = "org.zhifa.channel.it_hook";
    private static final String NAME = "集成测试推送";
    private static final String SECRET = "it-secret-密钥-42";

    private final Bureau bureau = Bureau.shared();
    private final Path root = zhifaRoot();
    private final Path work = Path.of(System.getProperty("zhifa.work", "target/it"), "channel-template").toAbsolutePath();

    /** One webhook call as the receiver saw it. */
    private record Hook(long at, byte[] body, String signature, String key, int answered) {
        JsonNode json() {
            return Json.parse(new String(body, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theGeneratorRefusesBadIdsNamesAndExistingFolders() throws Exception {
        clean(work.resolve("refusals"));
        Path dir = work.resolve("refusals");
        for (String bad : List.of("Bad", "x", "1hook", "hook_1", "ho ok", "../evil", "a".repeat(32), "hook-", "class",
                "website")) {
            Run r = run(List.of(zhifa(), "new-channel", bad, "--dir", dir.resolve("out").toString()), Duration.ofSeconds(30));
            assertNotEquals(0, r.exit(), bad + ": " + r.output());
            assertTrue(r.output().contains("zhifa new-channel:") || r.output().contains("usage:"), r.output());
            assertFalse(Files.exists(dir.resolve("out")), bad + " wrote something");
        }
        Run markup = run(List.of(zhifa(), "new-channel", "ok-hook", "--name", "<script>alert(1)</script>", "--dir",
                dir.resolve("out").toString()), Duration.ofSeconds(30));
        assertNotEquals(0, markup.exit(), markup.output());
        assertTrue(markup.output().contains("invalid --name"), markup.output());
        assertFalse(Files.exists(dir.resolve("out")));
        Run none = run(List.of(zhifa(), "new-channel"), Duration.ofSeconds(30));
        assertNotEquals(0, none.exit());
        assertTrue(none.output().contains("usage:"), none.output());

        // an existing folder is never touched
        Path existing = Files.createDirectories(dir.resolve("existing"));
        Files.writeString(existing.resolve("mine.txt"), "keep me");
        Run taken = run(List.of(zhifa(), "new-channel", "ok-hook", "--dir", existing.toString()), Duration.ofSeconds(30));
        assertNotEquals(0, taken.exit(), taken.output());
        assertTrue(taken.output().contains("already exists"), taken.output());
        try (Stream<Path> s = Files.list(existing)) {
            assertEquals(List.of(existing.resolve("mine.txt")), s.toList());
        }
        assertEquals("keep me", Files.readString(existing.resolve("mine.txt")));
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(existing), s.toList(), "no temporary folder left behind");
        }
    }

    @Test
    void aGeneratedChannelIsBuiltInstalledFedAndRemoved() throws Exception {
        clean(work.resolve(ID));
        Path project = work.resolve(ID).resolve("org.zhifa.channel." + ID);
        Run gen = run(List.of(zhifa(), "new-channel", ID, "--name", NAME, "--dir", project.toString()), Duration.ofSeconds(30));
        assertEquals(0, gen.exit(), gen.output());
        assertTrue(Files.isRegularFile(project.resolve("src/main/java/org/zhifa/channel/it_hook/internal/ItHookChannel.java")),
                gen.output());

        // the generated project builds offline, its own unit test included
        String version = projectVersion();
        installParentAndApi(version);
        Run build = run(project, List.of("mvn", "-B", "-o", "-q", "-Dstyle.color=never", "package"), BUILD_LIMIT);
        assertEquals(0, build.exit(), build.output());
        String artifact = "org.zhifa.channel." + ID;
        Path jar = project.resolve("target/" + artifact + "-" + version + ".jar");
        Path sample = project.resolve("etc/" + PID + ".cfg");
        assertTrue(Files.isRegularFile(sample), "the generated project ships its sample configuration");
        Path features = project.resolve("target/feature/feature.xml");
        assertTrue(Files.isRegularFile(jar) && Files.isRegularFile(features), build.output());
        assertTrue(Files.readString(project.resolve("target/surefire-reports/org.zhifa.channel.it_hook.internal.ItHookChannelTest.txt"))
                .contains("Failures: 0, Errors: 0"));

        // an offline bureau resolves mvn: URLs from its system/ folder: put both there, as an assembly would
        Path repo = bureau.home.resolve("system/org/zhifa/" + artifact + "/" + version);
        Files.createDirectories(repo);
        Files.copy(jar, repo.resolve(artifact + "-" + version + ".jar"));
        Files.copy(features, repo.resolve(artifact + "-" + version + "-features.xml"));
        String repoUrl = "mvn:org.zhifa/" + artifact + "/" + version + "/xml/features";
        Path cfg = bureau.home.resolve("etc/" + PID + ".cfg");

        List<Hook> hooks = new CopyOnWriteArrayList<>();
        AtomicBoolean busyOnce = new AtomicBoolean(true);
        String[] busyFor = {null};
        String[] refuseFor = {null};
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            String publicId = Json.parse(new String(body, StandardCharsets.UTF_8)).path("item").path("publicId").asText();
            int status = 200;
            String answer = "{\"receipt\":\"hook-" + publicId + "\"}";
            if (publicId.equals(refuseFor[0])) {
                status = 400;
                answer = "{\"error\":\"unknown category 推送类别\"}";
            } else if (publicId.equals(busyFor[0]) && busyOnce.getAndSet(false)) {
                status = 503;
                answer = "busy";
                ex.getResponseHeaders().add("Retry-After", "1");
            }
            hooks.add(new Hook(System.nanoTime(), body, ex.getRequestHeaders().getFirst("X-Zhifa-Signature"),
                    ex.getRequestHeaders().getFirst("Idempotency-Key"), status));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, out.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(out);
            }
        });
        server.start();
        try {
            bureau.admin("feature:repo-add " + repoUrl);
            bureau.admin("feature:install zhifa-channel-" + ID);
            Wait.until("the channel's bundle is active", LIMIT, () -> bureau.admin("bundle:list -s --no-format")
                    .lines().anyMatch(l -> l.contains(artifact) && l.contains("Active")));
            // without its configuration the channel stays away: nothing is queued for a webhook nobody set up
            assertEquals(null, channel(), "no channel before etc/" + PID + ".cfg exists");

            // as the walkthrough says: the generated sample into the bureau's etc/, url and secret set
            String cfgText = Files.readString(sample, StandardCharsets.ISO_8859_1)
                    .replaceAll("(?m)^url = .*$", "url = http://127.0.0.1:" + server.getAddress().getPort() + "/hook")
                    .replaceAll("(?m)^secret = .*$", "secret = " + SECRET);
            Path tmpCfg = bureau.home.resolve(PID + ".cfg.tmp"); // moved in whole: file install never reads half a file
            Files.writeString(tmpCfg, cfgText.replace("密钥", "\\u5bc6\\u94a5"), StandardCharsets.ISO_8859_1);
            Files.move(tmpCfg, cfg, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Wait.until("the channel is known to the outbox", LIMIT, () -> channel() != null,
                    () -> bureau.get("/api/v1/disclosure/channels", "officer").body() + "\n" + bureau.logTail());
            assertEquals(NAME, channel().get("titleZh").asText(), "the --name is the channel's title");
            assertEquals(ID + " (webhook)", channel().get("titleEn").asText());
            // catch-up: whatever the bureau published before (the demo decision at least) arrives
            Wait.until("the catch-up is delivered", LIMIT, () -> channel().get("waiting").asLong() == 0
                    && channel().get("done").asLong() > 0, () -> channel() + "\n" + bureau.logTail());

            // a notice, published with a mask: the webhook receives it signed and redacted (after one 503)
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            JsonNode notice = Json.parse(bureau.send("POST", "/api/v1/disclosure/items", "officer", Json.write(Map.of(
                    "type", "NOTICE", "title", "<script>alert(1)</script>关于推送测试地块的公告", "decidedOn", today,
                    "text", "推送测试公告正文，联系人钱秘书，电话 13907349876"))).body());
            String publicId = notice.path("publicId").asText();
            assertFalse(publicId.isBlank(), notice.toString());
            busyFor[0] = publicId;
            HttpResponse<String> approved = bureau.send("POST", "/api/v1/disclosure/items/" + notice.get("id").asLong()
                    + "/approve", "leader", "{\"extraMasks\":[\"钱秘书\"]}");
            assertEquals(200, approved.statusCode(), approved.body());
            Wait.until("the webhook accepts " + publicId, LIMIT, () -> hooks.stream()
                    .anyMatch(h -> h.answered() == 200 && publicId.equals(h.json().path("item").path("publicId").asText())),
                    () -> bureau.get("/api/v1/disclosure/outbox?channel=" + ID, "officer").body());
            List<Hook> mine = hooks.stream().filter(h -> publicId.equals(h.json().path("item").path("publicId").asText())).toList();
            assertEquals(2, mine.size(), "one 503, then the retry");
            assertEquals(503, mine.get(0).answered());
            assertTrue(mine.get(1).at() - mine.get(0).at() >= TimeUnit.MILLISECONDS.toNanos(900),
                    "Retry-After: 1 is waited for");
            for (Hook h : mine) {
                assertEquals("sha256=" + hmac(SECRET, h.body()), h.signature(), "a valid HMAC-SHA256 over the body");
                assertEquals(publicId + "-v1-PUBLISH", h.key());
            }
            JsonNode sent = mine.get(1).json();
            assertEquals("PUBLISH", sent.get("action").asText());
            assertEquals(2, sent.get("attempt").asInt());
            String text = sent.get("item").get("text").asText();
            assertTrue(text.contains("推送测试公告正文"), text);
            assertFalse(text.contains("钱秘书"), "the approver's mask reached the webhook: " + text);
            assertEquals("<script>alert(1)</script>关于推送测试地块的公告", sent.get("item").get("title").asText());
            String raw = new String(mine.get(1).body(), StandardCharsets.UTF_8);
            assertFalse(raw.contains("<script>"), "markup travels escaped: " + raw);
            assertFalse(raw.contains("\"pdf\""), "no PDF unless includePdf");
            JsonNode done = entry(publicId);
            assertEquals("hook-" + publicId, done.get("receipt").asText(), done.toString());
            assertEquals(2, done.get("attempts").asInt(), done.toString());

            // a refusal is FAILED: an alarm with what the webhook said, in both languages, until a manual retry
            JsonNode second = Json.parse(bureau.send("POST", "/api/v1/disclosure/items", "officer", Json.write(Map.of(
                    "type", "NOTICE", "title", "关于推送测试的第二份公告", "decidedOn", today, "text", "第二份公告正文"))).body());
            String secondId = second.path("publicId").asText();
            refuseFor[0] = secondId;
            assertEquals(200, bureau.send("POST", "/api/v1/disclosure/items/" + second.get("id").asLong() + "/approve",
                    "leader", "{}").statusCode());
            Wait.until("the refusal raises an alarm", LIMIT, () -> {
                JsonNode e = open(secondId);
                return e != null && "FAILED".equals(e.get("state").asText());
            }, () -> bureau.get("/api/v1/disclosure/outbox?channel=" + ID, "officer").body());
            JsonNode failed = open(secondId);
            assertTrue(failed.get("alarm").asBoolean(), failed.toString());
            String error = failed.get("lastError").asText();
            assertTrue(error.contains("Webhook 拒绝了投递（HTTP 400）") && error.contains("unknown category 推送类别")
                    && error.contains("The webhook refused the delivery (HTTP 400)"), error);
            assertTrue(channel().get("alarm").asBoolean(), channel().toString());
            refuseFor[0] = null; // the receiver is fixed: a manual retry delivers it
            assertEquals(200, bureau.send("POST", "/api/v1/disclosure/outbox/" + failed.get("id").asLong() + "/retry",
                    "leader", "{}").statusCode());
            Wait.until("the retried entry is delivered", LIMIT, () -> open(secondId) == null);
            assertEquals("hook-" + secondId, entry(secondId).get("receipt").asText());
        } finally {
            // leave the bureau as it was, even after a failure above (whose error must not be hidden)
            server.stop(0);
            bureau.client("admin", "admin", "feature:uninstall zhifa-channel-" + ID);
            bureau.client("admin", "admin", "feature:repo-remove " + repoUrl);
            Files.deleteIfExists(cfg);
            bureau.client("admin", "admin", "config:delete " + PID);
            Files.deleteIfExists(repo.resolve(artifact + "-" + version + ".jar"));
            Files.deleteIfExists(repo.resolve(artifact + "-" + version + "-features.xml"));
        }
        Wait.until("the channel is gone", LIMIT, () -> channel() == null);
        assertFalse(bureau.admin("bundle:list -s --no-format").contains(artifact));
        assertFalse(bureau.admin("feature:list --no-format").contains("zhifa-channel-" + ID));
        assertFalse(bureau.admin("feature:repo-list --no-format").contains(artifact));
        Wait.until("the configuration is gone", LIMIT, () -> !bureau.admin("config:list \"(service.pid=" + PID + ")\"")
                .contains(PID));
    }

    // ------------------------------------------------------------------------------------------

    /** The channel's status when installed, else null. */
    private JsonNode channel() {
        HttpResponse<String> r = bureau.get("/api/v1/disclosure/channels", "officer");
        assertEquals(200, r.statusCode(), r.body());
        for (JsonNode c : Json.parse(r.body()).get("items")) {
            if (ID.equals(c.get("id").asText()) && c.get("installed").asBoolean()) {
                return c;
            }
        }
        return null;
    }

    /** The item's open (not DONE) outbox entry on this channel, or null. */
    private JsonNode open(String publicId) {
        JsonNode page = Json.parse(bureau.get("/api/v1/disclosure/outbox?channel=" + ID + "&limit=100", "officer").body());
        for (JsonNode e : page.get("items")) {
            if (publicId.equals(e.get("publicId").asText()) && !"DONE".equals(e.get("state").asText())) {
                return e;
            }
        }
        return null;
    }

    /** The DONE outbox entry of the item on this channel. */
    private JsonNode entry(String publicId) {
        JsonNode page = Json.parse(bureau.get("/api/v1/disclosure/outbox?state=DONE&channel=" + ID + "&limit=100", "officer").body());
        for (JsonNode e : page.get("items")) {
            if (publicId.equals(e.get("publicId").asText())) {
                return e;
            }
        }
        throw new AssertionError("no DONE entry for " + publicId + ": " + page);
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private record Run(int exit, String output) {}

    private Run run(List<String> cmd, Duration limit) throws Exception {
        return run(root, cmd, limit);
    }

    /** Runs a command with a deadline (a nested Maven build is the slow one); output kept for the message. */
    private Run run(Path dir, List<String> cmd, Duration limit) throws Exception {
        Files.createDirectories(work);
        Path out = Files.createTempFile(work, "run", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put("JAVA_HOME", System.getenv().getOrDefault("ZHIFA_JAVA_HOME", System.getProperty("java.home")));
        Process p = pb.start();
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in " + limit.toSeconds() + " s:\n"
                    + Files.readString(out));
        }
        String text = Files.readString(out);
        Files.delete(out);
        return new Run(p.exitValue(), text);
    }

    /**
     * The generated project takes the zhifa parent and org.zhifa.api from the local repository, where
     * {@code mvn install} of zhifa puts them; {@code ./zhifa test} only runs {@code verify}, so on a fresh
     * machine they are installed here from this checkout first.
     */
    private void installParentAndApi(String version) throws Exception {
        Path local = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "zhifa");
        if (Files.isRegularFile(local.resolve("zhifa-parent/" + version + "/zhifa-parent-" + version + ".pom"))
                && Files.isRegularFile(local.resolve("org.zhifa.api/" + version + "/org.zhifa.api-" + version + ".jar"))) {
            return;
        }
        // Not offline: `verify` never needed maven-install-plugin, so a fresh machine fetches it from Maven Central.
        Run parent = run(root, List.of("mvn", "-B", "-q", "-N", "install"), BUILD_LIMIT);
        assertEquals(0, parent.exit(), parent.output());
        Run api = run(root.resolve("bundles/org.zhifa.api"), List.of("mvn", "-B", "-q", "-DskipTests", "install"), BUILD_LIMIT);
        assertEquals(0, api.exit(), api.output());
    }

    private String zhifa() {
        return root.resolve("zhifa").toString();
    }

    private String projectVersion() throws IOException {
        String pom = Files.readString(root.resolve("pom.xml"));
        return pom.replaceAll("(?s).*?<artifactId>zhifa-parent</artifactId>\\s*<version>([^<]+)</version>.*", "$1");
    }

    private static Path zhifaRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("templates/new-channel.sh"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no zhifa checkout above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    private static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
    }
}
