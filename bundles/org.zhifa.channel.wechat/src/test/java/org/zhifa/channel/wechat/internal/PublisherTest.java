package org.zhifa.channel.wechat.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.Delivery;
import org.zhifa.api.disclosure.DeliveryResult;
import org.zhifa.api.disclosure.DeliveryResult.State;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.WithdrawalGround;
import org.zhifa.testsupport.FakeWechat;

/** The channel against a fake WeChat API on 127.0.0.1 that checks requests as documented and answers error codes. */
class PublisherTest {
    private static final String CASE = "衡国土资罚〔2026〕12号";

    @TempDir
    Path dir;
    private FakeWechat wechat;
    private Publisher publisher;
    private Clock clock = Clock.systemUTC();

    @BeforeEach
    void start() throws IOException {
        wechat = new FakeWechat("wx0123456789abcdef", "s3cret-value");
        publisher = publisher(settings(20000, 1048576));
    }

    @AfterEach
    void stop() {
        wechat.close();
    }

    private Publisher publisher(Settings s) {
        return new Publisher(s, new StateFile(dir.resolve("state.properties")), "衡阳县自然资源局", clock);
    }

    private Settings settings(int chars, int bytes) {
        return new Settings(wechat.baseUrl(), "wx0123456789abcdef", "s3cret-value", "", null, "https://gongshi.example.gov.cn",
                Duration.ofSeconds(60), chars, bytes, 32, 120, ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(10),
                List.of(Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")));
    }

    static PublicItem item(String publicId, int version, String title, String text, List<Attachment> files) {
        return new PublicItem(publicId, version, ItemType.DECISION, "penalty", "行政处罚", title, CASE, "韩某某",
                LocalDate.of(2026, 3, 10), Instant.parse("2026-03-10T02:00:00Z"), null, text, null, files, null, null, null);
    }

    static PublicItem withdrawn(PublicItem i) {
        return new PublicItem(i.publicId(), i.version(), i.type(), i.kind(), i.kindTitleZh(), i.title(), i.caseNumber(),
                i.partyName(), i.decidedOn(), i.publishedAt(), null, i.text(), null, List.of(),
                Instant.parse("2026-03-12T02:00:00Z"), WithdrawalGround.REVOKED, "复议撤销");
    }

    /** Delivers like the outbox: again with the receipt while PENDING, until a final answer. */
    private DeliveryResult untilFinal(Delivery.Action action, PublicItem item, String receipt) {
        DeliveryResult r;
        int attempt = 1;
        do {
            r = publisher.deliver(new Delivery(7, action, item, attempt++, receipt));
            if (r.receipt() != null) {
                receipt = r.receipt();
            }
        } while (r.state() == State.PENDING && attempt < 10);
        return r;
    }

    @Test
    void aDecisionGoesDraftSubmitPollDoneAndAWithdrawalDeletesIt() throws IOException {
        PublicItem item = item("Pub0001", 1, "韩某某未经批准占用耕地建房案", "当事人韩某某未经批准占用耕地建房。\n罚款 6000 元。", List.of());
        DeliveryResult first = publisher.deliver(new Delivery(7, Delivery.Action.PUBLISH, item, 1, null));
        assertEquals(State.PENDING, first.state(), String.valueOf(first));
        assertTrue(first.receipt().startsWith("publish:"), first.receipt());
        assertEquals(Duration.ofSeconds(60), first.retryAfter());
        DeliveryResult second = publisher.deliver(new Delivery(7, Delivery.Action.PUBLISH, item, 2, first.receipt()));
        assertEquals(State.PENDING, second.state(), "发布中 (1) stays PENDING");
        DeliveryResult done = publisher.deliver(new Delivery(7, Delivery.Action.PUBLISH, item, 3, second.receipt()));
        assertEquals(State.DONE, done.state(), String.valueOf(done));
        assertTrue(done.receipt().startsWith("article:"), done.receipt());
        assertEquals(1, wechat.count("freepublish/submit"), "submitted once");

        FakeWechat.Published p = wechat.published().get(0);
        assertEquals(1, p.articles.size());
        FakeWechat.Article a = p.articles.get(0);
        assertEquals("韩某某未经批准占用耕地建房案", a.title());
        assertEquals("衡阳县自然资源局", a.author());
        assertTrue(a.content().contains("<p>当事人韩某某未经批准占用耕地建房。</p>"), a.content());
        assertTrue(a.content().contains(CASE), a.content());
        assertEquals("https://gongshi.example.gov.cn/gongshi/decisions/Pub0001", a.sourceUrl());
        assertTrue(a.digest().startsWith("当事人韩某某"), a.digest());
        byte[] thumb = wechat.thumbs().get(a.thumbMediaId());
        assertTrue(thumb.length <= 64 * 1024, thumb.length + " bytes");
        assertNotNull(ImageIO.read(new ByteArrayInputStream(thumb)), "a real JPEG");

        // the same publication again after a crash: nothing new on WeChat
        DeliveryResult again = publisher.deliver(new Delivery(7, Delivery.Action.PUBLISH, item, 1, null));
        assertEquals(new DeliveryResult(State.DONE, done.receipt(), null, null), again);
        assertEquals(1, wechat.count("freepublish/submit"));

        // a second item: the cover is uploaded once
        untilFinal(Delivery.Action.PUBLISH, item("Pub0002", 1, "第二件", "正文", List.of()), null);
        assertEquals(1, wechat.count("material/add_material"));
        assertEquals(1, wechat.count("stable_token"), "the token is cached");

        DeliveryResult gone = publisher.deliver(new Delivery(8, Delivery.Action.WITHDRAW, withdrawn(item), 1, done.receipt()));
        assertEquals(State.DONE, gone.state(), String.valueOf(gone));
        assertTrue(p.articleId.equals(Receipt.parse(gone.receipt()).id()), gone.receipt());
        FakeWechat.Published after = wechat.published().get(0);
        assertTrue(after.allDeleted());
        assertEquals(List.of(0), after.deleteIndexes, "index 0: every article of the item");
        publisher.deliver(new Delivery(8, Delivery.Action.WITHDRAW, withdrawn(item), 2, done.receipt()));
        assertEquals(1, wechat.count("freepublish/delete"), "a withdrawal that comes again deletes nothing twice");
        assertEquals(List.of(), wechat.refusals());
    }

    @Test
    void anInvalidOrExpiredTokenIsRefreshedOnceAndTheCallRetriedOnce() {
        untilFinal(Delivery.Action.PUBLISH, item("Tok0001", 1, "一", "正文", List.of()), null);
        assertEquals(1, wechat.count("stable_token"));
        wechat.expireTokens();
        assertEquals(State.DONE, untilFinal(Delivery.Action.PUBLISH, item("Tok0002", 1, "二", "正文", List.of()), null).state());
        assertEquals(1, wechat.forcedTokens(), "42001: one forced refresh");
        wechat.forgetTokens();
        assertEquals(State.DONE, untilFinal(Delivery.Action.PUBLISH, item("Tok0003", 1, "三", "正文", List.of()), null).state());
        assertEquals(2, wechat.forcedTokens(), "40001: one forced refresh");
        long drafts = wechat.count("draft/add");
        wechat.failNext("draft/add", 40014).failNext("draft/add", 40014);
        DeliveryResult r = publisher.deliver(new Delivery(7, Delivery.Action.PUBLISH, item("Tok0004", 1, "四", "正文", List.of()), 1, null));
        assertEquals(State.RETRY, r.state(), "a second refusal of the fresh token waits");
        assertTrue(r.message().contains("40014"), r.message());
        assertEquals(drafts + 2, wechat.count("draft/add"), "sent once more, not more");
        assertEquals(3, wechat.forcedTokens());
        assertFalse(r.message().contains("s3cret"), "never the secret");
    }

    @Test
    void theDailyQuotaWaitsUntilMidnightInBeijing() {
        clock = Clock.fixed(Instant.parse("2026-03-10T15:30:00Z"), ZoneId.of("UTC")); // 23:30 in Beijing
        publisher = publisher(settings(20000, 1048576));
        wechat.failNext("freepublish/submit", 45009);
        DeliveryResult r = publisher.deliver(new Delivery(7, Delivery.Action.PUBLISH, item("Quo0001", 1, "配额", "正文", List.of()), 1, null));
        assertEquals(State.RETRY, r.state());
        assertEquals(Duration.ofMinutes(31), r.retryAfter(), "a minute after midnight Asia/Shanghai");
        assertTrue(r.message().contains("45009") && r.message().contains("2026-03-11T00:01"), r.message());
    }

    @Test
    void unauthorizedAndWhitelistErrorsSayWhatToFix() {
        wechat.failNext("freepublish/submit", 48001);
        DeliveryResult r = publisher.deliver(new Delivery(7, Delivery.Action.PUBLISH, item("Una0001", 1, "权限", "正文", List.of()), 1, null));
        assertEquals(State.FAILED, r.state());
        assertTrue(r.message().contains("48001") && r.message().contains("微信认证") && r.message().contains("发布能力")
                && r.message().contains("publishing permission"), r.message());
        wechat.failNext("draft/add", 40164);
        r = publisher.deliver(new Delivery(7, Delivery.Action.PUBLISH, item("Una0001", 1, "权限", "正文", List.of()), 2, null));
        assertEquals(State.FAILED, r.state());
        assertTrue(r.message().contains("203.0.113.7") && r.message().contains("IP白名单") && r.message().contains("IP whitelist"),
                r.message());
        Publisher unconfigured = new Publisher(new Settings(wechat.baseUrl(), "", "", "", null, "", Duration.ofSeconds(1),
                20000, 1048576, 32, 120, ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(5), List.of()),
                new StateFile(dir.resolve("other.properties")), "局", clock);
        r = unconfigured.deliver(new Delivery(7, Delivery.Action.PUBLISH, item("Una0002", 1, "t", "x", List.of()), 1, null));
        assertEquals(State.FAILED, r.state());
        assertTrue(r.message().contains("appid") && r.message().contains("org.zhifa.channel.wechat.cfg"), r.message());
        wechat.httpStatusNext("draft/add", 502);
        r = publisher.deliver(new Delivery(7, Delivery.Action.PUBLISH, item("Una0003", 1, "t", "x", List.of()), 1, null));
        assertEquals(State.RETRY, r.state());
        assertTrue(r.message().contains("HTTP 502"), r.message());
        wechat.failNext("draft/add", 45002);
        r = publisher.deliver(new Delivery(7, Delivery.Action.PUBLISH, item("Una0003", 1, "t", "x", List.of()), 2, null));
        assertEquals(State.RETRY, r.state(), "other errcodes wait and retry");
        assertTrue(r.message().contains("45002"), r.message());
    }

    @Test
    void everyFinalPublishStatusIsMappedAndAManualRetryPublishesAfresh() {
        for (int status = 2; status <= 6; status++) {
            wechat.nextJob(new int[] {1}, 1, status);
            PublicItem item = item("Sta000" + status, 1, "状态" + status, "正文", List.of());
            DeliveryResult r = untilFinal(Delivery.Action.PUBLISH, item, null);
            assertEquals(State.FAILED, r.state(), "status " + status);
            assertTrue(r.message().contains(Receipt.parse(r.receipt()).id()), r.message());
            if (status == 2 || status == 4) {
                assertTrue(r.message().contains("第 1 篇"), r.message());
            }
            assertTrue(r.receipt().startsWith("failed:"), r.receipt());
            // the bureau fixed it and pressed retry: a new job
            DeliveryResult again = untilFinal(Delivery.Action.PUBLISH, item, r.receipt());
            assertEquals(State.DONE, again.state(), "status " + status + ": " + again);
        }
        assertTrue(Texts.both("publish.status.4", "1", "1").contains("审核"));
        assertTrue(Texts.both("publish.status.6", "1", "1").contains("封禁"));
        assertEquals(10, wechat.count("freepublish/submit"));
    }

    @Test
    void aLongTextIsSplitAcrossArticlesUnderBothLimitsAndWithdrawnWhole() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 900; i++) {
            text.append("第").append(i).append("段：当事人未经批准占用耕地建房，违反《土地管理法》的规定。\n");
        }
        text.append("长".repeat(30000));
        PublicItem item = item("Lon0001", 1, "关于" + CASE + "韩某某未经批准占用耕地建房一案的行政处罚决定公开", text.toString(), List.of());
        DeliveryResult r = untilFinal(Delivery.Action.PUBLISH, item, null);
        assertEquals(State.DONE, r.state(), String.valueOf(r));
        FakeWechat.Published p = wechat.published().get(0);
        assertTrue(p.articles.size() >= 4, p.articles.size() + " articles");
        for (int i = 0; i < p.articles.size(); i++) {
            FakeWechat.Article a = p.articles.get(i);
            assertTrue(a.content().length() < 20000, a.content().length() + "");
            assertTrue(a.title().codePointCount(0, a.title().length()) <= 32, a.title());
            assertTrue(a.title().endsWith("（" + "一二三四五六七八".charAt(i) + "）"), a.title());
            assertTrue(a.title().startsWith(CASE), a.title());
            assertEquals("", a.digest(), "a digest only for one article");
        }
        String all = p.articles.stream().map(FakeWechat.Article::content).reduce("", String::concat);
        assertTrue(all.contains("第899段") && all.contains("长".repeat(100)));
        assertEquals(30000, all.chars().filter(c -> c == '长').count(), "nothing lost at the seams");

        // a byte limit below the character limit splits by bytes
        publisher = publisher(settings(20000, 8000));
        PublicItem cjk = item("Lon0002", 1, "字节", "汉".repeat(10000), List.of());
        assertEquals(State.DONE, untilFinal(Delivery.Action.PUBLISH, cjk, null).state());
        FakeWechat.Published q = wechat.published().get(1);
        assertTrue(q.articles.size() >= 4);
        q.articles.forEach(a -> assertTrue(a.content().getBytes(StandardCharsets.UTF_8).length < 8000));

        DeliveryResult gone = publisher.deliver(new Delivery(9, Delivery.Action.WITHDRAW, withdrawn(item), 1, r.receipt()));
        assertEquals(State.DONE, gone.state());
        assertTrue(wechat.published().get(0).allDeleted());
        assertEquals(List.of(0), wechat.published().get(0).deleteIndexes);
        assertEquals(List.of(), wechat.refusals());
    }

