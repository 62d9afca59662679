package org.zhifa.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.zhifa.itests.support.Browser;
import org.zhifa.itests.support.Bureau;
import org.zhifa.itests.support.GongshiPublisher;
import org.zhifa.itests.support.Wait;

/**
 * The public site /gongshi/ as the website channel fills it (C2, D4, C6): items go through the real disclosure
 * service and its outbox, then a headless Chromium walks home → list → search and filters → decision page → PDF
 * → takedown log → feed, with markup and script in every text field staying inert; and the service-hall board
 * rotates on its own.
 */
class GongshiSiteIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** Markup and script that would run, or add an element, if any page let it through. */
    private static final String EVIL = "<script>alert('x')</script><img src=x onerror=\"alert(2)\" id=injected>";

    private final Bureau bureau = Bureau.shared();
    private final GongshiPublisher publisher = new GongshiPublisher(bureau);
    private Browser browser;

    @BeforeEach
    void open() {
        browser = new Browser();
    }

    @AfterEach
    void close() {
        browser.close();
    }

    private void assertInert(String what) {
        try {
            browser.driver.switchTo().alert();
            throw new AssertionError("an alert opened on " + what);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
        assertTrue(browser.driver.findElements(By.id("injected")).isEmpty(), "injected element in the DOM of " + what);
        assertTrue(browser.driver.findElements(By.cssSelector("main script, main img[src='x']")).isEmpty(),
                "injected markup became elements on " + what);
    }

    private String visibleOnSite(String keyword) {
        String q = URLEncoder.encode(keyword, StandardCharsets.UTF_8);
        String[] html = new String[1];
        Wait.until("'" + keyword + "' on the public list", LIMIT, () -> {
            html[0] = bureau.get("/gongshi/decisions?q=" + q, null).body();
            return html[0].contains("共 1 条");
        }, () -> html[0]);
        return html[0];
    }

    @Test
    void aPublishedDecisionWalkedInTheBrowserThenWithdrawn() throws Exception {
        String marker = "GS" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String title = EVIL + "关于" + marker + "未经批准占用耕地建房的处罚决定";
        String party = "某某" + EVIL + "建材有限公司";
        String text = "当事人：某某建材有限公司\n违法事实：未经批准占用耕地 300 平方米建房。" + EVIL
                + "\n处罚决定：罚款人民币 6000 元。";
        long id = publisher.decision(title, "衡国土资罚〔2026〕" + marker + "号", party, text, LocalDate.of(2026, 2, 3));
        publisher.approve(id);
        String list = visibleOnSite(marker);
        assertFalse(list.contains("<script>alert"), "escaped in the list");

        // home → list → search → decision page
        browser.driver.get(bureau.url("/gongshi/"));
        assertEquals("zh-CN", browser.driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertInert("the home page");
        browser.id("nav-decisions").click();
        browser.type(browser.id("q"), marker);
        browser.id("search").click();
        new WebDriverWait(browser.driver, LIMIT).until(d -> d.findElement(By.id("result-count")).getText().equals("共 1 条"));
        WebElement link = browser.driver.findElement(By.cssSelector("#results a.item-link"));
        assertEquals(title, link.getText(), "the title shows literally");
        assertInert("the search results");
        link.click();
        assertEquals(title, browser.id("item-title").getText());
        assertEquals(party, browser.id("item-party").getText());
        String shown = browser.id("item-text").getText();
        assertTrue(shown.contains(EVIL), shown);
        assertTrue(shown.contains("违法事实：未经批准占用耕地 300 平方米建房。" + EVIL + "\n处罚决定"), "line breaks kept: " + shown);
        assertInert("the decision page");
        browser.screenshot("gongshi-decision");
        String page = browser.driver.getCurrentUrl();
        String publicId = page.substring(page.lastIndexOf('/') + 1);

        // the filters: kind and decision date
        assertTrue(bureau.get("/gongshi/decisions?q=" + marker + "&from=2026-02-03&to=2026-02-03", null).body().contains("共 1 条"));
        assertTrue(bureau.get("/gongshi/decisions?q=" + marker + "&from=2026-02-04", null).body().contains("共 0 条"));
        assertTrue(bureau.get("/gongshi/decisions?q=" + marker + "&kind=license", null).body().contains("共 0 条"));
        HttpResponse<String> bad = bureau.get("/gongshi/decisions?from=2026-13-01", null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("不是有效日期"), bad.body());

        // the PDF of the redacted text
        HttpResponse<byte[]> pdf = bureau.download("/gongshi/decisions/" + publicId + ".pdf", null);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains(publicId + ".pdf"));

        // withdrawn: gone from list, search and page; in the takedown log with its reason; in the feed
        String reason = "行政复议决定撤销原处罚决定" + EVIL;
        publisher.withdraw(id, "REVOKED", reason);
        Wait.until("the withdrawn decision off the site", LIMIT,
                () -> bureau.get("/gongshi/decisions/" + publicId, null).statusCode() == 404);
        // lists may keep their last snapshot a moment longer than pages (a few times its building time)
        Wait.until("the withdrawn decision off the list", LIMIT,
                () -> bureau.get("/gongshi/decisions?q=" + marker, null).body().contains("共 0 条"));
        assertEquals(404, bureau.download("/gongshi/decisions/" + publicId + ".pdf", null).statusCode());
        browser.driver.get(bureau.url("/gongshi/"));
        browser.id("nav-withdrawals").click();
        WebElement row = browser.await(By.cssSelector("tr[id^='w-" + publicId + "-']"));
        assertTrue(row.getText().contains(reason), row.getText());
        assertTrue(row.getText().contains("决定被撤销"), row.getText());
        assertTrue(row.getText().contains(title), row.getText());
        assertInert("the takedown log");

        HttpResponse<String> feed = bureau.get("/gongshi/feed.atom", null);
        assertTrue(feed.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
        Document atom = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        assertEquals("feed", atom.getDocumentElement().getLocalName());
        boolean found = false;
        NodeList entries = atom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element e = (Element) entries.item(i);
            String id0 = e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent();
            if (id0.contains(publicId + ":withdrawn")) {
                found = true;
                assertTrue(e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "summary").item(0).getTextContent()
                        .contains(reason), "the reason as text in the feed");
            }
        }
        assertTrue(found, "the withdrawal is in the feed:\n" + feed.body());
    }

    @Test
    void aCatalogueShowsItsFlowchartInline() throws Exception {
        String marker = "CAT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"60\"><script>alert(3)</script>"
                + "<rect width=\"200\" height=\"60\" fill=\"#9f1d1d\"/><text x=\"10\" y=\"35\" fill=\"#fff\">立案</text></svg>";
        long id = publisher.catalogue("行政处罚流程图" + marker + EVIL, List.of(
                new GongshiPublisher.File("penalty-flow.svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8)),
                new GongshiPublisher.File("items.html", "text/html", "<script>alert(4)</script>".getBytes(StandardCharsets.UTF_8))));
        publisher.approve(id);
        String[] html = new String[1];
        Wait.until("the catalogue on the site", LIMIT, () -> (html[0] = bureau.get("/gongshi/catalogues", null).body()).contains(marker),
                () -> html[0]);
        browser.driver.get(bureau.url("/gongshi/catalogues"));
        WebElement img = browser.await(By.cssSelector("figure img[src$='/penalty-flow.svg']"));
        new WebDriverWait(browser.driver, LIMIT).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", img)); // the flowchart renders
        assertInert("the catalogues");
        String src = img.getAttribute("src");
        String path = src.substring(src.indexOf("/gongshi/"));
        HttpResponse<String> file = bureau.get(path, null);
        assertEquals("image/svg+xml", file.headers().firstValue("Content-Type").orElse(""));
        assertTrue(file.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"));
        assertTrue(file.headers().firstValue("Content-Disposition").orElse("").contains("filename=\"penalty-flow.svg\""));
        HttpResponse<String> htmlFile = bureau.get(path.replace("penalty-flow.svg", "items.html"), null);
        assertEquals(200, htmlFile.statusCode());
        assertEquals("application/octet-stream", htmlFile.headers().firstValue("Content-Type").orElse(""),
                "a file the browser would run is only ever a download");
        assertTrue(htmlFile.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        // a file opened on its own runs nothing either
        browser.driver.get(src);
        assertInert("the flowchart opened on its own");
    }

    @Test
    void unknownIdsAndPathTricksAreNotFound() {
        for (String path : List.of("/gongshi/decisions/0123456789abcdef0123456789abcdef", "/gongshi/decisions/nope.pdf",
                "/gongshi/files/0123456789abcdef/x.pdf", "/gongshi/decisions/..%2F..%2Fetc%2Fusers.properties",
                "/gongshi/files/abcdef/..%2f..%2fusers.properties", "/gongshi/%2e%2e/etc", "/gongshi/nothing-here")) {
            HttpResponse<String> r = bureau.get(path, null);
            assertEquals(404, r.statusCode(), path);
            assertFalse(r.body().contains("admingroup"), path);
        }
        HttpResponse<String> home = bureau.get("/gongshi/", null);
        String csp = home.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("default-src 'none'") && !csp.contains("script-src"), csp);
        assertEquals("nosniff", home.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(home.body().contains("<html lang=\"zh-CN\">"));
        assertTrue(home.body().contains("class=\"skip\" href=\"#main\""));
    }

    @Test
    void theServiceHallBoardRotatesOnItsOwn() {
        browser.driver.manage().window().setSize(new Dimension(1920, 1080));
        browser.driver.get(bureau.url("/gongshi/dating"));
        HttpResponse<String> raw = bureau.get("/gongshi/dating", null);
        String csp = raw.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'nonce-"), csp);
        assertTrue(raw.body().contains("执法证号"), raw.body());
        assertTrue(raw.body().contains("行政处罚"), "the services: installed kinds");
        WebElement indicator = browser.id("board-indicator");
        String first = indicator.getText();
        assertTrue(first.startsWith("第 1 / "), first);
        assertNotEquals("第 1 / 1 页", first, "the demo bureau's officers fill more than one page");
        String visible = visiblePage();
        assertEquals("board-page-1", visible);
        new WebDriverWait(browser.driver, LIMIT).until(d -> d.findElement(By.id("board-indicator")).getText().startsWith("第 2 / "));
        assertEquals("board-page-2", visiblePage(), "the second page shows, alone");
        browser.screenshot("gongshi-board");
    }

    private String visiblePage() {
        List<WebElement> shown = browser.driver.findElements(By.cssSelector(".board-page")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertEquals(1, shown.size(), "one board page at a time");
        return shown.get(0).getAttribute("id");
    }
}
