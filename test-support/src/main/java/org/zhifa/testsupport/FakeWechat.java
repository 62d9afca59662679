package org.zhifa.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A WeChat Official Account API on 127.0.0.1 for tests: stable_token, material/add_material (thumb),
 * media/uploadimg, draft/add, freepublish/submit, /get and /delete, with the documented request checks
 * (access token present, valid and not expired; thumb a real JPEG of at most 64 KB; titles of at most 32
 * characters, content under 20 000 characters and 1 MB, at most eight articles, images only from uploadimg)
 * and answers that can be scripted: any errcode for the next call of a path, an HTTP status, the states a
 * publishing job goes through.
 */
public final class FakeWechat implements AutoCloseable {
    public static final String API = "/cgi-bin/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A call as received: path and parsed JSON body (null for uploads). */
    public record Call(String path, JsonNode body, String token) {}

    /** One article as drafted. */
    public record Article(String title, String author, String digest, String content, String thumbMediaId,
                          String sourceUrl) {}

    /** A published message: its articles, and which of them were deleted (1-based). */
    public static final class Published {
        public final String articleId;
        public final String publishId;
        public final List<Article> articles;
        public final Set<Integer> deleted = new HashSet<>();
        public final List<Integer> deleteIndexes = new ArrayList<>();

        Published(String articleId, String publishId, List<Article> articles) {
            this.articleId = articleId;
            this.publishId = publishId;
            this.articles = List.copyOf(articles);
        }

        public boolean allDeleted() {
            return deleted.size() == articles.size();
        }
    }

    private record Job(String publishId, String mediaId, Deque<Integer> statuses, int[] failIdx) {}

    private final String appid;
    private final String secret;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    public final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Instant> tokens = new HashMap<>();
    private final Map<String, Deque<int[]>> scripted = new HashMap<>();
    private final Map<String, byte[]> thumbs = new LinkedHashMap<>();
    private final Set<String> imageUrls = new HashSet<>();
    private final Map<String, List<Article>> drafts = new LinkedHashMap<>();
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final Map<String, Published> published = new LinkedHashMap<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private Deque<Integer> nextStatuses = new ArrayDeque<>(List.of(1, 0));
    private int[] nextFailIdx = new int[0];
    private long expiresIn = 7200;
    private int serial;