    @Test
    void titlesAreShortenedByCharactersKeepingTheCaseNumber() {
        assertEquals("短标题", Articles.shortTitle(" 短标题 ", CASE, 32));
        String t = Articles.shortTitle("关于" + CASE + "韩某某未经批准占用耕地建房一案的行政处罚决定书全文公开", CASE, 32);
        assertEquals(32, t.codePointCount(0, t.length()), t);
        assertTrue(t.startsWith(CASE + " 关于韩某某") && t.endsWith("…"), t);
        String plain = Articles.shortTitle("关于某某地块土地征收补偿安置方案征求意见的公告及其附件说明（第二次）", null, 32);
        assertEquals(32, plain.codePointCount(0, plain.length()), plain);
        assertTrue(plain.startsWith("关于某某地块") && plain.endsWith("…"), plain);
        String emoji = Articles.shortTitle("😀".repeat(40), null, 32);
        assertEquals(32, emoji.codePointCount(0, emoji.length()), "characters, not UTF-16 units");
    }

    @Test
    void markupInTheItemStaysText() {
        PublicItem item = item("Mar0001", 1, "<script>alert(1)</script>公告",
                "<script>alert('x')</script><img src=x onerror=alert(1)>&amp; \"引号\"", List.of());
        DeliveryResult r = untilFinal(Delivery.Action.PUBLISH, item, null);
        assertEquals(State.DONE, r.state(), String.valueOf(r) + wechat.refusals());
        String content = wechat.published().get(0).articles.get(0).content();
        assertFalse(content.contains("<script") || content.contains("<img"), content);
        assertTrue(content.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp; &quot;引号&quot;"),
                content);
    }

