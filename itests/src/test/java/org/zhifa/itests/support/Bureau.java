package org.zhifa.itests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A bureau started from the built distribution (the assembly's tar.gz), the way city IT runs it:
 * unpacked into a folder, free loopback ports, offline Maven resolution, {@code bin/karaf server}.
 * One instance serves the whole test run ({@link #shared()}); it is stopped when the JVM exits.
 */
public final class Bureau {
    /** A failed boot is a hang, not an error: give up after this long. */
    public static final Duration BOOT_LIMIT = Duration.ofSeconds(Long.getLong("zhifa.bootLimitSeconds", 180));
    private static final String JAVA_HOME = javaHome();
    private static Bureau shared;

    public final Path home;
    public final int httpPort;
    public final int sshPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private Duration lastBoot;

    private Bureau(Path home) throws IOException {
        this.home = home;
        this.httpPort = freePort();
        this.sshPort = freePort();
        configure(freePort(), freePort());
    }

    /** The bureau shared by all tests of this run, unpacked and booted on first use. */
    public static synchronized Bureau shared() {
        if (shared == null) {
            try {
                Path dist = Paths.get(System.getProperty("zhifa.distribution"));
                Path work = Paths.get(System.getProperty("zhifa.work", "target/it"));
                Bureau b = unpack(dist, work.resolve("bureau"));
                Runtime.getRuntime().addShutdownHook(new Thread(b::kill, "zhifa-bureau-stop"));
                b.start();
                shared = b;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Unpacks a fresh copy of the distribution (any previous copy in {@code dir} is removed). */
    public static Bureau unpack(Path tarGz, Path dir) throws IOException {
        if (!Files.isRegularFile(tarGz)) {
            throw new IllegalStateException("no distribution at " + tarGz + ": build the assembly first");
        }
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        run(dir, List.of("tar", "xzf", tarGz.toAbsolutePath().toString(), "--strip-components=1"), Duration.ofMinutes(2));
        return new Bureau(dir);
    }

    private void configure(int rmiRegistry, int rmiServer) throws IOException {
        Path etc = home.resolve("etc");
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(httpPort));
        set(etc.resolve("org.ops4j.pax.web.cfg"), "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(sshPort));
        set(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(rmiRegistry));
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(rmiServer));
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryHost", "127.0.0.1");
        set(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerHost", "127.0.0.1");
        // offline: everything must come from system/; nothing may be fetched from outside
        set(etc.resolve("org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.repositories", "");
        set(etc.resolve("org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.offline", "true");
    }

    /** Sets one key of a Karaf .cfg file, replacing an existing (possibly commented) line. */
    public static void set(Path cfg, String key, String value) throws IOException {
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.ISO_8859_1))
                : new ArrayList<>();
        List<String> out = new ArrayList<>();
        boolean continuation = false;
        for (String line : lines) {
            String t = line.trim();
            if (continuation) {
                continuation = t.endsWith("\\");
                continue;
            }
            if (t.matches("#?\\s*" + java.util.regex.Pattern.quote(key) + "\\s*[=:].*")) {
                continuation = !t.startsWith("#") && t.endsWith("\\");
                continue;
            }
            out.add(line);
        }
        out.add(key + " = " + value);
        Files.write(cfg, out, StandardCharsets.ISO_8859_1);
    }

    /** Starts {@code bin/karaf server} and waits for /api/v1/health to answer 200. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        long t0 = System.nanoTime();
        try {
            ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("console.log").toFile());
            pb.environment().put("JAVA_HOME", JAVA_HOME);
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Wait.until("bureau healthy at " + url("/api/v1/health"), BOOT_LIMIT, () -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("Karaf exited with " + process.exitValue() + "\n" + logTail());
            }
            return status("/api/v1/health") == 200;
        }, this::logTail);
        lastBoot = Duration.ofNanos(System.nanoTime() - t0);
        // healthy comes first; plug-ins (later start levels) finish starting after it
        Wait.until("every bundle active", BOOT_LIMIT, () -> inactiveBundles().isEmpty(),
                () -> String.join("\n", inactiveBundles()));
    }

    /** Lines of {@code bundle:list} for bundles neither Active nor (fragments) Resolved. */
    public List<String> inactiveBundles() {
        Shell r = client("admin", "admin", "bundle:list -t 0 --no-format");
        if (r.exit() != 0) {
            return List.of("bundle:list failed: " + r.output());
        }
        List<String> inactive = new ArrayList<>();
        for (String line : r.output().split("\\R")) {
            String[] cols = line.split("\t");
            if (cols.length >= 5 && cols[0].trim().matches("\\d+")
                    && !cols[1].trim().equals("Active") && !cols[1].trim().equals("Resolved")) {
                inactive.add(line);
            }
        }
        return inactive;
    }

    /** How long the last {@link #start()} took until healthy. */
    public Duration lastBoot() {
        return lastBoot;
    }

    /** Stops gracefully (SIGTERM) and waits; then starts again on the same data. */
    public synchronized void restart() {
        stop();
        start();
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        terminate(process, Duration.ofSeconds(60));
        process = null;
    }

    /**
     * Crashes the bureau: SIGKILL to the JVM (no shutdown hook, no Derby checkpoint, no flush of anything
     * Karaf buffers), as a power cut would; the start script follows its JVM. {@link #start()} boots the
     * same data again.
     */
    public synchronized void crash() {
        ProcessHandle jvm = ProcessHandle.of(pid()).orElseThrow(() -> new IllegalStateException("no Karaf JVM"));
        if (jvm.pid() == process.pid()) {
            throw new IllegalStateException("the Karaf JVM is not running under " + process.pid());
        }
        jvm.destroyForcibly(); // SIGKILL on Linux
        try {
            jvm.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the Karaf JVM " + jvm.pid() + " survived SIGKILL", e);
        }
        terminate(process, Duration.ofSeconds(10));
        process = null;
    }

    private void kill() {
        Process p = process;
        if (p != null) {
            terminate(p, Duration.ofSeconds(4));
        }
    }

    /**
     * {@code bin/karaf server} runs the JVM as a child of a shell loop: SIGTERM the JVM first (Karaf
     * shuts down cleanly), then the script; whatever is left after the grace period is killed.
     */
    private static void terminate(Process p, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.add(p.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : tree) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        tree.forEach(h -> {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        });
    }

    /** The JVM's process id (the child of the start script). */
    public long pid() {
        return process.descendants().filter(h -> h.info().command().orElse("").endsWith("java"))
                .findFirst().orElse(process.toHandle()).pid();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    // --- HTTP --------------------------------------------------------------------------------

    public HttpResponse<String> send(String method, String path, String user, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        boolean typed = false;
        for (int i = 0; i + 1 < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            b.header("Content-Type", "application/json");
        }
        if (user != null) {
            String password = user.contains(":") ? user.substring(user.indexOf(':') + 1) : user;
            String name = user.contains(":") ? user.substring(0, user.indexOf(':')) : user;
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw bytes (an upload) as a demo user. */
    public HttpResponse<String> sendBytes(String method, String path, String user, byte[] body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(120))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET as a demo user (password = user name, as in the demo assembly), or anonymous when null. */
    public HttpResponse<String> get(String path, String user) {
        return send("GET", path, user, null);
    }

    /** GET of a binary answer (a PDF, a DOCX) as a demo user. */
    public HttpResponse<byte[]> download(String path, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(120)).GET();
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    // --- shell -------------------------------------------------------------------------------

    /** Result of a {@code bin/client -b} run. */
    public record Shell(int exit, String output) {}

    /** Runs shell commands through {@code bin/client -b} as the given demo user. */
    public Shell client(String user, String password, String... commands) {
        List<String> cmd = List.of(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a",
                Integer.toString(sshPort), "-u", user, "-p", password, "-r", "10", "-d", "1", "-b");
        try {
            Path in = Files.createTempFile("zhifa-client", ".txt");
            Files.writeString(in, String.join("\n", commands) + "\n", StandardCharsets.UTF_8);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true)
                    .redirectInput(in.toFile());
            pb.environment().put("JAVA_HOME", JAVA_HOME);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("bin/client did not finish: " + commands[0]);
            }
            Files.deleteIfExists(in);
            return new Shell(p.exitValue(), new String(out, StandardCharsets.UTF_8).replaceAll("\u001B\\[[0-9;]*m", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs commands as the demo administrator and fails unless they succeed. */
    public String admin(String... commands) {
        Shell r = client("admin", "admin", commands);
        if (r.exit() != 0) {
            throw new AssertionError("shell failed (" + r.exit() + "): " + String.join("; ", commands) + "\n" + r.output());
        }
        return r.output();
    }

    public String logTail() {
        Path log = home.resolve("data/log/karaf.log");
        try {
            if (!Files.exists(log)) {
                return "(no karaf.log)";
            }
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(cannot read karaf.log: " + e + ")";
        }
    }

    private static void run(Path dir, List<String> cmd, Duration limit) throws IOException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String javaHome() {
        String env = System.getenv("ZHIFA_JAVA_HOME");
        return env != null ? env : System.getProperty("java.home");
    }
}
