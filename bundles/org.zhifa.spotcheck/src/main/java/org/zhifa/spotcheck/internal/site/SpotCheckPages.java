package org.zhifa.spotcheck.internal.site;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.PublicPages;
import org.zhifa.api.common.Roles;
import org.zhifa.api.common.Texts;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.disclosure.DisclosureItem;
import org.zhifa.api.disclosure.DisclosureService;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.site.PublicFrame;
import org.zhifa.api.site.PublicSection;
import org.zhifa.api.spotcheck.Draw;
import org.zhifa.api.spotcheck.DrawAlgorithm;
import org.zhifa.api.spotcheck.DrawInspector;
import org.zhifa.api.spotcheck.DrawResult;
import org.zhifa.api.spotcheck.InspectionOutcome;
import org.zhifa.api.spotcheck.Plan;
import org.zhifa.api.spotcheck.SeedSource;
import org.zhifa.api.spotcheck.SpotCheckService;
import org.zhifa.spotcheck.internal.Labels;

/**
 * The public pages of 双随机、一公开 (S3, S4) under /gongshi/spotcheck/, in the public site's frame and navigation:
 * the plans, each draw (announced sources before it is made; after it the values, key, algorithm, snapshot
 * hashes, result, record entry, redraws with their reasons, and how to re-run it from draw.json), and the
 * results disclosure has published. No login, no script; every stored text escaped.
 *
 * <p>Served here rather than by the site, so the site needs no dependency on random inspections; present only
 * while the site (its {@link PublicFrame}) is.
 */
@Component(service = {Servlet.class, PublicSection.class}, property = {
        "osgi.http.whiteboard.servlet.pattern=/gongshi/spotcheck/*",
        "osgi.http.whiteboard.servlet.name=zhifa-gongshi-spotcheck"})
