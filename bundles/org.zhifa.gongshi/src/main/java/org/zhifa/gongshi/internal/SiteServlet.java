package org.zhifa.gongshi.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Page;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.personnel.PublicCertificate;
import org.zhifa.api.record.CanonicalJson;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.SignedTreeHead;

import static org.zhifa.gongshi.internal.Html.esc;
import org.zhifa.api.common.PublicPages;

/**
 * The public site /gongshi/ (C2, D2): home, decisions with search and filters, notices, catalogues, the takedown
 * log, the Atom feed, the record's signed tree head and the certificate lookup. No login; it shows only what the
 * outbox delivered (via {@link Site}) and the public register data; every stored text is escaped; no script.
 */
@Component(service = Servlet.class, configurationPid = SiteConfig.PID, property = {
        "osgi.http.whiteboard.servlet.pattern=/gongshi/*",
        "osgi.http.whiteboard.servlet.name=zhifa-gongshi"})
public class SiteServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SiteServlet.class);
    private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final Pattern ITEM = Pattern.compile("/(decisions|notices|catalogues)/([A-Za-z0-9_-]{1,64})(\\.pdf)?");
    private static final Pattern FILE = Pattern.compile("/files/([A-Za-z0-9_-]{1,64})/([A-Za-z0-9][A-Za-z0-9._-]{0,99})");
    private static final Pattern KIND = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Media types a browser may show in the page; any other file is a download of octet-stream. */
    private static final Set<String> INLINE = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/svg+xml");
    private static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/svg+xml");
    private static final Set<String> DOWNLOADS = Set.of("text/csv", "text/plain", "application/zip",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final transient Site site;
    private final transient PersonnelService personnel;
    private final transient BureauInfo bureau;
    private final transient SiteConfig config;
    private final transient Frame frame;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RecordService record;

    @Activate
    public SiteServlet(@Reference Site site, @Reference PersonnelService personnel, @Reference BureauInfo bureau,
                       @Reference Frame frame, SiteConfig config) {
        this.frame = frame;
        this.site = site;
        this.personnel = personnel;
        this.bureau = bureau;
        this.config = config;
    }

    /** When the request on this thread started, for the Server-Timing header of its page. */
    private static final ThreadLocal<Long> STARTED = new ThreadLocal<>();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        STARTED.set(System.nanoTime());
        try {
            get(req, resp);
        } finally {
            STARTED.remove();
        }
    }

    private void get(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Texts t = Texts.of("en".equals(req.getParameter("lang")) ? Locale.ENGLISH : Locale.ROOT);
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if (tricky(req.getRequestURI())) {
            notFound(resp, t);
            return;
        }
        try {
            route(req, resp, t, path);
        } catch (SQLException e) {
            LOG.warn("public site: {} failed: {}", path, e.getMessage());
            if (!resp.isCommitted()) {
                resp.reset();
                try {
                    page(resp, t, HttpServletResponse.SC_SERVICE_UNAVAILABLE, t.get("error.title"), null,
                            w -> w.println("<h1>" + esc(t.get("error.title")) + "</h1><p role=\"alert\">"
                                    + esc(t.get("error.unavailable")) + "</p>"));
                } catch (SQLException never) {
                    throw new IllegalStateException(never);
                }
            }
        }
    }

    private void route(HttpServletRequest req, HttpServletResponse resp, Texts t, String path) throws IOException, SQLException {
        switch (path) {
            case "/", "/index.html" -> home(req, resp, t);
            case "/site.css" -> css(resp);
            case "/decisions" -> list(req, resp, t, ItemType.DECISION, "decisions");
            case "/notices" -> list(req, resp, t, ItemType.NOTICE, "notices");
            case "/catalogues" -> catalogues(req, resp, t);
            case "/withdrawals" -> withdrawals(req, resp, t);
            case "/feed.atom" -> Feed.write(req, resp, t, site, bureau, config);
            case "/certificates" -> certificates(req, resp, t);
            case "/record" -> record(resp, t);
            default -> {
                Matcher m = ITEM.matcher(path);
                Matcher f = FILE.matcher(path);
                if (m.matches()) {
                    item(resp, t, m.group(1), m.group(2), m.group(3) != null);
                } else if (f.matches()) {
                    file(resp, t, f.group(1), f.group(2));
                } else {
                    notFound(resp, t);
                }
            }
        }
    }

    /** Encoded separators, dot segments and back slashes never name a page here. */
    static boolean tricky(String rawUri) {
        return PublicPages.trickyPath(rawUri);
    }

    // --- pages ----------------------------------------------------------------------------------

    private interface Body {
        void write(PrintWriter w) throws IOException, SQLException;
    }

    private void page(HttpServletResponse resp, Texts t, int status, String title, String current, Body body)
            throws IOException, SQLException {
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-cache");
        Html.headers(resp, null);
        // rendered first, so the page can say how long the server took (Server-Timing: the bench reads it)
        java.io.StringWriter page = new java.io.StringWriter(16 * 1024);
        PrintWriter w = new PrintWriter(page);
        frame.open(w, t, title, current);
        body.write(w);
        Html.close(w, t);
        w.flush();
        Long started = STARTED.get();
        if (started != null) {
            resp.setHeader("Server-Timing", String.format(Locale.ROOT, "app;dur=%.2f",
                    (System.nanoTime() - started) / 1e6));
        }
        resp.getWriter().write(page.toString());
    }

    private void notFound(HttpServletResponse resp, Texts t) throws IOException {
        try {
            page(resp, t, HttpServletResponse.SC_NOT_FOUND, t.get("notFound.title"), null, w -> w.println("<h1>"
                    + esc(t.get("notFound.title")) + "</h1><p id=\"not-found-page\">" + esc(t.get("notFound.text"))
                    + "</p><p><a href=\"/gongshi/\">" + esc(t.get("nav.home")) + "</a></p>"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void home(HttpServletRequest req, HttpServletResponse resp, Texts t) throws IOException, SQLException {
        page(resp, t, 200, t.get("home.title"), "home", w -> {
            w.println("<h1>" + esc(t.get("home.title")) + "</h1><p>" + esc(t.get("home.intro")) + "</p>");
            w.println("<section aria-labelledby=\"latest-h\"><h2 id=\"latest-h\">" + esc(t.get("home.latest")) + "</h2>");
            Page<SiteItem> latest = site.search(new Search(ItemType.DECISION, null, null, null, null, false, 0, config.homeItems()));
            items(w, t, latest.items(), "latest");
            w.println("<p><a href=\"/gongshi/decisions\">" + esc(t.format("home.all", latest.total())) + "</a></p></section>");
            Page<SiteItem> notices = site.search(new Search(ItemType.NOTICE, null, null, null, null, false, 0, 5));
            if (!notices.items().isEmpty()) {
                w.println("<section aria-labelledby=\"notices-h\"><h2 id=\"notices-h\">" + esc(t.get("nav.notices")) + "</h2>");
                items(w, t, notices.items(), "home-notices");
                w.println("</section>");
            }
            lookup(req, w, t, "h2");
            treeHead(w, t, "h2");
        });
    }

    private void certificates(HttpServletRequest req, HttpServletResponse resp, Texts t) throws IOException, SQLException {
        page(resp, t, 200, t.get("title"), "certificates", w -> lookup(req, w, t, "h1"));
    }

    /** The certificate lookup (D2): only what the published register shows. */
    private void lookup(HttpServletRequest req, PrintWriter w, Texts t, String h) {
        String no = req.getParameter("no");
        no = no == null ? "" : no.strip();
        boolean tooLong = no.length() > 32;
        Optional<PublicCertificate> found = no.isEmpty() || tooLong ? Optional.empty() : personnel.lookupCertificate(no);
        w.println("<section aria-labelledby=\"lookup-h\"><" + h + " id=\"lookup-h\">" + esc(t.get("title")) + "</" + h + ">");
        w.println("<p>" + esc(t.get("intro")) + "</p>");
        w.println("<form method=\"get\" action=\"\" role=\"search\"><label for=\"no\">" + esc(t.get("number")) + "</label> "
                + "<input id=\"no\" name=\"no\" maxlength=\"32\" value=\"" + esc(no) + "\" required> "
                + (t.english() ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")
                + "<button id=\"lookup\" type=\"submit\">" + esc(t.get("lookup")) + "</button></form>");
        if (!no.isEmpty()) {
            w.println("<div id=\"result\" role=\"status\">");
            if (found.isEmpty()) {
                w.println("<p class=\"invalid\" id=\"not-found\">" + esc(t.get(tooLong ? "tooLong" : "notFound")) + "</p>");
            } else {
                PublicCertificate c = found.get();
                w.println("<p class=\"" + (c.valid() ? "valid" : "invalid") + "\" id=\"verdict\">"
                        + esc(t.get(c.valid() ? "valid" : "notValid")) + "</p>");
                w.println("<table>");
                row(w, t.get("number"), c.certificateNo());
                row(w, t.get("name"), c.name());
                row(w, t.get("unit"), c.unit());
                row(w, t.get("categories"), String.join("、", c.categories()));
                row(w, t.get("area"), c.area());
                row(w, t.get("validity"), DATE_ZH.format(c.validFrom()) + " – " + DATE_ZH.format(c.validTo()));
                row(w, t.get("status"), t.get("status." + c.status().name()));
                w.println("</table>");
            }
            w.println("</div>");
        }
        w.println("</section>");
    }

    private void record(HttpServletResponse resp, Texts t) throws IOException, SQLException {
        page(resp, t, 200, t.get("sth.title"), "record", w -> {
            if (!treeHead(w, t, "h1")) {
                w.println("<h1>" + esc(t.get("sth.title")) + "</h1><p>" + esc(t.get("sth.none")) + "</p>");
            }
            w.println("<section aria-labelledby=\"verify-h\"><h2 id=\"verify-h\">" + esc(t.get("sth.how")) + "</h2><ol>");
            for (int i = 1; i <= 4; i++) {
                w.println("<li>" + esc(t.get("sth.how." + i)) + "</li>");
            }
            w.println("</ol><ul><li><a href=\"/api/v1/record/sth\">/api/v1/record/sth</a></li>"
                    + "<li><a href=\"/api/v1/record/sth/history\">/api/v1/record/sth/history</a></li>"
                    + "<li><a href=\"/api/v1/record/public-key\">/api/v1/record/public-key</a></li>"
                    + "<li><code>/api/v1/record/proof/inclusion?seq=…</code></li>"
                    + "<li><code>/api/v1/record/proof/consistency?first=…</code></li></ul></section>");
        });
    }

    /** The latest signed tree head, when the record is installed (R3). */
    private boolean treeHead(PrintWriter w, Texts t, String h) {
        RecordService r = record;
        if (r == null) {
            return false;
        }
        SignedTreeHead sth;
        try {
            sth = r.latestTreeHead();
        } catch (RuntimeException e) {
            return false;
        }
        w.println("<section id=\"tree-head\" aria-labelledby=\"sth-h\"><" + h + " id=\"sth-h\">" + esc(t.get("sth.title"))
                + "</" + h + "><p>" + esc(t.get("sth.intro")) + "</p><table>");
        row(w, t.get("sth.size"), Long.toString(sth.treeSize()));
        row(w, t.get("sth.root"), sth.hashAlgorithm() + " " + sth.rootHash());
        row(w, t.get("sth.time"), CanonicalJson.instant(sth.timestamp()));
        row(w, t.get("sth.key"), sth.keyId());
        row(w, t.get("sth.signature"), sth.signature());
        w.println("</table><details><summary>" + esc(t.get("sth.publicKey")) + "</summary><pre id=\"public-key\">"
                + esc(r.publicKeyPem()) + "</pre></details><p><a href=\"/gongshi/record\">" + esc(t.get("sth.how"))
                + "</a></p></section>");
        return true;
    }

    private void list(HttpServletRequest req, HttpServletResponse resp, Texts t, ItemType type, String section)
            throws IOException, SQLException {
        List<String> errors = new ArrayList<>();
        String kind = param(req, "kind", 64);
        if (kind != null && !KIND.matcher(kind).matches()) {
            errors.add(t.get("filter.badKind"));
            kind = null;
        }
        LocalDate from = date(req, "from", t, errors);
        LocalDate to = date(req, "to", t, errors);
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(t.get("filter.badRange"));
        }
        String q = req.getParameter("q") == null ? "" : req.getParameter("q").strip();
        if (q.length() > 100) {
            errors.add(t.get("filter.tooLong"));
            q = q.substring(0, 100);
        }
        boolean fullText = "1".equals(req.getParameter("text"));
        int pageNo = pageNo(req, t, errors);
        int size = Math.max(1, config.pageSize());
        Page<SiteItem> found = errors.isEmpty()
                ? site.search(new Search(type, kind, from, to, Search.normalise(q), fullText, (pageNo - 1) * size, size))
                : new Page<>(List.of(), 0, 0, size);
        String title = t.get("nav." + section);
        String fKind = kind;
        String fq = q;
        page(resp, t, errors.isEmpty() ? 200 : 400, title, section, w -> {
            w.println("<h1>" + esc(title) + "</h1>");
            w.println("<form method=\"get\" action=\"/gongshi/" + section + "\" role=\"search\" class=\"filters\" aria-label=\""
                    + esc(t.get("filter.label")) + "\">");
            w.println("<div><label for=\"q\">" + esc(t.get("filter.keyword")) + "</label><input id=\"q\" name=\"q\" type=\"search\""
                    + " maxlength=\"100\" value=\"" + esc(fq) + "\"></div>");
            w.println("<div><label for=\"kind\">" + esc(t.get("filter.kind")) + "</label><select id=\"kind\" name=\"kind\">"
                    + "<option value=\"\">" + esc(t.get("filter.anyKind")) + "</option>");
            for (Map.Entry<String, String> k : site.index.kinds(type, site.today()).entrySet()) {
                w.println("<option value=\"" + esc(k.getKey()) + "\"" + (k.getKey().equals(fKind) ? " selected" : "") + ">"
                        + esc(k.getValue()) + "</option>");
            }
            w.println("</select></div>");
            w.println("<div><label for=\"from\">" + esc(t.get("filter.from")) + "</label><input id=\"from\" name=\"from\" type=\"date\""
                    + " value=\"" + esc(from == null ? "" : from.toString()) + "\"></div>");
            w.println("<div><label for=\"to\">" + esc(t.get("filter.to")) + "</label><input id=\"to\" name=\"to\" type=\"date\""
                    + " value=\"" + esc(to == null ? "" : to.toString()) + "\"></div>");
            w.println("<div class=\"check\"><input id=\"text\" name=\"text\" type=\"checkbox\" value=\"1\"" + (fullText ? " checked" : "")
                    + "><label for=\"text\">" + esc(t.get("filter.fullText")) + "</label></div>");
            if (t.english()) {
                w.println("<input type=\"hidden\" name=\"lang\" value=\"en\">");
            }
            w.println("<div><button id=\"search\" type=\"submit\">" + esc(t.get("filter.submit")) + "</button></div></form>");
            if (!errors.isEmpty()) {
                w.println("<div id=\"filter-errors\" class=\"errors\" role=\"alert\"><ul>");
                errors.forEach(e -> w.println("<li>" + esc(e) + "</li>"));
                w.println("</ul></div>");
            }
            w.println("<p id=\"result-count\" role=\"status\">" + esc(t.format("list.count", found.total())) + "</p>");
            items(w, t, found.items(), "results");
            pager(w, t, req, section, pageNo, found.total(), size);
        });
    }

    private void catalogues(HttpServletRequest req, HttpServletResponse resp, Texts t) throws IOException, SQLException {
        List<String> errors = new ArrayList<>();
        int pageNo = pageNo(req, t, errors);
        int size = Math.max(1, config.pageSize());
        Page<SiteItem> found = site.search(new Search(ItemType.CATALOGUE, null, null, null, null, false,
                errors.isEmpty() ? (pageNo - 1) * size : 0, size));
        page(resp, t, errors.isEmpty() ? 200 : 400, t.get("nav.catalogues"), "catalogues", w -> {
            w.println("<h1>" + esc(t.get("nav.catalogues")) + "</h1><p>" + esc(t.get("catalogues.intro")) + "</p>");
            if (!errors.isEmpty()) {
                w.println("<p class=\"errors\" role=\"alert\">" + esc(String.join(" ", errors)) + "</p>");
            }
            if (found.items().isEmpty()) {
                w.println("<p class=\"empty\">" + esc(t.get("list.empty")) + "</p>");
            }
            for (SiteItem i : found.items()) {
                w.println("<article class=\"catalogue\" aria-labelledby=\"c-" + i.publicId() + "\"><h2 id=\"c-" + i.publicId()
                        + "\"><a href=\"/gongshi" + i.path() + "\">" + esc(i.title()) + "</a></h2>");
                meta(w, t, i);
                files(w, t, i);
                w.println("</article>");
            }
            pager(w, t, req, "catalogues", pageNo, found.total(), size);
        });
    }

    private void item(HttpServletResponse resp, Texts t, String section, String publicId, boolean pdf)
            throws IOException, SQLException {
        Optional<SiteItem> found = site.item(publicId).filter(i -> SiteItem.section(i.type()).equals(section));
        if (found.isEmpty()) {
            notFound(resp, t);
            return;
        }
        SiteItem i = found.get();
        if (pdf) {
            if (!site.store.hasPdf(i.rowId())) {
                notFound(resp, t);
                return;
            }
            resp.setContentType("application/pdf");
            fileHeaders(resp, "inline", i.publicId() + ".pdf");
            try (OutputStream out = resp.getOutputStream()) {
                site.store.pdf(i.rowId(), out);
            }
            return;
        }
        String text = site.store.text(i.rowId());
        boolean hasPdf = site.store.hasPdf(i.rowId());
        page(resp, t, 200, i.title(), section, w -> {
            w.println("<article aria-labelledby=\"item-title\"><h1 id=\"item-title\">" + esc(i.title()) + "</h1>");
            meta(w, t, i);
            if (text != null && !text.isBlank()) {
                w.println("<section aria-labelledby=\"text-h\"><h2 id=\"text-h\">" + esc(t.get("item.text"))
                        + "</h2><div class=\"text\" id=\"item-text\">" + esc(text) + "</div></section>");
            }
            if (hasPdf) {
                w.println("<p><a id=\"item-pdf\" href=\"/gongshi/" + section + "/" + i.publicId() + ".pdf\">"
                        + esc(t.get("item.pdf")) + "</a></p>");
            }
            files(w, t, i);
            w.println("</article>");
        });
    }

    private void file(HttpServletResponse resp, Texts t, String publicId, String name) throws IOException, SQLException {
        Optional<SiteItem> item = site.item(publicId);
        Optional<SiteStore.FileInfo> f = item.isEmpty() ? Optional.empty()
                : site.store.files(item.get().rowId()).stream().filter(x -> x.name().equals(name)).findFirst();
        if (f.isEmpty()) {
            notFound(resp, t);
            return;
        }
        String type = mediaType(f.get().mediaType());
        boolean inline = INLINE.contains(type);
        resp.setContentType(inline || DOWNLOADS.contains(type) ? type : "application/octet-stream");
        resp.setContentLengthLong(f.get().bytes());
        fileHeaders(resp, inline ? "inline" : "attachment", name);
        try (OutputStream out = resp.getOutputStream()) {
            site.store.file(f.get().id(), out);
        }
    }

    /** A file opened on its own (an SVG above all) runs no script and loads nothing: sandboxed. */
    private static void fileHeaders(HttpServletResponse resp, String disposition, String safeName) {
        resp.setHeader("Content-Disposition", disposition + "; filename=\"" + safeName + "\"");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; sandbox");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-cache");
    }

    private static String mediaType(String stored) {
        String m = stored == null ? "" : stored.toLowerCase(Locale.ROOT).strip();
        int semi = m.indexOf(';');
        return semi < 0 ? m : m.substring(0, semi).strip();
    }

    private void withdrawals(HttpServletRequest req, HttpServletResponse resp, Texts t) throws IOException, SQLException {
        List<String> errors = new ArrayList<>();
        int pageNo = pageNo(req, t, errors);
        int size = Math.max(1, config.pageSize());
        long total = site.store.withdrawalCount();
        List<Withdrawal> rows = errors.isEmpty() ? site.store.withdrawals((pageNo - 1) * size, size) : List.of();
        page(resp, t, errors.isEmpty() ? 200 : 400, t.get("nav.withdrawals"), "withdrawals", w -> {
            w.println("<h1>" + esc(t.get("nav.withdrawals")) + "</h1><p>" + esc(t.get("withdrawals.intro")) + "</p>");
            if (!errors.isEmpty()) {
                w.println("<p class=\"errors\" role=\"alert\">" + esc(String.join(" ", errors)) + "</p>");
            }
            if (rows.isEmpty()) {
                w.println("<p class=\"empty\">" + esc(t.get("list.empty")) + "</p>");
            } else {
                w.println("<div class=\"scroll\"><table id=\"withdrawals\"><caption>" + esc(t.format("list.count", total))
                        + "</caption><thead><tr><th scope=\"col\">" + esc(t.get("withdrawals.date")) + "</th><th scope=\"col\">"
                        + esc(t.get("withdrawals.item")) + "</th><th scope=\"col\">" + esc(t.get("item.caseNumber"))
                        + "</th><th scope=\"col\">" + esc(t.get("withdrawals.ground")) + "</th><th scope=\"col\">"
                        + esc(t.get("withdrawals.reason")) + "</th></tr></thead><tbody>");
                for (Withdrawal x : rows) {
                    w.println("<tr id=\"w-" + esc(x.publicId()) + "-" + x.version() + "\"><td>" + esc(date(t, x.withdrawnAt()))
                            + "</td><td>" + esc(x.title()) + "</td><td>" + esc(x.caseNumber()) + "</td><td>"
                            + esc(t.get("ground." + x.ground().name())) + "</td><td class=\"reason\">" + esc(x.reason()) + "</td></tr>");
                }
                w.println("</tbody></table></div>");
            }
            pager(w, t, req, "withdrawals", pageNo, total, size);
        });
    }

    // --- fragments --------------------------------------------------------------------------------

    private void items(PrintWriter w, Texts t, List<SiteItem> items, String id) {
        if (items.isEmpty()) {
            w.println("<p class=\"empty\" id=\"" + id + "-empty\">" + esc(t.get("list.empty")) + "</p>");
            return;
        }
        w.println("<ul class=\"items\" id=\"" + id + "\">");
        for (SiteItem i : items) {
            w.println("<li><a class=\"item-link\" href=\"/gongshi" + i.path() + "\">" + esc(i.title()) + "</a>");
            List<String> parts = new ArrayList<>();
            if (i.caseNumber() != null && !i.caseNumber().isBlank()) {
                parts.add(i.caseNumber());
            }
            if (i.party() != null && !i.party().isBlank()) {
                parts.add(t.get("item.party") + "：" + i.party());
            }
            if (i.kindTitle() != null) {
                parts.add(i.kindTitle());
            }
            if (i.decidedOn() != null) {
                parts.add(date(t, i.decidedOn()));
            }
            w.println("<p class=\"meta\">" + esc(String.join(" · ", parts)) + "</p></li>");
        }
        w.println("</ul>");
    }

    private void meta(PrintWriter w, Texts t, SiteItem i) {
        w.println("<dl class=\"meta\">");
        dd(w, t.get("item.caseNumber"), i.caseNumber(), "item-case");
        dd(w, t.get("item.party"), i.party(), "item-party");
        dd(w, t.get("item.kind"), i.kindTitle(), "item-kind");
        dd(w, t.get(i.type() == ItemType.DECISION ? "item.decidedOn" : "item.date"), i.decidedOn() == null ? null
                : date(t, i.decidedOn()), "item-date");
        dd(w, t.get("item.publishedAt"), date(t, i.publishedAt()), "item-published");
        dd(w, t.get("item.postUntil"), i.postUntil() == null ? null : date(t, i.postUntil()), "item-until");
        if (i.version() > 1) {
            dd(w, t.get("item.version"), t.format("item.versionText", i.version()), "item-version");
        }
        w.println("</dl>");
    }

    private void files(PrintWriter w, Texts t, SiteItem i) throws SQLException {
        List<SiteStore.FileInfo> files = site.store.files(i.rowId());
        if (files.isEmpty()) {
            return;
        }
        w.println("<section class=\"files\" aria-label=\"" + esc(t.get("item.files")) + "\"><h3>" + esc(t.get("item.files")) + "</h3><ul>");
        for (SiteStore.FileInfo f : files) {
            String href = "/gongshi/files/" + i.publicId() + "/" + f.name();
            w.println("<li><a class=\"file-link\" href=\"" + esc(href) + "\">" + esc(f.name()) + "</a> <span class=\"size\">("
                    + esc(mediaType(f.mediaType())) + ", " + esc(size(f.bytes())) + ")</span>");
            if (IMAGES.contains(mediaType(f.mediaType()))) {
                w.println("<figure><img src=\"" + esc(href) + "\" alt=\"" + esc(t.format("item.figure", i.title(), f.name()))
                        + "\"></figure>");
            }
            w.println("</li>");
        }
        w.println("</ul></section>");
    }

    private static void dd(PrintWriter w, String label, String value, String id) {
        if (value != null && !value.isBlank()) {
            w.println("<div><dt>" + esc(label) + "</dt><dd id=\"" + id + "\">" + esc(value) + "</dd></div>");
        }
    }

    private static void pager(PrintWriter w, Texts t, HttpServletRequest req, String section, int pageNo, long total, int size) {
        long pages = Math.max(1, (total + size - 1) / size);
        if (pages <= 1) {
            return;
        }
        w.println("<nav class=\"pager\" aria-label=\"" + esc(t.get("pager.label")) + "\"><ul>");
        if (pageNo > 1) {
            w.println("<li><a id=\"page-prev\" rel=\"prev\" href=\"" + esc(pageLink(req, section, pageNo - 1)) + "\">"
                    + esc(t.get("pager.prev")) + "</a></li>");
        }
        w.println("<li aria-current=\"page\" id=\"page-current\">" + esc(t.format("pager.of", pageNo, pages)) + "</li>");
        if (pageNo < pages) {
            w.println("<li><a id=\"page-next\" rel=\"next\" href=\"" + esc(pageLink(req, section, pageNo + 1)) + "\">"
                    + esc(t.get("pager.next")) + "</a></li>");
        }
        w.println("</ul></nav>");
    }

    private static String pageLink(HttpServletRequest req, String section, int page) {
        StringBuilder sb = new StringBuilder("/gongshi/" + section + "?page=" + page);
        for (String p : List.of("q", "kind", "from", "to", "text", "lang")) {
            String v = req.getParameter(p);
            if (v != null && !v.isEmpty()) {
                sb.append('&').append(p).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return sb.toString();
    }

    private static void row(PrintWriter w, String label, String value) {
        w.println("<tr><th>" + esc(label) + "</th><td>" + esc(value) + "</td></tr>");
    }

    private static String param(HttpServletRequest req, String name, int max) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        v = v.strip();
        return v.length() > max ? v.substring(0, max + 1) : v;
    }

    private static LocalDate date(HttpServletRequest req, String name, Texts t, List<String> errors) {
        String v = param(req, name, 10);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(t.format("filter.badDate", t.get("filter." + name)));
            return null;
        }
    }

    private static int pageNo(HttpServletRequest req, Texts t, List<String> errors) {
        String v = param(req, "page", 6);
        if (v == null) {
            return 1;
        }
        try {
            int p = Integer.parseInt(v);
            if (p >= 1 && p <= 100_000) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(t.get("filter.badPage"));
        return 1;
    }

    private String date(Texts t, Instant at) {
        return at == null ? "" : date(t, at.atZone(site.zone()).toLocalDate());
    }

    private static String date(Texts t, LocalDate d) {
        return t.english() ? d.toString() : DATE_ZH.format(d);
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    private static void css(HttpServletResponse resp) throws IOException {
        resp.setContentType("text/css;charset=UTF-8");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "max-age=3600");
        try (InputStream in = SiteServlet.class.getResourceAsStream("site.css"); OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }
}
