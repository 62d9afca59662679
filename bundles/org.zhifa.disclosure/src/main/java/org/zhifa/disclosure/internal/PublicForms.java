package org.zhifa.disclosure.internal;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.ItemType;
import org.zhifa.api.disclosure.Mask;
import org.zhifa.api.disclosure.PublicItem;
import org.zhifa.api.disclosure.Redaction;
import org.zhifa.api.disclosure.RedactionContext;
import org.zhifa.api.disclosure.Redactor;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplate.Block;

/**
 * The public form of an item version (D5): title and text through the redactor with the item's known names,
 * the officers kept and the approver's masks; the same redacted text as an A4 PDF with the Chinese font
 * embedded (the documents bundle's renderer). Nothing else of the item goes out.
 */
final class PublicForms {
    private static final DocumentTemplate TEMPLATE = template();
    private static final int CACHE = 256;
    private static final String HIDDEN = "****";

    private final Redactor redactor;
    private final DocumentRenderer renderer;
    private final String bureauName;
    private final ZoneId zone;
    private final Map<String, PublicItem> cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PublicItem> eldest) {
            return size() > CACHE;
        }
    });

    PublicForms(Redactor redactor, DocumentRenderer renderer, String bureauName, ZoneId zone) {
        this.redactor = redactor;
        this.renderer = renderer;
        this.bureauName = bureauName;
        this.zone = zone;
    }

    RedactionContext context(Store.ItemRow r, List<String> extraMasks) {
        return new RedactionContext(r.partyName(), r.partyPerson(), r.knownNames(), r.keepNames(), extraMasks);
    }

    /**
     * The public form of one text of the item. A catalogue (D1) is public by law as a whole and reviewed before
     * it is published: its officers' names (D2), the service guides' office addresses and phones are what it
     * exists to show, and its files go out as they are. So only the approver's own masks apply to it; every
     * other item goes through the redactor.
     */
    Redaction redact(Store.ItemRow r, String text, List<String> extraMasks) {
        if (r.type() == ItemType.CATALOGUE) {
            return masksOnly(text, extraMasks);
        }
        return redactor.redact(text, context(r, extraMasks));
    }

    /** Every occurrence of each mask hidden as {@code ****}; overlapping occurrences merged. */
    static Redaction masksOnly(String text, List<String> masks) {
        String t = text == null ? "" : text;
        List<int[]> spans = new ArrayList<>();
        for (String m : masks) {
            if (m == null || m.isBlank()) {
                continue;
            }
            for (int i = t.indexOf(m); i >= 0; i = t.indexOf(m, i + 1)) {
                spans.add(new int[] {i, i + m.length()});
            }
        }
        spans.sort(Comparator.<int[]>comparingInt(a -> a[0]).thenComparingInt(a -> -a[1]));
        List<Mask> out = new ArrayList<>();
        StringBuilder b = new StringBuilder(t.length());
        int at = 0;
        int start = -1;
        int end = -1;
        for (int[] s : spans) {
            if (start >= 0 && s[0] <= end) {
                end = Math.max(end, s[1]);
                continue;
            }
            if (start >= 0) {
                at = hide(t, b, out, at, start, end);
            }
            start = s[0];
            end = s[1];
        }
        if (start >= 0) {
            at = hide(t, b, out, at, start, end);
        }
        b.append(t, at, t.length());
        return new Redaction(t, b.toString(), out);
    }

    private static int hide(String t, StringBuilder b, List<Mask> out, int at, int start, int end) {
        b.append(t, at, start).append(HIDDEN);
        out.add(new Mask(start, end, "MANUAL", HIDDEN));
        return end;
    }

    /** The public form of {@code version}; a withdrawn or expired item carries its withdrawal. */
    PublicItem build(Connection c, Store store, Store.ItemRow r, int version) throws SQLException {
        List<Store.EventRow> events = store.events(c, r.id());
        ItemView.Folded f = ItemView.fold(events);
        String key = r.id() + ":" + version + ":" + f.status() + ":" + events.size();
        PublicItem cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Store.VersionRow v = store.version(c, r.id(), version)
                .orElseThrow(() -> new IllegalStateException("item " + r.id() + " has no version " + version));
        String text = redact(r, v.text(), f.extraMasks()).redacted();
        String title = redact(r, r.title(), f.extraMasks()).redacted();
        String party = r.partyName() == null ? null : redact(r, r.partyName(), f.extraMasks()).redacted();
        boolean gone = f.status() == ItemStatus.WITHDRAWN || f.status() == ItemStatus.EXPIRED;
        List<Attachment> attachments = store.attachments(c, r.id());
        byte[] pdf = pdf(r, title, party, text, f, gone);
        PublicItem p = new PublicItem(r.publicId(), version, r.type(), r.kind(), r.kindTitleZh(), title, r.caseNumber(),
                party, r.decidedOn(), f.publishedAt(), f.postUntil(), text, pdf, attachments,
                gone ? f.withdrawnAt() : null, gone ? f.ground() : null, gone ? f.reason() : null);
        cache.put(key, p);
        return p;
    }

    private byte[] pdf(Store.ItemRow r, String title, String party, String text, ItemView.Folded f, boolean gone) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("bureau.name", bureauName == null ? "" : bureauName);
        fields.put("title", title);
        fields.put("type", Messages.zh("type." + r.type()));
        fields.put("kind", r.kindTitleZh() == null ? "" : r.kindTitleZh());
        fields.put("case.number", r.caseNumber() == null ? "" : r.caseNumber());
        fields.put("party", party == null ? "" : party);
        fields.put("decidedOn", r.decidedOn().toString());
        fields.put("publishedOn", f.publishedAt() == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(f.publishedAt().atZone(zone)));
        fields.put("postUntil", f.postUntil() == null ? Messages.zh("posting.noEnd") : f.postUntil().toString());
        fields.put("text", text);
        fields.put("withdrawal", gone ? Messages.zh("pdf.withdrawn", Messages.zh("ground." + f.ground()), f.reason(),
                DateTimeFormatter.ISO_LOCAL_DATE.format(f.withdrawnAt().atZone(zone))) : "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        renderer.render(TEMPLATE, fields, DocumentRenderer.Format.PDF, out);
        return out.toByteArray();
    }

    private static DocumentTemplate template() {
        List<DocumentTemplate.Field> fields = List.of(new DocumentTemplate.Field("bureau.name", "行政机关", false, false),
                new DocumentTemplate.Field("title", "标题", true, false),
                new DocumentTemplate.Field("type", "类别", false, false),
                new DocumentTemplate.Field("kind", "执法类型", false, false),
                new DocumentTemplate.Field("case.number", "案号", false, false),
                new DocumentTemplate.Field("party", "当事人", false, false),
                new DocumentTemplate.Field("decidedOn", "决定日期", false, false),
                new DocumentTemplate.Field("publishedOn", "公示日期", false, false),
                new DocumentTemplate.Field("postUntil", "公示期限", false, false),
                new DocumentTemplate.Field("text", "正文", true, false),
                new DocumentTemplate.Field("withdrawal", "撤回", false, false));
        List<Block> blocks = List.of(new Block.Paragraph("${bureau.name}", Block.Align.CENTER),
                new Block.Title("${title}"),
                new Block.Paragraph("${withdrawal}", Block.Align.LEFT),
                new Block.KeyValueTable(List.of(new Block.Row("类别", "${type}"), new Block.Row("执法类型", "${kind}"),
                        new Block.Row("案号", "${case.number}"), new Block.Row("当事人", "${party}"),
                        new Block.Row("决定日期", "${decidedOn}"), new Block.Row("公示日期", "${publishedOn}"),
                        new Block.Row("公示期限", "${postUntil}"))),
                new Block.Paragraph("${text}", Block.Align.LEFT));
        return new DocumentTemplate("disclosure.public", "行政执法公示", "Enforcement disclosure", fields, blocks,
                "第 ${page} 页  共 ${pages} 页");
    }
}
