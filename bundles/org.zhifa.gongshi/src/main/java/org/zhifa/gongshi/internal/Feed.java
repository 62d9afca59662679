package org.zhifa.gongshi.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.zhifa.api.common.BureauInfo;

import static org.zhifa.gongshi.internal.Html.xml;

/** The Atom 1.0 feed (RFC 4287) of the items on the site and of the withdrawals, newest first. */
final class Feed {
    private record Entry(Instant updated, String xml) {}

    private Feed() {}

    static void write(HttpServletRequest req, HttpServletResponse resp, Texts t, Site site, BureauInfo bureau,
                      SiteConfig config) throws IOException, SQLException {
        String base = config.baseUrl() == null || config.baseUrl().isBlank()
                ? req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort()
                : config.baseUrl().replaceAll("/+$", "");
        String urn = "urn:zhifa:gongshi:" + bureau.code();
        int n = Math.max(1, config.feedEntries());
        List<Entry> entries = new ArrayList<>();
        for (SiteItem i : site.search(new Search(null, null, null, null, null, false, 0, n)).items()) {
            StringBuilder e = new StringBuilder("<entry>");
            e.append("<title>").append(xml(i.title())).append("</title>");
            e.append("<id>").append(urn).append(':').append(i.publicId()).append(":v").append(i.version()).append("</id>");
            e.append("<updated>").append(stamp(i.publishedAt())).append("</updated>");
            e.append("<published>").append(stamp(i.publishedAt())).append("</published>");
            e.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(base + "/gongshi" + i.path())).append("\"/>");
            e.append("<category term=\"").append(SiteItem.typeName(i.type())).append("\" label=\"")
                    .append(xml(t.get("type." + i.type().name()))).append("\"/>");
            if (i.kind() != null) {
                e.append("<category term=\"").append(xml(i.kind())).append("\" label=\"").append(xml(i.kindTitle())).append("\"/>");
            }
            List<String> parts = new ArrayList<>();
            if (i.caseNumber() != null) {
                parts.add(i.caseNumber());
            }
            if (i.party() != null) {
                parts.add(t.get("item.party") + "：" + i.party());
            }
            if (i.decidedOn() != null) {
                parts.add(i.decidedOn().toString());
            }
            e.append("<summary type=\"text\">").append(xml(String.join(" · ", parts))).append("</summary></entry>");
            entries.add(new Entry(i.publishedAt(), e.toString()));
        }
        for (Withdrawal w : site.store.withdrawals(0, n)) {
            StringBuilder e = new StringBuilder("<entry>");
            e.append("<title>").append(xml(t.format("feed.withdrawn", w.title()))).append("</title>");
            e.append("<id>").append(urn).append(':').append(w.publicId()).append(":withdrawn:v").append(w.version()).append("</id>");
            e.append("<updated>").append(stamp(w.withdrawnAt())).append("</updated>");
            e.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(xml(base + "/gongshi/withdrawals")).append("\"/>");
            e.append("<category term=\"withdrawal\" label=\"").append(xml(t.get("nav.withdrawals"))).append("\"/>");
            e.append("<summary type=\"text\">").append(xml((w.caseNumber() == null ? "" : w.caseNumber() + " · ")
                    + t.get("ground." + w.ground().name()) + (w.reason().isEmpty() ? "" : "：" + w.reason())))
                    .append("</summary></entry>");
            entries.add(new Entry(w.withdrawnAt(), e.toString()));
        }
        entries.sort(Comparator.comparing(Entry::updated).reversed());
        List<Entry> shown = entries.subList(0, Math.min(n, entries.size()));
        Instant updated = shown.isEmpty() ? Instant.EPOCH : shown.get(0).updated();

        resp.setContentType("application/atom+xml;charset=UTF-8");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
        resp.setHeader("Cache-Control", "no-cache");
        PrintWriter out = resp.getWriter();
        out.print("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\""
                + t.lang() + "\">");
        out.print("<title>" + xml(bureau.name() + " " + t.get("feed.title")) + "</title>");
        out.print("<id>" + urn + "</id><updated>" + stamp(updated) + "</updated>");
        out.print("<link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml(base + "/gongshi/feed.atom") + "\"/>");
        out.print("<link rel=\"alternate\" type=\"text/html\" href=\"" + xml(base + "/gongshi/") + "\"/>");
        out.print("<author><name>" + xml(bureau.name()) + "</name></author>");
        shown.forEach(e -> out.print(e.xml()));
        out.print("</feed>\n");
    }

    private static String stamp(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format((at == null ? Instant.EPOCH : at).truncatedTo(ChronoUnit.SECONDS));
    }
}
