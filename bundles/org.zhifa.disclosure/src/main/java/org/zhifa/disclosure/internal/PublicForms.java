package org.zhifa.disclosure.internal;

import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.zhifa.api.disclosure.Attachment;
import org.zhifa.api.disclosure.ItemStatus;
import org.zhifa.api.disclosure.PublicItem;
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
        RedactionContext ctx = context(r, f.extraMasks());
        String text = redactor.redact(v.text(), ctx).redacted();
        String title = redactor.redact(r.title(), ctx).redacted();
        String party = r.partyName() == null ? null : redactor.redact(r.partyName(), ctx).redacted();
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
