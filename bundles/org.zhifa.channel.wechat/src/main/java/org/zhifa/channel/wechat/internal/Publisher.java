package org.zhifa.channel.wechat.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.PublicItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The channel's work, apart from OSGi: a publication or correction becomes one draft (draft/add, the cover
 * from add_material, inline images from uploadimg) that is submitted (freepublish/submit) and polled
 * (freepublish/get) until WeChat's job ends; a correction then deletes the article of the version it replaces
 * (a published article cannot be edited); a withdrawal deletes the item's article (freepublish/delete).
 * Every step that must not happen twice is remembered in the state file by (public id, version, action).
 */
final class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final Pattern PUBLIC_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern IP = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}|[0-9a-fA-F:]{3,39}:[0-9a-fA-F]{1,4})");
    /** uploadimg takes JPG and PNG under 1 MB. */
    static final int MAX_IMAGE = 1024 * 1024;

    private final WechatApi api;
    private final StateFile state;
    private final String bureauName;
    private final Clock clock;
    private volatile Settings settings;

    Publisher(Settings settings, StateFile state, String bureauName, Clock clock) {
        this.settings = settings;
        this.state = state;
        this.bureauName = bureauName;
        this.clock = clock;
        this.api = new WechatApi(settings, clock);
    }

    void update(Settings s) {
        settings = s;
        api.update(s);
    }

    Settings settings() {
        return settings;
    }

    DeliveryResult deliver(Delivery d) {
        Settings s = settings;
        if (!s.configured()) {
            return DeliveryResult.failed(Texts.both("error.unconfigured", WechatConfig.PID));
        }
        PublicItem item = d.item();
        if (item == null || item.publicId() == null || !PUBLIC_ID.matcher(item.publicId()).matches() || item.version() < 1) {
            return DeliveryResult.failed(Texts.both("error.item", item == null ? "" : String.valueOf(item.publicId())));
        }
        String key = "job." + item.publicId() + "." + item.version() + "." + d.action();
        try {
            return d.action() == Delivery.Action.WITHDRAW ? withdraw(d, key) : publish(d, key, s);
        } catch (WechatApi.ApiException e) {
            return answer(e, s);
        } catch (WechatApi.TransportException e) {
            LOG.info("WeChat channel: {} of {} v{} must wait: {}", d.action(), item.publicId(), item.version(), e.getMessage());
            return DeliveryResult.retry(Texts.both("error.transport", e.getMessage()));
        } catch (Articles.TooLong e) {
            return DeliveryResult.failed(Texts.both("error.tooLong", String.valueOf(e.chars), String.valueOf(Articles.MAX_ARTICLES), String.valueOf(s.contentChars())));
        } catch (IOException e) {
            return DeliveryResult.failed(Texts.both("error.cover", String.valueOf(s.logo()), e.getMessage()));
        }
    }

    // ------------------------------------------------------------ publication and correction

    private DeliveryResult publish(Delivery d, String key, Settings s)
            throws WechatApi.ApiException, WechatApi.TransportException, Articles.TooLong, IOException {
        PublicItem item = d.item();
        Receipt given = Receipt.parse(d.receipt());
        Receipt mine = Receipt.parse(state.get(key));
        if (mine == null && given != null && given.version() == item.version()
                && (given.is(Receipt.PUBLISH) || given.is(Receipt.ARTICLE))) {
            mine = given;
        }
        if (mine != null && mine.is(Receipt.ARTICLE)) {
            return finish(key, mine);
        }
        if (mine != null && mine.is(Receipt.PUBLISH)) {
            return poll(key, mine);
        }
        // the article of the version this one replaces: deleted once the new one is out
        String old = null;
        if (given != null && given.is(Receipt.ARTICLE) && given.version() < item.version()) {
            old = given.id();
        } else if (given != null && given.old() != null) {
            old = given.old();
        }
        String thumb = thumb(s);
        List<String> images = images(item, s);
        List<Articles.Article> articles = Articles.of(item, images, link(item, s), s);
        String media;
        try {
            media = draft(articles, thumb, link(item, s), s);
        } catch (WechatApi.ApiException e) {
            if (e.errcode == 40007) {
                // the cover was deleted in the WeChat admin: upload a new one next time
                forgetThumb(s);
            }
            throw e;
        }
        JsonNode submitted = api.post("/cgi-bin/freepublish/submit", WechatApi.JSON.createObjectNode().put("media_id", media));
        String publishId = submitted.path("publish_id").asText("");
        if (publishId.isEmpty()) {
            throw new WechatApi.TransportException("/cgi-bin/freepublish/submit: no publish_id in the answer", null);
        }
        Receipt job = new Receipt(Receipt.PUBLISH, publishId, item.version(), articles.size(), old);
        state.put(key, job.toString());
        LOG.info("WeChat channel: {} of {} v{} submitted as publish_id {} ({} article(s))", d.action(), item.publicId(),
                item.version(), publishId, articles.size());
        return DeliveryResult.pending(job.toString(), s.poll());
    }

    private String draft(List<Articles.Article> articles, String thumb, String link, Settings s)
            throws WechatApi.ApiException, WechatApi.TransportException {
        ObjectNode body = WechatApi.JSON.createObjectNode();
        ArrayNode list = body.putArray("articles");
        String author = Articles.head(s.author().isEmpty() ? bureauName : s.author(), 16);
        for (Articles.Article a : articles) {
            ObjectNode o = list.addObject();
            o.put("article_type", "news");
            o.put("title", a.title());
            o.put("author", author);
            o.put("digest", a.digest());
            o.put("content", a.content());
            if (link != null) {
                o.put("content_source_url", link);
            }
            o.put("thumb_media_id", thumb);
            o.put("need_open_comment", 0);
            o.put("only_fans_can_comment", 0);
        }
        String media = api.post("/cgi-bin/draft/add", body).path("media_id").asText("");
        if (media.isEmpty()) {
            throw new WechatApi.TransportException("/cgi-bin/draft/add: no media_id in the answer", null);
        }
        return media;
    }

    private DeliveryResult poll(String key, Receipt job) throws WechatApi.ApiException, WechatApi.TransportException {
        JsonNode got = api.post("/cgi-bin/freepublish/get", WechatApi.JSON.createObjectNode().put("publish_id", job.id()));
        int status = got.path("publish_status").asInt(-1);
        switch (status) {
            case 0 -> {
                String article = got.path("article_id").asText("");
                if (article.isEmpty()) {
                    throw new WechatApi.TransportException("/cgi-bin/freepublish/get: status 0 without article_id", null);
                }
                int count = got.path("article_detail").path("count").asInt(job.count());
                Receipt done = new Receipt(Receipt.ARTICLE, article, job.version(), count, job.old());
                state.put(key, done.toString());
                return finish(key, done);
            }
            case 1 -> {
                return DeliveryResult.pending(job.toString(), settings.poll());
            }
            case 2, 3, 4, 5, 6 -> {
                List<String> failIdx = new ArrayList<>();
                got.path("fail_idx").forEach(n -> failIdx.add(n.asText()));
                state.put(key, null);
                Receipt failed = new Receipt(Receipt.FAILED, job.id(), job.version(), job.count(), job.old());
                String idx = failIdx.isEmpty() ? "-" : String.join(",", failIdx);
                return new DeliveryResult(DeliveryResult.State.FAILED, failed.toString(),
                        Texts.both("publish.status." + status, job.id(), idx), null);
            }
            default -> throw new WechatApi.TransportException("/cgi-bin/freepublish/get: unknown publish_status " + status, null);
        }
    }

    /** Published: delete the replaced version's article, if any, then DONE. */
    private DeliveryResult finish(String key, Receipt done) {
        if (done.old() != null) {
            try {
                delete(done.old());
            } catch (WechatApi.ApiException e) {
                DeliveryResult r = answer(e, settings);
                // keep the new article in the receipt: the next attempt only deletes the old one
                return new DeliveryResult(r.state(), done.toString(), Texts.both("error.oldArticle", done.old(), r.message()),
                        r.retryAfter());
            } catch (WechatApi.TransportException e) {
                return new DeliveryResult(DeliveryResult.State.RETRY, done.toString(),
                        Texts.both("error.oldArticle", done.old(), e.getMessage()), null);
            }
            done = done.withOld(null);
            state.put(key, done.toString());
        }
        return DeliveryResult.done(done.toString());
    }

    // ------------------------------------------------------------ withdrawal

    private DeliveryResult withdraw(Delivery d, String key) throws WechatApi.ApiException, WechatApi.TransportException {
        String mine = state.get(key);
        if (mine != null) {
            return DeliveryResult.done(mine);
        }
        Receipt last = Receipt.parse(d.receipt());
        String article = null;
        if (last != null && last.is(Receipt.ARTICLE)) {
            article = last.id();
        } else if (last != null && last.old() != null) {
            article = last.old();
        }
        Receipt gone = new Receipt(Receipt.WITHDRAWN, article == null ? "none" : article, d.item().version(), 0, null);
        if (article != null) {
            delete(article);
            LOG.info("WeChat channel: article {} of {} deleted", article, d.item().publicId());
        }
        state.put(key, gone.toString());
        return DeliveryResult.done(gone.toString());
    }

    /** Deletes every article of the published message: index 0 (each message holds exactly one item). */
    private void delete(String article) throws WechatApi.ApiException, WechatApi.TransportException {
        api.post("/cgi-bin/freepublish/delete", WechatApi.JSON.createObjectNode().put("article_id", article).put("index", 0));
    }

    // ------------------------------------------------------------ media

    private String thumb(Settings s) throws IOException, WechatApi.ApiException, WechatApi.TransportException {
        String key = thumbKey(s);
        String media = state.get(key);
        if (media != null) {
            return media;
        }
        byte[] jpeg = Covers.cover(s.logo(), bureauName, s.fonts(), Texts.of(Locale.ROOT).get("cover.subtitle"));
        media = api.upload("/cgi-bin/material/add_material", "type=thumb", "cover.jpg", "image/jpeg", jpeg)
                .path("media_id").asText("");
        if (media.isEmpty()) {
            throw new WechatApi.TransportException("/cgi-bin/material/add_material: no media_id in the answer", null);
        }
        state.put(key, media);
        LOG.info("WeChat channel: cover thumb uploaded ({} bytes) as media_id {}", jpeg.length, media);
        return media;
    }

    private void forgetThumb(Settings s) {
        try {
            state.put(thumbKey(s), null);
        } catch (IOException | RuntimeException e) {
            LOG.warn("WeChat channel: cannot forget the cover: {}", e.toString());
        }
    }

    private String thumbKey(Settings s) throws IOException {
        String source = s.logo() == null ? "name:" + bureauName : "logo:" + sha256(readLogo(s));
        return "thumb." + sha256((s.baseUrl() + "|" + s.appid() + "|" + source).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readLogo(Settings s) throws IOException {
        if (!Files.isReadable(s.logo())) {
            throw new IOException("not readable");
        }
        return Files.readAllBytes(s.logo());
    }

    private List<String> images(PublicItem item, Settings s) throws WechatApi.ApiException, WechatApi.TransportException {
        List<String> urls = new ArrayList<>();
        for (Attachment a : item.attachments()) {
            String type = a.mediaType() == null ? "" : a.mediaType().toLowerCase(Locale.ROOT);
            if (!type.equals("image/png") && !type.equals("image/jpeg")) {
                continue;
            }
            byte[] bytes = a.content();
            if (bytes.length >= MAX_IMAGE) {
                LOG.info("WeChat channel: image {} of {} is {} bytes, over uploadimg's 1 MB: left to the site",
                        a.name(), item.publicId(), bytes.length);
                continue;
            }
            String key = "img." + sha256((s.baseUrl() + "|" + s.appid() + "|").getBytes(StandardCharsets.UTF_8), bytes);
            String url = state.get(key);
            if (url == null) {
                url = api.upload("/cgi-bin/media/uploadimg", "", a.name(), type, bytes).path("url").asText("");
                if (url.isEmpty()) {
                    throw new WechatApi.TransportException("/cgi-bin/media/uploadimg: no url in the answer", null);
                }
                state.put(key, url);
            }
            urls.add(url);
        }
        return urls;
    }

    private static String link(PublicItem item, Settings s) {
        if (s.siteUrl().isEmpty() || item.type() == null) {
            return null;
        }
        String section = switch (item.type()) {
            case DECISION -> "decisions";
            case NOTICE -> "notices";
            case CATALOGUE -> "catalogues";
        };
        return s.siteUrl() + "/gongshi/" + section + "/" + item.publicId();
    }

    // ------------------------------------------------------------ errors

    /** What an errcode means for the outbox. */
    DeliveryResult answer(WechatApi.ApiException e, Settings s) {
        return switch (e.errcode) {
            case 45009 -> {
                Duration wait = untilQuotaReset(s);
                yield DeliveryResult.retryAfter(Texts.both("error.quota", e.call, ZonedDateTime.now(clock.withZone(s.quotaZone()))
                        .plus(wait).toLocalDateTime().withSecond(0).withNano(0).toString(), s.quotaZone().getId()), wait);
            }
            case 48001 -> DeliveryResult.failed(Texts.both("error.unauthorized", e.call, e.errmsg));
            case 40164 -> DeliveryResult.failed(Texts.both("error.ip", ip(e.errmsg), e.errmsg));
            case 40013, 40125 -> DeliveryResult.failed(Texts.both("error.credentials", String.valueOf(e.errcode), e.errmsg, WechatConfig.PID));
            default -> DeliveryResult.retry(Texts.both("error.api", e.call, String.valueOf(e.errcode), e.errmsg));
        };
    }

    /** WeChat's daily quotas reset at midnight (Beijing time): wait until a minute after. */
    Duration untilQuotaReset(Settings s) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(s.quotaZone()));
        ZonedDateTime reset = now.toLocalDate().plusDays(1).atStartOfDay(s.quotaZone()).plusMinutes(1);
        return Duration.between(now, reset);
    }

    static String ip(String errmsg) {
        Matcher m = IP.matcher(errmsg == null ? "" : errmsg);
        return m.find() ? m.group(1) : "?";
    }

    static String sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
