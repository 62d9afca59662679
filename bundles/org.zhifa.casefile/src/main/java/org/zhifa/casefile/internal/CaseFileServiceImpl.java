package org.zhifa.casefile.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.zhifa.api.casefile.CaseFilePart;
import org.zhifa.api.casefile.CaseFileService;
import org.zhifa.api.casefile.Completeness;
import org.zhifa.api.cases.CaseFile;
import org.zhifa.api.cases.CaseService;
import org.zhifa.api.cases.KindInfo;
import org.zhifa.api.common.Actor;
import org.zhifa.api.common.BureauInfo;
import org.zhifa.api.common.Page;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.document.DocumentTemplates;
import org.zhifa.api.evidence.EvidenceItem;
import org.zhifa.api.evidence.EvidenceService;
import org.zhifa.api.record.CanonicalJson;
import org.zhifa.api.record.EntryDraft;
import org.zhifa.api.record.RecordEntry;
import org.zhifa.api.record.RecordService;
import org.zhifa.api.record.SignedTreeHead;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Case-file export and completeness (R5, R6); the archive format is in the bundle's README. */
@Component(service = CaseFileService.class, configurationPid = "org.zhifa.casefile")
@Designate(ocd = CaseFileConfig.class)
public class CaseFileServiceImpl implements CaseFileService {
    static final String EXPORTED = "casefile.exported";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;

    private final CaseService cases;
    private final RecordService record;
    private final DocumentRenderer renderer;
    private final BureauInfo bureau;
    private final long referenceOver;
    private volatile EvidenceService evidence;
    private volatile DocumentTemplates templates;
    /** Parts plug-ins add (e.g. the legal review), by their folder name. */
    private final Map<String, CaseFilePart> parts = new ConcurrentSkipListMap<>();

    @Activate
    public CaseFileServiceImpl(@Reference(name = "cases") CaseService cases, @Reference(name = "record") RecordService record,
                               @Reference(name = "renderer") DocumentRenderer renderer,
                               @Reference(name = "bureau") BureauInfo bureau, CaseFileConfig config) {
        this.cases = cases;
        this.record = record;
        this.renderer = renderer;
        this.bureau = bureau;
        this.referenceOver = config.referenceOverBytes() <= 0 ? Long.MAX_VALUE : config.referenceOverBytes();
    }