    @Test
    void imagesGoThroughUploadimgAndACorrectionReplacesTheOldArticle() throws IOException {
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        PublicItem v1 = item("Cor0001", 1, "流程图", "正文", List.of(new Attachment("flow.png", "image/png", png.toByteArray()),
                new Attachment("list.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))));
        DeliveryResult done1 = untilFinal(Delivery.Action.PUBLISH, v1, null);
        assertEquals(State.DONE, done1.state(), String.valueOf(done1));
        assertEquals(1, wechat.count("media/uploadimg"), "the PNG only");
        String content = wechat.published().get(0).articles.get(0).content();
        assertTrue(content.contains("<img src=\"http://mmbiz.qpic.cn/fake/"), content);

        PublicItem v2 = item("Cor0001", 2, "流程图", "更正后的正文", v1.attachments());
        DeliveryResult done2 = untilFinal(Delivery.Action.UPDATE, v2, done1.receipt());
        assertEquals(State.DONE, done2.state(), String.valueOf(done2));
        assertEquals(1, wechat.count("media/uploadimg"), "the same image is not uploaded twice");
        assertTrue(wechat.published().get(0).allDeleted(), "the old version's article is deleted");
        assertFalse(wechat.published().get(1).allDeleted());
        assertTrue(wechat.published().get(1).articles.get(0).content().contains("更正后的正文"));
        assertEquals(2, Receipt.parse(done2.receipt()).version());
        assertEquals(null, Receipt.parse(done2.receipt()).old());

        // a withdrawal then deletes the current article
        publisher.deliver(new Delivery(9, Delivery.Action.WITHDRAW, withdrawn(v2), 1, done2.receipt()));
        assertTrue(wechat.published().get(1).allDeleted());
        assertEquals(List.of(), wechat.refusals());
    }

    @Test
    void newSettingsAndARestartKeepTheCoverAndTheJobs() {
        PublicItem item = item("Set0001", 1, "设置", "正文", List.of());
        DeliveryResult pending = publisher.deliver(new Delivery(7, Delivery.Action.PUBLISH, item, 1, null));
        assertEquals(State.PENDING, pending.state());
        Settings s = settings(20000, 1048576);
        publisher.update(new Settings(s.baseUrl(), s.appid(), s.secret(), "执法监察大队", null, s.siteUrl(), Duration.ofSeconds(5),
                s.contentChars(), s.contentBytes(), s.titleLimit(), s.digestLength(), s.quotaZone(), s.timeout(), s.fonts()));
        DeliveryResult again = publisher.deliver(new Delivery(7, Delivery.Action.PUBLISH, item, 2, pending.receipt()));
        assertEquals(Duration.ofSeconds(5), again.retryAfter(), "the new poll interval");
        assertEquals(1, wechat.count("stable_token"), "the same account keeps its token");

        // a restart: the same state file; the job is found even without the outbox's receipt
        publisher = publisher(settings(20000, 1048576));
        assertEquals(State.DONE, untilFinal(Delivery.Action.PUBLISH, item, null).state());
        assertEquals(1, wechat.count("freepublish/submit"), "not submitted twice");
        untilFinal(Delivery.Action.PUBLISH, item("Set0002", 1, "第二", "正文", List.of()), null);
        assertEquals(1, wechat.count("material/add_material"), "the cover's media_id survived the restart");

        // another secret: a new token is asked for, and WeChat's refusal says what to fix
        publisher.update(new Settings(s.baseUrl(), s.appid(), "wrong-secret", "", null, "", s.poll(), s.contentChars(),
                s.contentBytes(), s.titleLimit(), s.digestLength(), s.quotaZone(), s.timeout(), s.fonts()));
        DeliveryResult r = publisher.deliver(new Delivery(7, Delivery.Action.PUBLISH, item("Set0003", 1, "三", "正文", List.of()), 1, null));
        assertEquals(State.FAILED, r.state(), String.valueOf(r));
        assertTrue(r.message().contains("40125") && r.message().contains("secret") && !r.message().contains("wrong-secret"),
                r.message());
    }

    @Test
    void theCoverIsASmallJpegFromTheLogoOrTheBureausName() throws IOException {
        byte[] drawn = Covers.cover(null, "衡阳县自然资源局", List.of(Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc")), "行政执法公示");
        assertTrue(drawn.length <= Covers.MAX_BYTES && (drawn[0] & 0xFF) == 0xFF && (drawn[1] & 0xFF) == 0xD8);
        // a noisy logo that is far too big as it is
        BufferedImage noise = new BufferedImage(2000, 2000, BufferedImage.TYPE_INT_RGB);
        java.util.Random rnd = new java.util.Random(7);
        for (int y = 0; y < 2000; y++) {
            for (int x = 0; x < 2000; x++) {
                noise.setRGB(x, y, rnd.nextInt());
            }
        }
        Path logo = dir.resolve("logo.png");
        ImageIO.write(noise, "png", logo.toFile());
        byte[] shrunk = Covers.cover(logo, "局", List.of(), "x");
        assertTrue(shrunk.length <= Covers.MAX_BYTES, shrunk.length + " bytes");
        assertNotNull(ImageIO.read(new ByteArrayInputStream(shrunk)));
    }
}