public class SpotCheckPages extends HttpServlet implements PublicSection {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SpotCheckPages.class);
    static final String BASE = "/gongshi/spotcheck/";
    /**
     * Reads for the public what is public by design (plans, announcements, made draws, published results): a
     * staff role without a keeper's, so reading opens nothing and writes nothing.
     */
    private static final Actor PUBLIC_READER = new Actor("zhifa-gongshi", Set.of(Roles.OFFICER));
    private static final Texts T = Texts.of(SpotCheckPages.class, "org.zhifa.spotcheck.internal.site.messages");
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));
    private static final Pattern PLAN = Pattern.compile("/plans/([1-9]\\d{0,17})");
    private static final Pattern DRAW = Pattern.compile("/draws/([1-9]\\d{0,17})(/draw\\.json)?");

    private final transient SpotCheckService service;
    private final transient PublicFrame frame;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    transient volatile DisclosureService disclosure;

    @Activate
    public SpotCheckPages(@Reference SpotCheckService service, @Reference PublicFrame frame) {
        this.service = service;
        this.frame = frame;
    }

    // --- the section in the site's navigation ---

    @Override
    public String id() {
        return "spotcheck";
    }

    @Override
    public String path() {
        return BASE;
    }

    @Override
    public String label(Locale locale) {
        return T.text(locale, "nav");
    }

    // --- pages ---

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Locale locale = "en".equals(req.getParameter("lang")) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if (PublicPages.trickyPath(req.getRequestURI())) {
            notFound(resp, locale);
            return;
        }
        try {
            Matcher plan = PLAN.matcher(path);
            Matcher draw = DRAW.matcher(path);
            if ("/".equals(path)) {
                index(resp, locale);
            } else if (plan.matches()) {
                plan(resp, locale, Long.parseLong(plan.group(1)));
            } else if (draw.matches() && draw.group(2) != null) {
                drawFile(resp, locale, Long.parseLong(draw.group(1)));
            } else if (draw.matches()) {
                draw(resp, locale, Long.parseLong(draw.group(1)));
            } else {
                notFound(resp, locale);
            }
        } catch (ZhifaException e) {
            if (e.kind() == ZhifaException.Kind.NOT_FOUND) {
                notFound(resp, locale);
            } else {
                LOG.warn("spotcheck pages: {} failed: {} {}", path, e.code(), e.getMessage());
                unavailable(resp, locale);
            }
        }
    }

    private interface Body {
        void write(PrintWriter w);
    }

    private void page(HttpServletResponse resp, Locale locale, int status, String title, Body body) throws IOException {
        // the whole page first: a failure half-way answers an error page, never half a page
        StringWriter page = new StringWriter(16 * 1024);
        PrintWriter w = new PrintWriter(page);
        frame.open(w, locale, title, id());
        body.write(w);
        frame.close(w, locale);
        w.flush();
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-cache");
        frame.headers().forEach(resp::setHeader);
        resp.getWriter().write(page.toString());
    }

    private void notFound(HttpServletResponse resp, Locale locale) throws IOException {
        page(resp, locale, HttpServletResponse.SC_NOT_FOUND, T.text(locale, "notFound.title"), w -> w.println(
                "<h1>" + esc(T.text(locale, "notFound.title")) + "</h1><p id=\"not-found-page\">"
                        + esc(T.text(locale, "notFound.text")) + "</p><p><a href=\"" + BASE + lang(locale) + "\">"
                        + esc(T.text(locale, "nav")) + "</a></p>"));
    }

    private void unavailable(HttpServletResponse resp, Locale locale) throws IOException {
        page(resp, locale, HttpServletResponse.SC_SERVICE_UNAVAILABLE, T.text(locale, "error.title"), w -> w.println(
                "<h1>" + esc(T.text(locale, "error.title")) + "</h1><p role=\"alert\">"
                        + esc(T.text(locale, "error.unavailable")) + "</p>"));
    }

    private void index(HttpServletResponse resp, Locale locale) throws IOException {
        List<Plan> plans = service.plans(PUBLIC_READER);
        List<Plan> newestFirst = new ArrayList<>(plans);
        java.util.Collections.reverse(newestFirst);
        Map<Long, List<Draw>> draws = plans.stream().collect(Collectors.toMap(Plan::id,
                p -> service.draws(p.id(), PUBLIC_READER)));
        page(resp, locale, 200, T.text(locale, "index.title"), w -> {
            w.println("<h1>" + esc(T.text(locale, "index.title")) + "</h1>");
            w.println("<p>" + esc(T.text(locale, "index.intro")) + "</p>");
            if (plans.isEmpty()) {
                w.println("<p class=\"empty\" id=\"plans-empty\">" + esc(T.text(locale, "plans.empty")) + "</p>");
                return;
            }
            w.println("<div class=\"scroll\"><table id=\"plans\"><caption>" + esc(T.text(locale, "plans.caption",
                    String.valueOf(plans.size()))) + "</caption><thead><tr>");
            for (String h : List.of("number", "title", "item", "filter", "size", "frequency", "period", "draws")) {
                w.print("<th scope=\"col\">" + esc(T.text(locale, "col." + h)) + "</th>");
            }
            w.println("</tr></thead><tbody>");
            for (Plan p : newestFirst) {
                w.println("<tr><td><a href=\"" + BASE + "plans/" + p.id() + lang(locale) + "\">" + esc(p.number())
                        + "</a></td><td>" + esc(p.title()) + "</td><td>" + item(locale, p) + "</td><td>"
                        + esc(Labels.filter(locale, p.filter())) + "</td><td>" + esc(Labels.size(locale, p)) + "</td><td>"
                        + esc(p.frequency()) + "</td><td>" + p.periodFrom() + " ~ " + p.periodTo() + "</td><td>"
                        + drawLinks(locale, draws.get(p.id())) + "</td></tr>");
            }
            w.println("</tbody></table></div>");
        });
    }

    private void plan(HttpServletResponse resp, Locale locale, long id) throws IOException {
        Plan p = service.plan(id, PUBLIC_READER).orElseThrow(SpotCheckPages::notFound);
        List<Draw> draws = service.draws(id, PUBLIC_READER);
        page(resp, locale, 200, p.number() + " " + p.title(), w -> {
            w.println("<h1>" + esc(p.title()) + "</h1>");
            w.println("<dl class=\"meta\" id=\"plan\">");
            meta(w, locale, "col.number", esc(p.number()));
            meta(w, locale, "col.item", item(locale, p));
            meta(w, locale, "col.filter", esc(Labels.filter(locale, p.filter())));
            meta(w, locale, "col.size", esc(Labels.size(locale, p)));
            meta(w, locale, "col.perTarget", esc(T.text(locale, p.excludeOwnArea() ? "perTarget.ownArea" : "perTarget",
                    String.valueOf(p.inspectorsPerTarget()))));
            meta(w, locale, "col.frequency", esc(p.frequency()));
            meta(w, locale, "col.period", p.periodFrom() + " ~ " + p.periodTo());
            w.println("</dl>");
            w.println("<section aria-labelledby=\"draws-h\"><h2 id=\"draws-h\">" + esc(T.text(locale, "draws.title"))
                    + "</h2>");
            if (draws.isEmpty()) {
                w.println("<p class=\"empty\">" + esc(T.text(locale, "draws.empty")) + "</p>");
            } else {
                w.println("<ul class=\"items\" id=\"draws\">");
                for (Draw d : draws) {
                    w.println("<li><a class=\"item-link\" href=\"" + BASE + "draws/" + d.id() + lang(locale) + "\">"
                            + esc(T.text(locale, "draw.title", String.valueOf(d.round()))) + "</a><p class=\"meta\">"
                            + esc(T.text(locale, "status." + d.status().name())) + " · "
                            + esc(T.text(locale, "draw.announcedAt", AT.format(d.announcedAt())))
                            + (d.drawnAt() == null ? "" : " · " + esc(T.text(locale, "draw.drawnAt", AT.format(d.drawnAt()))))
                            + (d.redrawReason() == null ? "" : " · " + esc(T.text(locale, "draw.reason", d.redrawReason())))
                            + "</p></li>");
                }
                w.println("</ul>");
            }
            w.println("</section>");
        });
    }

    private void draw(HttpServletResponse resp, Locale locale, long id) throws IOException {
        Draw d = service.draw(id, PUBLIC_READER).orElseThrow(SpotCheckPages::notFound);
        Plan p = service.plan(d.planId(), PUBLIC_READER).orElseThrow(SpotCheckPages::notFound);
        Optional<Draw> successor = d.status() == Draw.Status.SUPERSEDED ? service.draws(p.id(), PUBLIC_READER).stream()
                .filter(x -> Long.valueOf(id).equals(x.supersedes())).findFirst() : Optional.empty();
        List<String[]> results = d.status() == Draw.Status.ANNOUNCED ? List.of() : published(d);
        String title = p.number() + " " + T.text(locale, "draw.title", String.valueOf(d.round()));
        page(resp, locale, 200, title, w -> {
            w.println("<h1>" + esc(title) + "</h1>");
            w.println("<p class=\"meta\"><a href=\"" + BASE + "plans/" + p.id() + lang(locale) + "\">" + esc(p.title())
                    + "</a> · " + item(locale, p) + "</p>");
            w.println("<p id=\"draw-status\">" + esc(T.text(locale, "status." + d.status().name())) + "</p>");
            if (d.supersedes() != null) {
                w.println("<p id=\"redraw-of\">" + esc(T.text(locale, "redraw.of")) + " <a href=\"" + BASE + "draws/"
                        + d.supersedes() + lang(locale) + "\">" + esc(T.text(locale, "draw.number", String.valueOf(d.supersedes())))
                        + "</a>. " + esc(T.text(locale, "draw.reason", d.redrawReason())) + "</p>");
            }
            successor.ifPresent(s -> w.println("<p id=\"superseded-by\">" + esc(T.text(locale, "redraw.by"))
                    + " <a href=\"" + BASE + "draws/" + s.id() + lang(locale) + "\">"
                    + esc(T.text(locale, "draw.number", String.valueOf(s.id()))) + "</a>. "
                    + esc(T.text(locale, "draw.reason", s.redrawReason())) + "</p>"));
            sources(w, locale, d);
            if (d.status() != Draw.Status.ANNOUNCED) {
                made(w, locale, d);
                rerun(w, locale, d);
                results(w, locale, results);
            }
        });
    }

    private void sources(PrintWriter w, Locale locale, Draw d) {
        w.println("<section aria-labelledby=\"sources-h\"><h2 id=\"sources-h\">" + esc(T.text(locale, "sources.title"))
                + "</h2><p>" + esc(T.text(locale, "sources.announced", AT.format(d.announcedAt()))) + "</p>");
        if (d.seedMode() == Draw.SeedMode.SECURE_RANDOM) {
            w.println("<p id=\"secure-random\">" + esc(T.text(locale, "sources.secureRandom")) + "</p></section>");
            return;
        }
        w.println("<ol id=\"sources\">");
        for (SeedSource s : d.sources()) {
            w.println("<li><span class=\"source-label\">" + esc(s.label()) + "</span>"
                    + (s.ordered() ? "" : " <span class=\"meta\">(" + esc(T.text(locale, "sources.unordered")) + ")</span>")
                    + (s.values().isEmpty() ? "" : "：<code class=\"source-values\">" + esc(String.join(" ", s.values()))
                    + "</code>") + "</li>");
        }
        w.println("</ol>");
        if (d.status() == Draw.Status.ANNOUNCED) {
            w.println("<p id=\"not-drawn\">" + esc(T.text(locale, "sources.pending")) + "</p>");
        }
        w.println("</section>");
    }

    private void made(PrintWriter w, Locale locale, Draw d) {
        w.println("<section aria-labelledby=\"made-h\"><h2 id=\"made-h\">" + esc(T.text(locale, "made.title")) + "</h2>");
        w.println("<dl class=\"meta\" id=\"draw-facts\">");
        meta(w, locale, "made.at", esc(AT.format(d.drawnAt())));
        meta(w, locale, "made.algorithm", "<code>" + esc(d.algorithm()) + "</code>");
        meta(w, locale, "made.key", "<code id=\"draw-key\">" + esc(d.key()) + "</code>");
        meta(w, locale, "made.pool", esc(T.text(locale, "made.poolSize", String.valueOf(d.poolSize()),
                String.valueOf(d.targetCount()))));
        meta(w, locale, "made.targetsHash", "<code>" + esc(d.targetsHash()) + "</code>");
        meta(w, locale, "made.inspectorsHash", "<code>" + esc(d.inspectorsHash()) + "</code>");
        meta(w, locale, "made.conflictsHash", "<code>" + esc(d.conflictsHash()) + "</code>");
        meta(w, locale, "made.recordSeq", "<a href=\"/gongshi/record" + lang(locale) + "\" id=\"record-seq\">"
                + esc(T.text(locale, "made.entry", String.valueOf(d.recordSeq()))) + "</a>");
        w.println("</dl>");
        w.println("<div class=\"scroll\"><table id=\"result\"><caption>" + esc(T.text(locale, "result.caption"))
                + "</caption><thead><tr>");
        for (String h : List.of("order", "target", "creditCode", "inspectors")) {
            w.print("<th scope=\"col\">" + esc(T.text(locale, "col." + h)) + "</th>");
        }
        w.println("</tr></thead><tbody>");
        int n = 0;
        for (DrawResult.Assignment a : d.result().assignments()) {
            w.println("<tr><td>" + ++n + "</td><td class=\"target\">" + esc(a.target().name()) + "</td><td>"
                    + esc(a.target().creditCode()) + "</td><td>"
                    + esc(a.inspectors().stream().map(DrawInspector::name).collect(Collectors.joining(T.text(locale, "sep"))))
                    + "</td></tr>");
        }
        w.println("</tbody></table></div>");
        long conflicts = d.result().recusals().stream().filter(r -> r.ground() == DrawResult.Recusal.Ground.CONFLICT).count();
        long area = d.result().recusals().size() - conflicts;
        if (!d.result().recusals().isEmpty()) {
            // who declared what stays with staff: the public sees how many recusals there were and why in kind
            w.println("<p id=\"recusals\">" + esc(T.text(locale, "result.recusals", String.valueOf(conflicts),
                    String.valueOf(area))) + "</p>");
        }
        w.println("</section>");
    }

    private void rerun(PrintWriter w, Locale locale, Draw d) {
        String file = BASE + "draws/" + d.id() + "/draw.json";
        w.println("<section aria-labelledby=\"rerun-h\"><h2 id=\"rerun-h\">" + esc(T.text(locale, "rerun.title")) + "</h2>");
        w.println("<ol id=\"rerun\"><li>" + esc(T.text(locale, "rerun.download")) + " <a href=\"" + file
                + "\" download=\"draw.json\" id=\"draw-file\">draw.json</a></li><li>" + esc(T.text(locale, "rerun.run"))
                + "<pre>java -jar zhifa-verify.jar draw.json</pre></li></ol>");
        w.println("<p>" + esc(T.text(locale, "rerun.checks")) + "</p>");
        w.println("<h3>" + esc(T.text(locale, "algorithm.title")) + "</h3>");
        w.println("<p id=\"algorithm\">" + esc(T.text(locale, DrawAlgorithm.RFC3797_MD5.equals(d.algorithm())
                ? "algorithm.md5" : "algorithm.sha256")) + "</p>");
        w.println("<p>" + esc(T.text(locale, "algorithm.key")) + "</p>");
        w.println("<p>" + esc(T.text(locale, "algorithm.select")) + "</p>");
        w.println("<p>" + esc(T.text(locale, "algorithm.inspectors")) + "</p>");
        w.println("<p><a href=\"https://www.rfc-editor.org/rfc/rfc3797\" rel=\"external noopener\" id=\"rfc3797\">"
                + esc(T.text(locale, "algorithm.rfc")) + "</a></p></section>");
    }

    /** Rows (target, finding, published on, public path) of the results disclosure has published, and only those. */
    private List<String[]> published(Draw d) {
        DisclosureService ds = disclosure;
        if (ds == null) {
            return List.of();
        }
        List<String[]> rows = new ArrayList<>();
        try {
            for (InspectionOutcome o : service.outcomes(d.id(), PUBLIC_READER)) {
                if (o.publishedOn() == null || o.disclosureItemId() == null || o.finding() == null) {
                    continue;
                }
                Optional<DisclosureItem> item = ds.item(o.disclosureItemId(), PUBLIC_READER);
                if (item.isPresent() && item.get().status() == ItemStatus.PUBLISHED) {
                    rows.add(new String[] {o.targetName(), o.finding().label(), o.publishedOn().toString(),
                            "/gongshi/decisions/" + item.get().publicId()});
                }
            }
        } catch (ZhifaException e) {
            // results are a part of the page: a refusal leaves them out, never the draw
            LOG.warn("spotcheck pages: results of draw {} unavailable: {} {}", d.id(), e.code(), e.getMessage());
            return null;
        }
        return rows;
    }

    private void results(PrintWriter w, Locale locale, List<String[]> rows) {
        w.println("<section aria-labelledby=\"results-h\"><h2 id=\"results-h\">" + esc(T.text(locale, "results.title"))
                + "</h2>");
        if (rows == null || rows.isEmpty()) {
            w.println("<p class=\"empty\" id=\"results-empty\">" + esc(T.text(locale, rows == null
                    ? "results.unavailable" : "results.empty")) + "</p></section>");
            return;
        }
        w.println("<div class=\"scroll\"><table id=\"results\"><thead><tr>");
        for (String h : List.of("target", "finding", "publishedOn", "disclosure")) {
            w.print("<th scope=\"col\">" + esc(T.text(locale, "col." + h)) + "</th>");
        }
        w.println("</tr></thead><tbody>");
        for (String[] r : rows) {
            w.println("<tr><td>" + esc(r[0]) + "</td><td>" + esc(r[1]) + "</td><td>" + esc(r[2]) + "</td><td><a href=\""
                    + esc(r[3]) + "\">" + esc(T.text(locale, "results.link")) + "</a></td></tr>");
        }
        w.println("</tbody></table></div></section>");
    }

    /** The draw file, whole or not at all: no login, it is public once the draw is made. */
    private void drawFile(HttpServletResponse resp, Locale locale, long id) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        service.drawFile(id, out);
        resp.setStatus(200);
        resp.setContentType("application/json;charset=UTF-8");
        resp.setHeader("Content-Disposition", "attachment; filename=\"draw.json\"");
        resp.setHeader("Cache-Control", "no-cache");
        frame.headers().forEach(resp::setHeader);
        resp.setContentLength(out.size());
        out.writeTo(resp.getOutputStream());
    }

    private static String drawLinks(Locale locale, List<Draw> draws) {
        if (draws == null || draws.isEmpty()) {
            return esc(T.text(locale, "draws.none"));
        }
        return draws.stream().map(d -> "<a href=\"" + BASE + "draws/" + d.id() + lang(locale) + "\">"
                + esc(T.text(locale, "draw.title", String.valueOf(d.round()))) + "</a>（"
                + esc(T.text(locale, "status." + d.status().name())) + "）").collect(Collectors.joining("<br>"));
    }

    private static String item(Locale locale, Plan p) {
        return esc(p.itemName()) + " <span class=\"meta\">(" + esc(T.text(locale, p.keyItem() ? "item.key" : "item.general"))
                + ")</span>";
    }

    private static void meta(PrintWriter w, Locale locale, String key, String html) {
        w.println("<div><dt>" + esc(T.text(locale, key)) + "</dt><dd>" + html + "</dd></div>");
    }

    private static String lang(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "?lang=en" : "";
    }

    private static String esc(String s) {
        return PublicPages.escape(s);
    }

    private static ZhifaException notFound() {
        return new ZhifaException(ZhifaException.Kind.NOT_FOUND, "NOT_FOUND", "", "", null);
    }
}