    @Reference(name = "evidence", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEvidence(EvidenceService e) {
        evidence = e;
    }

    void unsetEvidence(EvidenceService e) {
        if (evidence == e) {
            evidence = null;
        }
    }

    @Reference(name = "templates", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setTemplates(DocumentTemplates t) {
        templates = t;
    }

    void unsetTemplates(DocumentTemplates t) {
        if (templates == t) {
            templates = null;
        }
    }

    @Reference(name = "parts", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPart(CaseFilePart part, Map<String, Object> properties) {
        if (properties.get(CaseFilePart.PROPERTY_PART) instanceof String name && name.matches("[A-Za-z0-9][A-Za-z0-9-]{0,39}")) {
            parts.putIfAbsent(name, part);
        }
    }

    void removePart(CaseFilePart part, Map<String, Object> properties) {
        parts.values().remove(part);
    }

    private CaseFile find(long caseId, Actor actor) {
        if (actor == null || !actor.isStaff()) {
            throw Messages.error(Kind.FORBIDDEN, "CASEFILE_FORBIDDEN");
        }
        return cases.find(caseId, actor).orElseThrow(() -> Messages.error(Kind.NOT_FOUND, "CASE_NOT_FOUND", caseId));
    }

    @Override
    public String fileName(long caseId, Actor actor) {
        CaseFile c = find(caseId, actor);
        String name = c.number().replaceAll("[^\\p{L}\\p{N}〔〕()（）\\-_]", "_");
        return (name.isEmpty() ? "case-" + caseId : name) + ".zip";
    }

    @Override
    public Completeness completeness(long caseId, Actor actor) {
        return completeness(find(caseId, actor), actor);
    }

    private Completeness completeness(CaseFile c, Actor actor) {
        KindInfo kind = cases.kind(c.kind())
                .orElseThrow(() -> Messages.error(Kind.UNAVAILABLE, "CASEFILE_KIND_MISSING", c.kind()));
        EvidenceService ev = evidence;
        return CompletenessCheck.check(c, kind.procedure(), doc -> documentProblem(c.id(), doc, actor),
                ev == null ? null : step -> ev.coverage(c.id(), step.id(), step.av()));
    }

    /** Whether the document renders from the case as it stands: null, or why not (zh, en). */
    private String[] documentProblem(long caseId, String doc, Actor actor) {
        DocumentTemplates t = templates;
        if (t != null && t.find(doc).isEmpty()) {
            return new String[] {Messages.text(Locale.ROOT, "DOCUMENT_UNKNOWN"), Messages.text(Locale.ENGLISH, "DOCUMENT_UNKNOWN")};
        }
        try {
            cases.renderDocument(caseId, doc, "pdf", OutputStream.nullOutputStream(), actor);
            return null;
        } catch (ZhifaException e) {
            return new String[] {e.messageZh(), e.messageEn()};
        }
    }

    @Override
    public void export(long caseId, OutputStream out, Actor actor) {
        CaseFile c = find(caseId, actor);
        try {
            write(c, out, actor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(CaseFile c, OutputStream out, Actor actor) throws IOException {
        String algorithm = record.hashAlgorithm();
        Archive zip = new Archive(out, algorithm);
        Completeness completeness = completeness(c, actor);
        Map<String, String> unrenderable = new LinkedHashMap<>();
        completeness.missing().stream().filter(m -> m.type() == Completeness.Type.DOCUMENT)
                .forEach(m -> unrenderable.put(m.item(), m.messageZh()));

        List<IndexPdf.Doc> docs = new ArrayList<>();
        for (String doc : cases.documents(c.id(), actor)) {
            if (unrenderable.containsKey(doc)) {
                continue;
            }
            zip.file("documents/" + Archive.segment(doc) + ".pdf", o -> cases.renderDocument(c.id(), doc, "pdf", o, actor));
            DocumentTemplates t = templates;
            docs.add(new IndexPdf.Doc(doc, t == null ? doc : t.find(doc).map(x -> x.titleZh()).orElse(doc)));
        }

        // the parts plug-ins add, each in its own folder, listed and hashed like the documents
        List<CaseFilePart.RecordObject> partObjects = new ArrayList<>();
        for (Map.Entry<String, CaseFilePart> p : parts.entrySet()) {
            for (CaseFilePart.PartFile f : p.getValue().files(c.id(), actor)) {
                String path = "parts/" + p.getKey() + "/" + Archive.segment(f.name());
                zip.file(path, o -> f.content().writeTo(o));
                docs.add(new IndexPdf.Doc(path, f.titleZh()));
            }
            partObjects.addAll(p.getValue().recordObjects(c.id(), actor));
        }

        EvidenceService store = evidence;
        List<EvidenceItem> items = store == null ? List.of() : store.ofCase(c.id(), actor);
        List<IndexPdf.Ev> ev = new ArrayList<>();
        Map<String, String> pathByHash = new LinkedHashMap<>();
        for (EvidenceItem item : items) {
            String path = null;
            if (!item.purged() && item.size() <= referenceOver) {
                path = pathByHash.get(item.hash());
                if (path == null) {
                    path = "evidence/" + Archive.segment(item.hash()) + extension(item.fileName());
                    zip.file(path, o -> store.copy(item.id(), 0, -1, o, actor));
                    pathByHash.put(item.hash(), path);
                }
            }
            ev.add(new IndexPdf.Ev(item, path));
        }

        // the log slice: the case's entries and its evidence's, by sequence number
        TreeMap<Long, RecordEntry> slice = new TreeMap<>();
        entriesOf("case", Long.toString(c.id()), actor).forEach(e -> slice.put(e.seq(), e));
        for (EvidenceItem item : items) {
            entriesOf("evidence", Long.toString(item.id()), actor).forEach(e -> slice.put(e.seq(), e));
            if (!slice.containsKey(item.recordSeq())) {
                record.entry(item.recordSeq(), actor).ifPresent(e -> slice.put(e.seq(), e));
            }
        }
        for (CaseFilePart.RecordObject o : partObjects) {
            entriesOf(o.type(), o.id(), actor).forEach(e -> slice.put(e.seq(), e));
        }
        SignedTreeHead compiled = record.latestTreeHead();
        List<RecordEntry> indexed = new ArrayList<>(slice.headMap(compiled.treeSize()).values());
        String exportedAt = CanonicalJson.instant(Instant.now());
        zip.file("index.pdf", o -> IndexPdf.render(renderer, bureau.name(), c, exportedAt + " " + actor.user(), docs, ev,
                indexed, indexed.stream().map(e -> record.leafHash(e.seq())).toList(), compiled, completeness, o));

        // anchor the file list in the log, then prove every entry against a head that includes the anchor
        String filesHash = zip.filesHash();
        ObjectNode payload = JSON.createObjectNode();
        payload.put("files", zip.listed().size()).put("filesHash", filesHash).put("number", c.number());
        RecordEntry exported = record.append(new EntryDraft("case", Long.toString(c.id()), c.step(), EXPORTED,
                JSON.writeValueAsString(payload), List.of(), null), actor);
        slice.put(exported.seq(), exported);
        SignedTreeHead sth = record.latestTreeHead();
        StringBuilder lines = new StringBuilder();
        for (RecordEntry e : slice.headMap(sth.treeSize()).values()) {
            lines.append(CanonicalJson.provenEntry(e, record.inclusion(e.seq(), sth.treeSize()))).append('\n');
        }
        zip.raw("record/entries.jsonl", lines.toString().getBytes(StandardCharsets.UTF_8));
        zip.raw("manifest.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                manifest(c, exportedAt, actor, algorithm, sth, zip, ev, completeness)));
        zip.finish();
    }

    private List<RecordEntry> entriesOf(String type, String id, Actor actor) {
        List<RecordEntry> all = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            Page<RecordEntry> p = record.entries(type, id, offset, PAGE, actor);
            all.addAll(p.items());
            if (p.items().size() < PAGE || all.size() >= p.total()) {
                return all;
            }
        }
    }

    private ObjectNode manifest(CaseFile c, String exportedAt, Actor actor, String algorithm, SignedTreeHead sth,
                                Archive zip, List<IndexPdf.Ev> ev, Completeness completeness) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", "zhifa-casefile").put("formatVersion", 1);
        m.putObject("bureau").put("code", bureau.code()).put("name", bureau.name());
        m.putObject("case").put("id", c.id()).put("number", c.number()).put("kind", c.kind())
                .put("kindTitle", c.kindTitleZh()).put("title", c.title()).put("status", c.status().name())
                .put("step", c.step());
        m.put("exportedAt", exportedAt).put("exportedBy", actor.user());
        m.put("hashAlgorithm", algorithm).put("publicKey", record.publicKeyPem());
        m.set("treeHead", JSON.readTree(CanonicalJson.treeHead(sth)));
        ArrayNode files = m.putArray("files");
        zip.listed().forEach(l -> files.addObject().put("path", l.path()).put("size", l.size()).put("hash", l.hash()));
        ArrayNode evidence = m.putArray("evidence");
        for (IndexPdf.Ev e : ev) {
            EvidenceItem i = e.item();
            evidence.addObject().put("id", i.id()).put("hash", i.hash()).put("size", i.size()).put("fileName", i.fileName())
                    .put("mediaType", i.mediaType()).put("step", i.step()).put("path", e.path())
                    .put("reference", e.path() == null).put("purged", i.purged());
        }
        ObjectNode comp = m.putObject("completeness");
        comp.put("complete", completeness.complete());
        ArrayNode missing = comp.putArray("missing");
        completeness.missing().forEach(x -> missing.addObject().put("type", x.type().name()).put("step", x.step())
                .put("item", x.item()).put("messageZh", x.messageZh()).put("messageEn", x.messageEn()));
        return m;
    }

    /** ".mp4" from a file name: letters and digits only, at most 10; none when there is none. */
    static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1);
        return ext.matches("[A-Za-z0-9]{1,10}") ? "." + ext.toLowerCase(Locale.ROOT) : "";
    }

    Optional<EvidenceService> evidence() {
        return Optional.ofNullable(evidence);
    }
}