    public FakeWechat(String appid, String secret) throws IOException {
        this.appid = appid;
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(API, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The AppSecret this fake expects. */
    public String secret() {
        return secret;
    }

    /** The base URL to configure, e.g. http://127.0.0.1:40123 */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------ scripting

    /** The next call of {@code path} (e.g. {@code draft/add}) answers {@code errcode}. */
    public synchronized FakeWechat failNext(String path, int errcode) {
        scripted.computeIfAbsent(API + path, k -> new ArrayDeque<>()).add(new int[] {errcode, 0});
        return this;
    }

    /** The next call of {@code path} answers with HTTP {@code status} and no JSON. */
    public synchronized FakeWechat httpStatusNext(String path, int status) {
        scripted.computeIfAbsent(API + path, k -> new ArrayDeque<>()).add(new int[] {0, status});
        return this;
    }

    /** The next submitted job reports these publish_status values on successive gets (the last one repeats). */
    public synchronized FakeWechat nextJob(int[] failIdx, int... statuses) {
        nextStatuses = new ArrayDeque<>();
        for (int s : statuses) {
            nextStatuses.add(s);
        }
        nextFailIdx = failIdx.clone();
        return this;
    }

    /** Tokens issued from now on live this many seconds. */
    public synchronized void expiresIn(long seconds) {
        expiresIn = seconds;
    }

    /** Every issued token is expired from now on (42001). */
    public synchronized void expireTokens() {
        tokens.replaceAll((t, until) -> Instant.EPOCH);
    }

    /** Every issued token is unknown from now on (40001). */
    public synchronized void forgetTokens() {
        tokens.clear();
    }

    // ------------------------------------------------------------ what happened

    public synchronized List<Published> published() {
        return List.copyOf(published.values());
    }

    public synchronized Map<String, byte[]> thumbs() {
        return Map.copyOf(thumbs);
    }

    public synchronized int drafts() {
        return drafts.size();
    }

    /** Requests the fake refused because they break a documented rule (not scripted errors). */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    public long count(String path) {
        return calls.stream().filter(c -> c.path().equals(API + path)).count();
    }

    public long forcedTokens() {
        return calls.stream().filter(c -> c.path().equals(API + "stable_token") && c.body() != null
                && c.body().path("force_refresh").asBoolean(false)).count();
    }

    // ------------------------------------------------------------ the API

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            Map<String, String> query = query(x.getRequestURI().getRawQuery());
            byte[] body = x.getRequestBody().readAllBytes();
            if (!"POST".equals(x.getRequestMethod())) {
                reply(x, 405, error(43002, "require POST method"));
                return;
            }
            Object answer;
            synchronized (this) {
                String ct = x.getRequestHeaders().getFirst("Content-Type");
                boolean multipart = ct != null && ct.startsWith("multipart/form-data");
                JsonNode json = multipart ? null : parse(body);
                calls.add(new Call(path, json, query.get("access_token")));
                int[] s = scripted.getOrDefault(path, new ArrayDeque<>()).poll();
                if (s != null && s[1] != 0) {
                    answer = s[1];
                } else if (s != null) {
                    answer = error(s[0], "scripted error" + (s[0] == 40164 ? " invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist" : ""));
                } else if (path.equals(API + "stable_token")) {
                    answer = stableToken(json);
                } else {
                    ObjectNode tokenError = checkToken(query.get("access_token"));
                    if (tokenError != null) {
                        answer = tokenError;
                    } else {
                        answer = switch (path.substring(API.length())) {
                            case "material/add_material" -> addMaterial(query, multipart ? multipart(ct, body) : null);
                            case "media/uploadimg" -> uploadImg(multipart ? multipart(ct, body) : null);
                            case "draft/add" -> draftAdd(json);
                            case "freepublish/submit" -> submit(json);
                            case "freepublish/get" -> get(json);
                            case "freepublish/delete" -> delete(json);
                            default -> error(40066, "invalid url");
                        };
                    }
                }
            }
            if (answer instanceof Integer status) {
                x.sendResponseHeaders(status, -1);
            } else {
                reply(x, 200, (ObjectNode) answer);
            }
        } catch (RuntimeException e) {
            refusals.add("fake failed: " + e);
            throw e;
        }
    }

