package org.zhifa.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded closed-loop HTTP load on a loopback URL: {@code threads} clients send requests back to
 * back for {@code seconds} after a warm-up of the same load (default 20 s, property
 * {@code zhifa.bench.warmup}: steady state, once the JIT has compiled the path), and the driver prints
 * requests per second and latency.
 * A {@code {offset}} in the URL is replaced by a random offset below {@code maxOffset}, a {@code {page}} by a
 * random page number from 1 to {@code maxOffset} (or the property {@code zhifa.bench.pages}); several URLs
 * separated by {@code |} are requested in random turn (a mix of queries).
 *
 * <pre>java -cp bench/target/classes org.zhifa.bench.LoadDriver URL USER:PASSWORD|- THREADS SECONDS [maxOffset]</pre>
 */
public final class LoadDriver {
    private static final long MAX_REQUESTS = 5_000_000;
    /** Server time of each measured answer that says it ({@code Server-Timing: app;dur=…}), in nanoseconds. */
    private static final ConcurrentLinkedQueue<Long> SERVER = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        String[] urls = args[0].split("\\|");
        for (String url : urls) {
            URI base = URI.create(url.replace("{offset}", "0").replace("{page}", "1"));
            if (!base.getHost().equals("127.0.0.1") && !base.getHost().equals("localhost")) {
                throw new IllegalArgumentException("load is only ever sent to loopback: " + base.getHost());
            }
        }
        String auth = args[1].equals("-") ? null
                : "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        int threads = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int maxOffset = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        run(client, urls, auth, threads, Integer.getInteger("zhifa.bench.warmup", 20), maxOffset, new AtomicLong(),
                new AtomicLong(), new AtomicLong(), new ConcurrentLinkedQueue<>());
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong nanos = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        SERVER.clear();
        long t0 = System.nanoTime();
        run(client, urls, auth, threads, seconds, maxOffset, ok, failed, nanos, latencies);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        double rps = ok.get() / elapsed;
        double meanMs = ok.get() == 0 ? 0 : nanos.get() / 1e6 / ok.get();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("requests=%d failed=%d seconds=%.1f rps=%.1f mean_ms=%.2f p50_ms=%.2f p99_ms=%.2f%n",
                ok.get(), failed.get(), elapsed, rps, meanMs, percentile(sorted, 0.50), percentile(sorted, 0.99));
        if (!SERVER.isEmpty()) {
            long[] server = SERVER.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("server (Server-Timing) p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n", percentile(server, 0.50),
                    percentile(server, 0.99), server[server.length - 1] / 1e6);
        }
        if (failed.get() > 0) {
            System.exit(1);
        }
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
    }

    private static void run(HttpClient client, String[] urls, String auth, int threads, int seconds, int maxOffset,
                            AtomicLong ok, AtomicLong failed, AtomicLong nanos, ConcurrentLinkedQueue<Long> latencies)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(() -> {
                while (System.nanoTime() < end && ok.get() + failed.get() < MAX_REQUESTS) {
                    String url = urls[ThreadLocalRandom.current().nextInt(urls.length)];
                    String u = maxOffset > 0
                            ? url.replace("{offset}", Integer.toString(ThreadLocalRandom.current().nextInt(maxOffset)))
                                    .replace("{page}", Integer.toString(1 + ThreadLocalRandom.current().nextInt(
                                            Integer.getInteger("zhifa.bench.pages", maxOffset))))
                            : url;
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(u)).timeout(Duration.ofSeconds(30));
                    if (auth != null) {
                        b.header("Authorization", auth);
                    }
                    long s = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() == 200) {
                            ok.incrementAndGet();
                            long took = System.nanoTime() - s;
                            nanos.addAndGet(took);
                            latencies.add(took);
                            r.headers().firstValue("Server-Timing").ifPresent(LoadDriver::serverTime);
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
    }

    private static void serverTime(String header) {
        int at = header.indexOf("dur=");
        if (at >= 0) {
            int end = at + 4;
            while (end < header.length() && (Character.isDigit(header.charAt(end)) || header.charAt(end) == '.')) {
                end++;
            }
            SERVER.add((long) (Double.parseDouble(header.substring(at + 4, end)) * 1e6));
        }
    }

    private LoadDriver() {}
}
