package org.zhifa.gongshi.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

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
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.Roles;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.personnel.Officer;
import org.zhifa.api.personnel.OfficerQuery;
import org.zhifa.api.personnel.PersonnelService;

import static org.zhifa.gongshi.internal.Html.esc;

/**
 * The service-hall board /gongshi/dating (D2, C6): full screen, the officers on duty today with their unit, post,
 * enforcement categories and certificate number, and the services (the installed enforcement kinds). Pages of
 * officers rotate by a small script (the page's only script, allowed by its nonce); after a full round the page
 * reloads, so the register's changes show up without anyone touching the screen.
 */
@Component(service = Servlet.class, configurationPid = SiteConfig.PID, property = {
        "osgi.http.whiteboard.servlet.pattern=/gongshi/dating",
        "osgi.http.whiteboard.servlet.name=zhifa-gongshi-board"})
public class BoardServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Reads the register for the public board; writes nothing. */
    private static final Actor READER = new Actor("zhifa-gongshi-board", Set.of(Roles.OFFICER));
    private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日 EEEE", Locale.CHINA);

    private final transient PersonnelService personnel;
    private final transient BureauInfo bureau;
    private final transient SiteConfig config;
    private final transient List<EnforcementKind> kinds = new CopyOnWriteArrayList<>();

    @Activate
    public BoardServlet(@Reference PersonnelService personnel, @Reference BureauInfo bureau, SiteConfig config) {
        this.personnel = personnel;
        this.bureau = bureau;
        this.config = config;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addKind(EnforcementKind kind) {
        kinds.add(kind);
    }

    void removeKind(EnforcementKind kind) {
        kinds.remove(kind);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Texts t = Texts.of(Locale.ROOT);
        LocalDate today = LocalDate.now(ZoneId.of(config.zone()));
        Set<String> units = dutyUnits(today.getDayOfWeek());
        List<Officer> officers = onDuty(units);
        int size = Math.max(1, config.board_pageSize());
        int pages = Math.max(1, (officers.size() + size - 1) / size);
        int seconds = Math.max(3, config.board_rotateSeconds());
        String nonce = Html.nonce();

        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        Html.headers(resp, nonce);
        PrintWriter w = resp.getWriter();
        w.println("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">");
        w.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.println("<title>" + esc(t.get("board.title")) + " - " + esc(bureau.name()) + "</title>");
        w.println("<link rel=\"stylesheet\" href=\"/gongshi/site.css\"></head>");
        w.println("<body class=\"board\" data-rotate=\"" + seconds + "\" data-page-format=\"" + esc(t.get("board.page")) + "\">");
        w.println("<header class=\"board-head\"><div><p class=\"board-bureau\">" + esc(bureau.name()) + "</p><h1>"
                + esc(config.board_hall()) + " · " + esc(t.get("board.title")) + "</h1></div><div class=\"board-side\"><p>"
                + esc(DATE_ZH.format(today)) + "</p><p id=\"board-indicator\" aria-live=\"polite\">"
                + esc(t.get("board.page").replace("{0}", "1").replace("{1}", Integer.toString(pages))) + "</p></div></header>");
        w.println("<main id=\"main\">");
        if (officers.isEmpty()) {
            w.println("<p class=\"board-empty\">" + esc(t.get("board.empty")) + "</p>");
        }
        for (int p = 0; p < pages && !officers.isEmpty(); p++) {
            w.println("<section class=\"board-page\" id=\"board-page-" + (p + 1) + "\" aria-label=\""
                    + esc(t.get("board.page").replace("{0}", Integer.toString(p + 1)).replace("{1}", Integer.toString(pages)))
                    + "\"" + (p == 0 ? "" : " hidden") + "><ul class=\"cards\">");
            for (Officer o : officers.subList(p * size, Math.min(officers.size(), (p + 1) * size))) {
                w.println("<li class=\"card\"><p class=\"card-name\">" + esc(o.name()) + "</p><p class=\"card-post\">"
                        + esc(o.post()) + "</p><dl><div><dt>" + esc(t.get("unit")) + "</dt><dd>" + esc(o.unit())
                        + "</dd></div><div><dt>" + esc(t.get("categories")) + "</dt><dd>" + esc(String.join("、", o.categories()))
                        + "</dd></div><div><dt>" + esc(t.get("number")) + "</dt><dd class=\"card-cert\">"
                        + esc(o.certificateNo()) + "</dd></div></dl></li>");
            }
            w.println("</ul></section>");
        }
        w.println("</main><footer class=\"board-foot\"><p><strong>" + esc(t.get("board.services")) + "</strong>");
        List<String> services = kinds.stream().sorted(Comparator.comparing(EnforcementKind::id))
                .map(k -> k.title(Locale.CHINA)).toList();
        w.println(esc(services.isEmpty() ? t.get("board.noServices") : String.join("　", services)) + "</p>");
        w.println("<p>" + esc(t.get("board.check")) + "</p></footer>");
        w.println("<script nonce=\"" + nonce + "\">" + script() + "</script></body></html>");
    }

    /** Shows the next page every few seconds; reloads after the last one (fresh data, and it never drifts). */
    private static String script() {
        return "(function(){var b=document.body,s=+b.getAttribute('data-rotate')*1000,f=b.getAttribute('data-page-format'),"
                + "p=document.querySelectorAll('.board-page'),ind=document.getElementById('board-indicator'),i=0;"
                + "function show(k){for(var j=0;j<p.length;j++){p[j].hidden=(j!==k);}"
                + "ind.textContent=f.replace('{0}',String(k+1)).replace('{1}',String(p.length));}"
                + "setInterval(function(){if(p.length<2||i===p.length-1){location.reload();return;}i++;show(i);},"
                + "Math.max(s,3000));})();";
    }

    /** The units on duty on {@code day}: the roster's entry for the weekday, else the every-day units; empty = all. */
    Set<String> dutyUnits(DayOfWeek day) {
        Set<String> out = new LinkedHashSet<>();
        for (String entry : split(config.board_roster(), ";")) {
            int eq = entry.indexOf('=');
            if (eq > 0 && entry.substring(0, eq).strip().equalsIgnoreCase(day.name())) {
                for (String u : entry.substring(eq + 1).split("[|,，、]")) {
                    if (!u.isBlank()) {
                        out.add(u.strip());
                    }
                }
            }
        }
        if (out.isEmpty()) {
            out.addAll(split(config.board_dutyUnits(), "[|,，、]"));
        }
        return out;
    }

    /** A .cfg value arrives as one string, a feature's list as several: both split the same. */
    private static List<String> split(String[] values, String separator) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String part : v.split(separator)) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    /** Active officers whose certificate lets them act today, by unit and name. */
    private List<Officer> onDuty(Set<String> units) {
        List<Officer> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<Officer> page = personnel.list(new OfficerQuery(null, null, null, null, Boolean.TRUE, "unit", true,
                    offset, OfficerQuery.MAX_LIMIT), READER);
            for (Officer o : page.items()) {
                if (o.status().mayAct() && (units.isEmpty() || units.contains(o.unit()))) {
                    out.add(o);
                }
            }
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                break;
            }
        }
        out.sort(Comparator.comparing(Officer::unit).thenComparing(Officer::name).thenComparing(Officer::id));
        return out;
    }
}