    private ObjectNode stableToken(JsonNode b) {
        if (b == null || !"client_credential".equals(b.path("grant_type").asText())) {
            return refuse(40002, "invalid grant_type");
        }
        if (!appid.equals(b.path("appid").asText())) {
            return refuse(40013, "invalid appid");
        }
        if (!secret.equals(b.path("secret").asText())) {
            return refuse(40125, "invalid appsecret");
        }
        Instant now = Instant.now();
        String current = tokens.entrySet().stream().filter(e -> e.getValue().isAfter(now)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
        if (current == null || b.path("force_refresh").asBoolean(false)) {
            tokens.clear();
            current = "TOKEN" + (++serial) + "_" + Long.toHexString(System.nanoTime());
            tokens.put(current, now.plusSeconds(expiresIn));
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("access_token", current);
        o.put("expires_in", Math.max(1, java.time.Duration.between(now, tokens.get(current)).toSeconds()));
        return o;
    }

    private ObjectNode checkToken(String token) {
        if (token == null || token.isEmpty()) {
            return error(41001, "access_token missing");
        }
        Instant until = tokens.get(token);
        if (until == null) {
            return error(40001, "invalid credential, access_token is invalid or not latest");
        }
        if (!until.isAfter(Instant.now())) {
            return error(42001, "access_token expired");
        }
        return null;
    }

    private ObjectNode addMaterial(Map<String, String> query, Part media) {
        if (!"thumb".equals(query.get("type"))) {
            return refuse(40004, "invalid media type");
        }
        if (media == null || !"media".equals(media.name)) {
            return refuse(41005, "media data missing");
        }
        if (media.content.length > 64 * 1024) {
            return refuse(40006, "invalid meida size: thumb over 64 KB");
        }
        if (!jpeg(media.content)) {
            return refuse(40005, "invalid file type: thumb must be JPG");
        }
        String id = "THUMB" + (++serial);
        thumbs.put(id, media.content);
        ObjectNode o = JSON.createObjectNode();
        o.put("media_id", id);
        o.put("url", "http://mmbiz.qpic.cn/fake/" + id);
        return o;
    }

    private ObjectNode uploadImg(Part media) {
        if (media == null || !"media".equals(media.name)) {
            return refuse(41005, "media data missing");
        }
        if (media.content.length >= 1024 * 1024) {
            return refuse(40006, "invalid meida size");
        }
        if (!jpeg(media.content) && !png(media.content)) {
            return refuse(40005, "invalid file type");
        }
        String url = "http://mmbiz.qpic.cn/fake/img" + (++serial) + ".png";
        imageUrls.add(url);
        ObjectNode o = JSON.createObjectNode();
        o.put("url", url);
        return o;
    }

    private ObjectNode draftAdd(JsonNode b) {
        JsonNode list = b == null ? null : b.get("articles");
        if (list == null || !list.isArray() || list.isEmpty()) {
            return refuse(44004, "empty content");
        }
        if (list.size() > 8) {
            return refuse(45008, "article size out of limit");
        }
        List<Article> articles = new ArrayList<>();
        for (JsonNode a : list) {
            String title = a.path("title").asText("");
            String content = a.path("content").asText("");
            String thumb = a.path("thumb_media_id").asText("");
            if (title.isEmpty() || title.codePointCount(0, title.length()) > 32) {
                return refuse(45003, "title size out of limit");
            }
            String author = a.path("author").asText("");
            if (author.codePointCount(0, author.length()) > 16) {
                return refuse(45110, "author size out of limit");
            }
            String digest = a.path("digest").asText("");
            if (digest.codePointCount(0, digest.length()) > 128 || list.size() > 1 && !digest.isEmpty()) {
                return refuse(45004, "description size out of limit");
            }
            if (content.isEmpty() || content.length() >= 20000
                    || content.getBytes(StandardCharsets.UTF_8).length >= 1024 * 1024) {
                return refuse(45002, "content size out of limit");
            }
            if (content.toLowerCase(java.util.Locale.ROOT).contains("<script")) {
                return refuse(45002, "script in content");
            }
            java.util.regex.Matcher img = java.util.regex.Pattern.compile("<img[^>]*src=\"([^\"]*)\"").matcher(content);
            while (img.find()) {
                if (!imageUrls.contains(img.group(1))) {
                    return refuse(40007, "image not from uploadimg: " + img.group(1));
                }
            }
            if (!thumbs.containsKey(thumb)) {
                return refuse(40007, "invalid media_id");
            }
            articles.add(new Article(title, author, digest, content, thumb, a.path("content_source_url").asText("")));
        }
        String id = "DRAFT" + (++serial);
        drafts.put(id, articles);
        ObjectNode o = JSON.createObjectNode();
        o.put("media_id", id);
        return o;
    }

    private ObjectNode submit(JsonNode b) {
        String media = b == null ? "" : b.path("media_id").asText("");
        if (!drafts.containsKey(media)) {
            return refuse(40007, "invalid media_id");
        }
        String id = String.valueOf(2247483647L + (++serial));
        jobs.put(id, new Job(id, media, new ArrayDeque<>(nextStatuses), nextFailIdx));
        nextStatuses = new ArrayDeque<>(List.of(1, 0));
        nextFailIdx = new int[0];
        ObjectNode o = error(0, "ok");
        o.put("publish_id", id);
        o.put("msg_data_id", 2247483647L + serial);
        return o;
    }

    private ObjectNode get(JsonNode b) {
        String id = b == null ? "" : b.path("publish_id").asText("");
        Job job = jobs.get(id);
        if (job == null) {
            return refuse(53600, "invalid publish_id");
        }
        int status = job.statuses().size() > 1 ? job.statuses().poll() : job.statuses().peek();
        ObjectNode o = JSON.createObjectNode();
        o.put("publish_id", id);
        o.put("publish_status", status);
        if (status == 0) {
            Published p = published.values().stream().filter(x -> x.publishId.equals(id)).findFirst().orElse(null);
            if (p == null) {
                p = new Published("ARTICLE" + (++serial) + "_" + id, id, drafts.remove(job.mediaId()));
                published.put(p.articleId, p);
            }
            o.put("article_id", p.articleId);
            ObjectNode detail = o.putObject("article_detail");
            detail.put("count", p.articles.size());
            var items = detail.putArray("item");
            for (int i = 1; i <= p.articles.size(); i++) {
                items.addObject().put("idx", i).put("article_url", "https://mp.weixin.qq.com/s/fake" + p.articleId + "_" + i);
            }
        }
        var fail = o.putArray("fail_idx");
        if (status == 2 || status == 4) {
            for (int i : job.failIdx()) {
                fail.add(i);
            }
        }
        return o;
    }

    private ObjectNode delete(JsonNode b) {
        String id = b == null ? "" : b.path("article_id").asText("");
        Published p = published.get(id);
        if (p == null) {
            return refuse(53600, "invalid article_id");
        }
        int index = b.path("index").asInt(0);
        if (index < 0 || index > p.articles.size()) {
            return refuse(53601, "invalid index");
        }
        p.deleteIndexes.add(index);
        if (index == 0) {
            for (int i = 1; i <= p.articles.size(); i++) {
                p.deleted.add(i);
            }
        } else {
            p.deleted.add(index);
        }
        return error(0, "ok");
    }

    // ------------------------------------------------------------ plumbing

    private ObjectNode refuse(int errcode, String errmsg) {
        refusals.add(errcode + " " + errmsg);
        return error(errcode, errmsg);
    }

    private static ObjectNode error(int errcode, String errmsg) {
        ObjectNode o = JSON.createObjectNode();
        o.put("errcode", errcode);
        o.put("errmsg", errmsg + (errcode == 0 ? "" : " rid: fake-" + System.nanoTime()));
        return o;
    }

    private static void reply(HttpExchange x, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json; encoding=utf-8");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw != null) {
            for (String kv : raw.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    m.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return m;
    }

    private record Part(String name, String fileName, String contentType, byte[] content) {}

    /** The first part of a multipart/form-data body. */
    private static Part multipart(String contentType, byte[] body) {
        int b = contentType.indexOf("boundary=");
        if (b < 0) {
            return null;
        }
        String boundary = contentType.substring(b + 9).replace("\"", "").strip();
        byte[] open = ("--" + boundary + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] close = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int start = indexOf(body, open, 0);
        if (start < 0) {
            return null;
        }
        int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
        if (headersEnd < 0) {
            return null;
        }
        String headers = new String(body, start + open.length, headersEnd - start - open.length, StandardCharsets.UTF_8);
        int end = indexOf(body, close, headersEnd + 4);
        if (end < 0) {
            return null;
        }
        byte[] content = java.util.Arrays.copyOfRange(body, headersEnd + 4, end);
        String name = attr(headers, "name");
        String file = attr(headers, "filename");
        String type = headers.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:"))
                .map(l -> l.substring(13).strip()).findFirst().orElse(null);
        return new Part(name, file, type, content);
    }

    private static String attr(String headers, String attr) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[; ]" + attr + "=\"([^\"]*)\"").matcher(headers);
        return m.find() ? m.group(1) : null;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static boolean jpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && readable(b);
    }

    private static boolean png(byte[] b) {
        return b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && readable(b);
    }

    private static boolean readable(byte[] b) {
        try (InputStream in = new ByteArrayInputStream(b)) {
            return ImageIO.read(in) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
