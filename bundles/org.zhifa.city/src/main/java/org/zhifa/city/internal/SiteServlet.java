package org.zhifa.city.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.PublicPages;

/**
 * The city-wide public site {@code /city/} (C5): every county's current disclosures with filters and paging,
 * item pages with the PDF, the takedown log, each county's latest accepted tree head and alarm state, and the
 * statistics across counties (also as CSV). No login, no script, every stored text escaped, a strict CSP.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/city/*",
        "osgi.http.whiteboard.servlet.name=zhifa-city-site"})
public class SiteServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SiteServlet.class);
    private static final Pattern ITEM = Pattern.compile("/items/([0-9A-Za-z]{1,32})/([A-Za-z0-9_-]{1,64})(\\.pdf)?");
    private static final Pattern FILE = Pattern.compile(
            "/items/([0-9A-Za-z]{1,32})/([A-Za-z0-9_-]{1,64})/files/([A-Za-z0-9][A-Za-z0-9._-]{0,99})");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final transient City city;

    @Activate
    public SiteServlet(@Reference City city) {
        this.city = city;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Texts t = Texts.of("en".equals(req.getParameter("lang")) ? Locale.ENGLISH : Locale.ROOT);
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if (tricky(req.getRequestURI())) {
            notFound(resp, t);
            return;
        }
        try {
            switch (path) {
                case "/", "/index.html" -> items(req, resp, t);
                case "/site.css" -> css(resp);
                case "/withdrawals" -> withdrawals(req, resp, t);
                case "/counties" -> counties(resp, t);
                case "/statistics" -> statistics(req, resp, t);
                case "/statistics.csv" -> csv(req, resp);
                default -> {
                    Matcher m = ITEM.matcher(path);
                    Matcher f = FILE.matcher(path);
                    if (m.matches()) {
                        item(resp, t, m.group(1), m.group(2), m.group(3) != null);
                    } else if (f.matches()) {
                        file(resp, t, f.group(1), f.group(2), f.group(3));
                    } else {
                        notFound(resp, t);
                    }
                }
            }
        } catch (Refusal e) {
            LOG.warn("city site: {} failed: {}", path, e.getMessage());
            if (!resp.isCommitted()) {
                resp.reset();
                page(resp, t, 503, t.get("site.error.title"), null,
                        w -> w.println("<h1>" + esc(t.get("site.error.title")) + "</h1><p role=\"alert\">"
                                + esc(t.get("site.error.text")) + "</p>"));
            }
        }
    }

    /** Encoded separators, dot segments and back slashes never name a page. */
    static boolean tricky(String rawUri) {
        return PublicPages.trickyPath(rawUri);
    }

    // --- pages ---------------------------------------------------------------------------------------------

    private void items(HttpServletRequest req, HttpServletResponse resp, Texts t) throws IOException {
        String county = param(req, "county", SAFE);
        String kind = param(req, "kind", SAFE);
        String q = req.getParameter("q") == null ? null : req.getParameter("q").strip();
        if (q != null && (q.isEmpty() || q.length() > 100)) {
            q = q.isEmpty() ? null : q.substring(0, 100);
        }
        int size = Math.max(1, city.config().pageSize());
        int page = 1;
        try {
            page = Math.max(1, Math.min(100_000, Integer.parseInt(req.getParameter("page"))));
        } catch (NumberFormatException e) {
            page = 1;
        }
        String keyword = q;
        int offset = (page - 1) * size;
        CityStore.Found found = city.read(c -> city.store.search(c, county, kind, keyword, city.today(), offset, size));
        Map<String, String> names = countyNames();
        List<String[]> kinds = city.read(city.store::kinds);
        int pages = (int) Math.max(1, (found.total() + size - 1) / size);
        int current = page;
        page(resp, t, 200, t.get("site.items.title"), "items", w -> {
            w.println("<h1>" + esc(t.get("site.items.title")) + "</h1>");
            w.println("<form class=\"filter\" method=\"get\" action=\"/city/\" role=\"search\">");
            if (t.english()) {
                w.println("<input type=\"hidden\" name=\"lang\" value=\"en\">");
            }
            w.println("<label>" + esc(t.get("site.filter.county")) + " <select name=\"county\" id=\"f-county\"><option value=\"\">"
                    + esc(t.get("site.filter.all")) + "</option>");
            names.forEach((code, name) -> w.println("<option value=\"" + esc(code) + "\"" + (code.equals(county) ? " selected" : "")
                    + ">" + esc(name) + "</option>"));
            w.println("</select></label>");
            w.println("<label>" + esc(t.get("site.filter.kind")) + " <select name=\"kind\" id=\"f-kind\"><option value=\"\">"
                    + esc(t.get("site.filter.all")) + "</option>");
            for (String[] k : kinds) {
                w.println("<option value=\"" + esc(k[0]) + "\"" + (k[0].equals(kind) ? " selected" : "") + ">" + esc(k[1])
                        + "</option>");
            }
            w.println("</select></label>");
            w.println("<label>" + esc(t.get("site.filter.keyword")) + " <input type=\"search\" name=\"q\" id=\"f-q\" maxlength=\"100\" value=\""
                    + esc(keyword) + "\"></label> <button type=\"submit\">" + esc(t.get("site.filter.submit")) + "</button></form>");
            w.println("<p class=\"count\" id=\"count\">" + esc(t.get("site.items.count", found.total())) + "</p>");
            if (found.items().isEmpty()) {
                w.println("<p id=\"no-items\">" + esc(t.get("site.items.none")) + "</p>");
            } else {
                w.println("<ul class=\"items\" id=\"items\">");
                for (Model.Item i : found.items()) {
                    w.println("<li><a class=\"item-link\" href=\"/city/items/" + esc(i.county()) + "/" + esc(i.publicId())
                            + lang(t) + "\">" + esc(i.title()) + "</a><p class=\"meta\">"
                            + esc(names.getOrDefault(i.county(), i.county())) + " · "
                            + esc(i.kindTitle() == null ? "" : i.kindTitle() + " · ")
                            + esc(i.caseNumber() == null ? "" : i.caseNumber() + " · ")
                            + esc(date(t, i.publishedAt())) + "</p></li>");
                }
                w.println("</ul>");
            }
            if (pages > 1) {
                String base = "/city/?" + (county == null ? "" : "county=" + enc(county) + "&") + (kind == null ? "" : "kind="
                        + enc(kind) + "&") + (keyword == null ? "" : "q=" + enc(keyword) + "&") + (t.english() ? "lang=en&" : "");
                w.println("<nav class=\"pages\" aria-label=\"pages\">");
                if (current > 1) {
                    w.println("<a rel=\"prev\" id=\"page-prev\" href=\"" + esc(base + "page=" + (current - 1)) + "\">"
                            + esc(t.get("site.page.prev")) + "</a>");
                }
                w.println("<span>" + esc(t.get("site.page.of", current, pages)) + "</span>");
                if (current < pages) {
                    w.println("<a rel=\"next\" id=\"page-next\" href=\"" + esc(base + "page=" + (current + 1)) + "\">"
                            + esc(t.get("site.page.next")) + "</a>");
                }
                w.println("</nav>");
            }
        });
    }

    private void item(HttpServletResponse resp, Texts t, String county, String publicId, boolean pdf) throws IOException {
        Optional<Model.Item> found = city.read(c -> city.store.current(c, county, publicId, city.today()));
        if (found.isEmpty()) {
            notFound(resp, t);
            return;
        }
        Model.Item i = found.get();
        if (pdf) {
            byte[] bytes = city.read(c -> city.store.pdf(c, i.id()));
            if (bytes == null) {
                notFound(resp, t);
                return;
            }
            binary(resp, "application/pdf", publicId + ".pdf", bytes, true);
            return;
        }
        String text = city.read(c -> city.store.text(c, i.id()));
        List<CityStore.File> files = city.read(c -> city.store.files(c, i.id(), false));
        Map<String, String> names = countyNames();
        page(resp, t, 200, i.title(), "items", w -> {
            w.println("<h1 id=\"item-title\">" + esc(i.title()) + "</h1><dl class=\"meta\">");
            dd(w, t.get("site.item.county"), names.getOrDefault(i.county(), i.county()));
            dd(w, t.get("site.item.bureau"), i.bureauName());
            dd(w, t.get("site.filter.kind"), i.kindTitle());
            dd(w, t.get("site.item.caseNumber"), i.caseNumber());
            dd(w, t.get("site.item.party"), i.party());
            dd(w, t.get("site.item.decidedOn"), i.decidedOn() == null ? null : i.decidedOn().toString());
            dd(w, t.get("site.item.publishedAt"), date(t, i.publishedAt()));
            dd(w, t.get("site.item.postUntil"), i.postUntil() == null ? null : i.postUntil().toString());
            dd(w, t.get("site.item.version"), Integer.toString(i.version()));
            w.println("</dl>");
            if (i.hasPdf()) {
                w.println("<p><a id=\"item-pdf\" href=\"/city/items/" + esc(i.county()) + "/" + esc(i.publicId()) + ".pdf\">"
                        + esc(t.get("site.item.pdf")) + "</a></p>");
            }
            if (!files.isEmpty()) {
                w.println("<h2>" + esc(t.get("site.item.attachments")) + "</h2><ul>");
                for (CityStore.File f : files) {
                    w.println("<li><a href=\"/city/items/" + esc(i.county()) + "/" + esc(i.publicId()) + "/files/"
                            + esc(f.name()) + "\">" + esc(f.name()) + "</a></li>");
                }
                w.println("</ul>");
            }
            w.println("<h2>" + esc(t.get("site.item.text")) + "</h2><div class=\"text\" id=\"item-text\">");
            for (String para : text.split("\\R")) {
                if (!para.isBlank()) {
                    w.println("<p>" + esc(para) + "</p>");
                }
            }
            w.println("</div>");
        });
    }

    private void file(HttpServletResponse resp, Texts t, String county, String publicId, String name) throws IOException {
        Optional<Model.Item> found = city.read(c -> city.store.current(c, county, publicId, city.today()));
        Optional<CityStore.File> file = found.isEmpty() ? Optional.empty()
                : city.read(c -> city.store.files(c, found.get().id(), true)).stream().filter(f -> f.name().equals(name))
                        .findFirst();
        if (file.isEmpty()) {
            notFound(resp, t);
            return;
        }
        String type = file.get().mediaType();
        boolean inline = type.equals("application/pdf") || type.equals("image/png");
        binary(resp, inline ? type : "application/octet-stream", name, file.get().content(), inline);
    }

    private void withdrawals(HttpServletRequest req, HttpServletResponse resp, Texts t) throws IOException {
        String county = param(req, "county", SAFE);
        List<Model.Takedown> list = city.read(c -> city.store.takedowns(c, county, 0, 200));
        Map<String, String> names = countyNames();
        page(resp, t, 200, t.get("site.withdrawals.title"), "withdrawals", w -> {
            w.println("<h1>" + esc(t.get("site.withdrawals.title")) + "</h1>");
            if (list.isEmpty()) {
                w.println("<p id=\"no-withdrawals\">" + esc(t.get("site.withdrawals.none")) + "</p>");
                return;
            }
            w.println("<ul class=\"items\" id=\"withdrawals\">");
            for (Model.Takedown d : list) {
                w.println("<li><strong>" + esc(d.title()) + "</strong><p class=\"meta\">"
                        + esc(names.getOrDefault(d.county(), d.county())) + (d.caseNumber() == null ? "" : " · " + esc(d.caseNumber()))
                        + " · " + esc(t.get("site.withdrawals.at")) + " " + esc(date(t, d.withdrawnAt())) + " · "
                        + esc(t.get("site.ground." + d.ground())) + "</p><p class=\"reason\">"
                        + esc(t.get("site.withdrawals.reason")) + "：" + esc(d.reason()) + "</p></li>");
            }
            w.println("</ul>");
        });
    }

    private void counties(HttpServletResponse resp, Texts t) throws IOException {
        List<Model.CountyState> states = city.countyStates();
        page(resp, t, 200, t.get("site.counties.title"), "counties", w -> {
            w.println("<h1>" + esc(t.get("site.counties.title")) + "</h1><p>" + esc(t.get("site.counties.intro")) + "</p>");
            w.println("<table id=\"counties\"><thead><tr><th scope=\"col\">" + esc(t.get("site.counties.code")) + "</th><th scope=\"col\">"
                    + esc(t.get("site.counties.name")) + "</th><th scope=\"col\">" + esc(t.get("site.counties.size"))
                    + "</th><th scope=\"col\">" + esc(t.get("site.counties.signedAt")) + "</th><th scope=\"col\">"
                    + esc(t.get("site.counties.root")) + "</th><th scope=\"col\">" + esc(t.get("site.counties.state"))
                    + "</th></tr></thead><tbody>");
            for (Model.CountyState s : states) {
                if (!s.county().active()) {
                    continue;
                }
                Model.Head h = s.latest();
                w.println("<tr id=\"county-" + esc(s.county().code()) + "\"><td>" + esc(s.county().code()) + "</td><td>"
                        + esc(s.county().name()) + "</td><td class=\"num\">" + (h == null ? esc(t.get("site.counties.none"))
                        : h.treeSize()) + "</td><td>" + (h == null ? "" : esc(h.timestamp())) + "</td><td class=\"hash\">"
                        + (h == null ? "" : esc(h.rootHash())) + "</td><td class=\"" + (s.openAlarms() > 0 ? "alarm" : "ok")
                        + "\">" + esc(s.openAlarms() > 0 ? t.get("site.counties.alarm", s.openAlarms()) : t.get("site.counties.ok"))
                        + "</td></tr>");
            }
            w.println("</tbody></table>");
        });
    }

    private void statistics(HttpServletRequest req, HttpServletResponse resp, Texts t) throws IOException {
        String county = param(req, "county", SAFE);
        List<Model.StatRow> rows = city.read(c -> city.store.statistics(c, county));
        Map<String, String> names = countyNames();
        page(resp, t, 200, t.get("site.statistics.title"), "statistics", w -> {
            w.println("<h1>" + esc(t.get("site.statistics.title")) + "</h1><p><a id=\"statistics-csv\" href=\"/city/statistics.csv"
                    + (county == null ? "" : "?county=" + enc(county)) + "\">" + esc(t.get("site.statistics.csv")) + "</a></p>");
            if (rows.isEmpty()) {
                w.println("<p id=\"no-statistics\">" + esc(t.get("site.statistics.none")) + "</p>");
                return;
            }
            w.println("<table id=\"statistics\"><thead><tr>");
            for (String h : new String[] {"site.counties.name", "site.statistics.month", "site.statistics.kind",
                    "site.statistics.filed", "site.statistics.decided", "site.statistics.disclosed", "site.statistics.withdrawn"}) {
                w.println("<th scope=\"col\">" + esc(t.get(h)) + "</th>");
            }
            w.println("</tr></thead><tbody>");
            for (Model.StatRow r : rows) {
                w.println("<tr><td>" + esc(names.getOrDefault(r.county(), r.county())) + "</td><td>" + esc(r.month()) + "</td><td>"
                        + esc(kindTitle(t, r)) + "</td><td class=\"num\">" + r.filed() + "</td><td class=\"num\">" + r.decided()
                        + "</td><td class=\"num\">" + r.disclosed() + "</td><td class=\"num\">" + r.withdrawn() + "</td></tr>");
            }
            w.println("</tbody></table>");
        });
    }

    private static String kindTitle(Texts t, Model.StatRow r) {
        if (r.kind() == null || r.kind().isEmpty()) {
            return t.get("site.statistics.other");
        }
        return r.kindTitle() == null ? r.kind() : r.kindTitle();
    }

    private void csv(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String county = param(req, "county", SAFE);
        List<Model.StatRow> rows = city.read(c -> city.store.statistics(c, county));
        Map<String, String> names = countyNames();
        Texts zh = Texts.of(Locale.ROOT);
        StringBuilder sb = new StringBuilder("\uFEFF"); // a BOM, so spreadsheet programs read UTF-8
        sb.append("county_code,county,month,kind,kind_title,filed,decided,disclosed,withdrawn\r\n");
        for (Model.StatRow r : rows) {
            sb.append(cell(r.county())).append(',').append(cell(names.getOrDefault(r.county(), r.county()))).append(',')
                    .append(cell(r.month())).append(',').append(cell(r.kind())).append(',').append(cell(kindTitle(zh, r)))
                    .append(',').append(r.filed()).append(',').append(r.decided()).append(',').append(r.disclosed())
                    .append(',').append(r.withdrawn()).append("\r\n");
        }
        binary(resp, "text/csv;charset=UTF-8", "statistics.csv", sb.toString().getBytes(StandardCharsets.UTF_8), false);
    }

    /** One CSV cell: quoted when needed, and a leading formula character defused. */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = v;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.startsWith("'")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    // --- frame ---------------------------------------------------------------------------------------------

    private interface Body {
        void write(PrintWriter w);
    }

    private void page(HttpServletResponse resp, Texts t, int status, String title, String current, Body body)
            throws IOException {
        StringWriter out = new StringWriter(16 * 1024);
        PrintWriter w = new PrintWriter(out);
        String name = city.config().siteName().isBlank() ? t.get("site.name") : city.config().siteName();
        String q = lang(t);
        w.println("<!DOCTYPE html><html lang=\"" + t.lang() + "\"><head><meta charset=\"UTF-8\">");
        w.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.println("<title>" + esc(title) + " - " + esc(name) + "</title><link rel=\"stylesheet\" href=\"/city/site.css\"></head><body>");
        w.println("<a class=\"skip\" href=\"#main\">" + esc(t.get("site.skip")) + "</a>");
        w.println("<header class=\"site\"><p class=\"site-name\">" + esc(name) + "</p><nav aria-label=\"site\"><ul>");
        for (String[] i : new String[][] {{"items", "/city/"}, {"withdrawals", "/city/withdrawals"},
                {"counties", "/city/counties"}, {"statistics", "/city/statistics"}}) {
            w.println("<li><a id=\"nav-" + i[0] + "\" href=\"" + i[1] + q + "\"" + (i[0].equals(current) ? " aria-current=\"page\"" : "")
                    + ">" + esc(t.get("site.nav." + i[0])) + "</a></li>");
        }
        w.println("</ul></nav></header><main id=\"main\" tabindex=\"-1\">");
        body.write(w);
        w.println("</main><footer class=\"site\"><p>" + esc(t.get("site.footer")) + "</p><p><a href=\"?lang=zh\" lang=\"zh-CN\">中文</a> · "
                + "<a href=\"?lang=en\" lang=\"en\">English</a></p></footer></body></html>");
        w.flush();
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-cache");
        headers(resp);
        resp.getWriter().write(out.toString());
    }

    static void headers(HttpServletResponse resp) {
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; "
                + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("X-Frame-Options", "DENY");
    }

    private void notFound(HttpServletResponse resp, Texts t) throws IOException {
        page(resp, t, 404, t.get("site.notFound.title"), null, w -> w.println("<h1>" + esc(t.get("site.notFound.title"))
                + "</h1><p id=\"not-found-page\">" + esc(t.get("site.notFound.text")) + "</p>"));
    }

    private static void binary(HttpServletResponse resp, String type, String name, byte[] bytes, boolean inline)
            throws IOException {
        resp.setStatus(200);
        resp.setContentType(type);
        headers(resp);
        resp.setHeader("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + name + "\"");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    private static void css(HttpServletResponse resp) throws IOException {
        try (InputStream in = SiteServlet.class.getResourceAsStream("site.css")) {
            byte[] bytes = in.readAllBytes();
            resp.setContentType("text/css;charset=UTF-8");
            resp.setHeader("Cache-Control", "max-age=3600");
            headers(resp);
            resp.getOutputStream().write(bytes);
        }
    }

    private Map<String, String> countyNames() {
        return city.counties().stream().collect(Collectors.toMap(Model.County::code, Model.County::name, (a, b) -> a,
                java.util.TreeMap::new));
    }

    private static void dd(PrintWriter w, String label, String value) {
        if (value != null && !value.isBlank()) {
            w.println("<div><dt>" + esc(label) + "</dt><dd>" + esc(value) + "</dd></div>");
        }
    }

    private String date(Texts t, Instant at) {
        ZoneId zone = ZoneId.of(city.config().zone());
        return t.english() ? at.atZone(zone).toLocalDate().toString() : DATE_ZH.format(at.atZone(zone));
    }

    private static String lang(Texts t) {
        return t.english() ? "?lang=en" : "";
    }

    private static String param(HttpServletRequest req, String name, Pattern allowed) {
        String v = req.getParameter(name);
        return v != null && allowed.matcher(v).matches() ? v : null;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** HTML-escapes text for element content and quoted attribute values; control characters are dropped. */
    static String esc(String s) {
        return PublicPages.escape(s);
    }

}
