package org.zhifa.gongshi.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

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
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.personnel.PersonnelService;
import org.zhifa.api.personnel.PublicCertificate;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.SignedTreeHead;

/**
 * The public site /gongshi/: certificate lookup by number (D2). No login; shows only what the
 * published register (D1) shows — name, unit, categories, area, validity — and escapes everything.
 * The footer publishes the record's latest signed tree head and the bureau's public key (R3), so anyone
 * can keep a copy and later hold the bureau to it.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/gongshi/*",
        "osgi.http.whiteboard.servlet.name=zhifa-gongshi"})
public class CertificateLookupServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final transient PersonnelService personnel;
    private final transient BureauInfo bureau;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RecordService record;

    @Activate
    public CertificateLookupServlet(@Reference PersonnelService personnel, @Reference BureauInfo bureau) {
        this.personnel = personnel;
        this.bureau = bureau;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo();
        if (path != null && !path.equals("/") && !path.equals("/index.html")) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Locale locale = "en".equals(req.getParameter("lang")) ? Locale.ENGLISH : Locale.ROOT;
        ResourceBundle t = ResourceBundle.getBundle("org.zhifa.gongshi.internal.messages", locale,
                CertificateLookupServlet.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String no = req.getParameter("no");
        no = no == null ? "" : no.strip();
        boolean tooLong = no.length() > 32;
        Optional<PublicCertificate> found = no.isEmpty() || tooLong ? Optional.empty() : personnel.lookupCertificate(no);

        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", "no-store");
        PrintWriter w = resp.getWriter();
        String lang = locale == Locale.ENGLISH ? "en" : "zh-CN";
        w.println("<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"UTF-8\">");
        w.println("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        w.println("<title>" + esc(t.getString("title")) + " - " + esc(bureau.name()) + "</title>");
        w.println("<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:46em;margin:2em auto;"
                + "padding:0 1em;color:#222}h1{color:#b71c1c;font-size:1.6em}form{margin:1.5em 0}input{font-size:1.1em;"
                + "padding:.3em}button{font-size:1.1em;padding:.3em 1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;"
                + "padding:.4em .8em;text-align:left}.valid{color:#1b5e20;font-weight:bold}.invalid{color:#b71c1c;font-weight:bold}"
                + "footer{margin-top:3em;color:#777;font-size:.9em}</style></head><body>");
        w.println("<header><div>" + esc(bureau.name()) + "</div><h1>" + esc(t.getString("title")) + "</h1>"
                + "<nav><a href=\"?lang=zh\">中文</a> | <a href=\"?lang=en\">English</a></nav></header>");
        w.println("<p>" + esc(t.getString("intro")) + "</p>");
        w.println("<form method=\"get\" action=\"\"><label for=\"no\">" + esc(t.getString("number")) + "</label> "
                + "<input id=\"no\" name=\"no\" maxlength=\"32\" value=\"" + esc(no) + "\" required> "
                + (locale == Locale.ENGLISH ? "<input type=\"hidden\" name=\"lang\" value=\"en\">" : "")
                + "<button id=\"lookup\" type=\"submit\">" + esc(t.getString("lookup")) + "</button></form>");
        if (!no.isEmpty()) {
            w.println("<section id=\"result\">");
            if (found.isEmpty()) {
                w.println("<p class=\"invalid\" id=\"not-found\">" + esc(t.getString(tooLong ? "tooLong" : "notFound")) + "</p>");
            } else {
                PublicCertificate c = found.get();
                w.println("<p class=\"" + (c.valid() ? "valid" : "invalid") + "\" id=\"verdict\">"
                        + esc(t.getString(c.valid() ? "valid" : "notValid")) + "</p>");
                w.println("<table>");
                row(w, t.getString("number"), c.certificateNo());
                row(w, t.getString("name"), c.name());
                row(w, t.getString("unit"), c.unit());
                row(w, t.getString("categories"), String.join("、", c.categories()));
                row(w, t.getString("area"), c.area());
                row(w, t.getString("validity"), DATE.format(c.validFrom()) + " – " + DATE.format(c.validTo()));
                row(w, t.getString("status"), t.getString("status." + c.status().name()));
                w.println("</table>");
            }
            w.println("</section>");
        }
        treeHead(w, t);
        w.println("<footer>" + esc(t.getString("footer")) + "</footer></body></html>");
    }

    /** The latest signed tree head, when the record is installed; nothing when it is not. */
    private void treeHead(PrintWriter w, ResourceBundle t) {
        RecordService r = record;
        if (r == null) {
            return;
        }
        SignedTreeHead sth;
        try {
            sth = r.latestTreeHead();
        } catch (RuntimeException e) {
            return;
        }
        w.println("<section id=\"tree-head\"><h2>" + esc(t.getString("sth.title")) + "</h2><p>"
                + esc(t.getString("sth.intro")) + "</p><table>");
        row(w, t.getString("sth.size"), Long.toString(sth.treeSize()));
        row(w, t.getString("sth.root"), sth.hashAlgorithm() + " " + sth.rootHash());
        row(w, t.getString("sth.time"), org.zhifa.api.record.CanonicalJson.instant(sth.timestamp()));
        row(w, t.getString("sth.key"), sth.keyId());
        row(w, t.getString("sth.signature"), sth.signature());
        w.println("</table><details><summary>" + esc(t.getString("sth.publicKey")) + "</summary><pre id=\"public-key\">"
                + esc(r.publicKeyPem()) + "</pre></details><p><a href=\"/api/v1/record/sth\">/api/v1/record/sth</a></p></section>");
    }

    private static void row(PrintWriter w, String label, String value) {
        w.println("<tr><th>" + esc(label) + "</th><td>" + esc(value) + "</td></tr>");
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
