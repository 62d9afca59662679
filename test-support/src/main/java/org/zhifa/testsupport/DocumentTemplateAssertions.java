package org.zhifa.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.document.DocumentRenderer.Format;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplate.Field;
import org.zhifa.api.document.DocumentTemplates;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.FieldDef;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.Transition;
import org.zhifa.documents.internal.DocumentsConfig;
import org.zhifa.documents.internal.Renderer;
import org.zhifa.documents.internal.TemplateRegistry;

/**
 * The documents (执法文书, T5) a kind names on its steps against the templates it ships in
 * {@value DocumentTemplates#RESOURCE_FOLDER}: each one is there, parses with the documents bundle's own
 * parser, only uses what a case of the kind can fill, and renders to PDF and DOCX. Needs the documents
 * module on the test class path (test scope) and a Chinese font (fonts-noto-cjk).
 */
public final class DocumentTemplateAssertions {

    /** The names the case engine always fills (CaseDocuments in org.zhifa.cases). */
    public static final Set<String> CASE_FIELDS = Set.of("bureau.name", "case.number", "case.title", "case.kind",
            "case.category", "case.filedOn", "party.type", "party.name", "officers", "officers.certificates", "today");
    /** Case names the engine fills only when the party has them: templates must not require them. */
    public static final Set<String> CASE_FIELDS_OPTIONAL = Set.of("party.idNumber", "party.legalRep", "party.phone",
            "party.address");
    /** List names (one element per officer), only for list columns. */
    public static final Set<String> CASE_LISTS = Set.of("officer.name", "officer.certificateNo");
    /**
     * Lists the evidence store adds to case documents (its DocumentData {@code evidence}: all of the case's
     * items, and those of the document's step): a case may have none, so templates must not require them.
     */
    public static final Set<String> EVIDENCE_LISTS = Set.of("evidence.name", "evidence.hash", "evidence.recordedAt",
            "evidence.device", "evidence.step.name", "evidence.step.hash", "evidence.step.recordedAt",
            "evidence.step.device");

    /**
     * The 法制审核栏 the legal review adds to case documents (its DocumentData {@code legalReview}): absent
     * while the legal review is not installed, so templates must not require them; texts, never lists.
     */
    public static final Set<String> LEGAL_REVIEW_FIELDS = Set.of("legalReview.outcome", "legalReview.evaluation",
            "legalReview.catalogue", "legalReview.draft", "legalReview.reviewer", "legalReview.decidedOn",
            "legalReview.opinion", "legalReview.counsel", "legalReview.discussion", "legalReview.materials");

    private static final String UNKNOWN = "unknown field ";
    private static final DocumentTemplates PARSER = new TemplateRegistry();
    private static DocumentRenderer renderer;

    private DocumentTemplateAssertions() {}

    /**
     * Every document of the kind's steps has a consistent template, there is no template the steps do
     * not name, and each renders; renderings land in {@code target/documents/} for a person to look at.
     */
    public static void assertTemplates(EnforcementKind kind) {
        Procedure p = kind.procedure();
        ClassLoader loader = kind.getClass().getClassLoader();
        Map<String, Step> producers = new LinkedHashMap<>();
        p.steps().forEach(s -> s.documents().forEach(id -> producers.putIfAbsent(id, s)));
        assertFalse(producers.isEmpty(), "kind " + kind.id() + " names no documents");
        Set<String> shipped = shippedIds(loader);
        assertEquals(new TreeSet<>(producers.keySet()), shipped,
                "templates in " + DocumentTemplates.RESOURCE_FOLDER + " = the document ids of the steps");
        List<String> errors = new java.util.ArrayList<>();
        for (String id : producers.keySet()) {
            DocumentTemplate t = parse(loader, id);
            // a document of several steps: each field is known at one of them at least, and a required
            // one at every one of them
            List<Step> steps = p.steps().stream().filter(s -> s.documents().contains(id)).toList();
            Map<String, Integer> unknown = new HashMap<>();
            for (Step s : steps) {
                for (String e : fieldErrors(p, s.id(), t)) {
                    int at = e.indexOf(UNKNOWN);
                    if (at < 0) {
                        errors.add(e);
                    } else {
                        String name = e.substring(at + UNKNOWN.length()).split(" ")[0];
                        if (t.field(name).orElseThrow().required() || unknown.merge(name, 1, Integer::sum) == steps.size()) {
                            errors.add(e);
                        }
                    }
                }
            }
            render(t);
        }
        if (!errors.isEmpty()) {
            fail("kind " + kind.id() + ":\n  " + String.join("\n  ", errors));
        }
    }

    /** Reads {@code OSGI-INF/documents/<id>.json} with the documents bundle's parser; its id is the file name. */
    public static DocumentTemplate parse(ClassLoader loader, String id) {
        String resource = DocumentTemplates.RESOURCE_FOLDER + "/" + id + ".json";
        try (InputStream in = loader.getResourceAsStream(resource)) {
            assertNotNull(in, "no template " + resource);
            DocumentTemplate t = PARSER.parse(in);
            assertEquals(id, t.id(), resource + ": id and file name differ");
            return t;
        } catch (ZhifaException e) {
            throw new AssertionError(resource + ": " + e.messageEn(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What is wrong with the template's fields for a document made at {@code step}: a field must be a
     * case name or one the kind records at filing, on a transition into the step or into a step it is
     * reached from, or (optional only, e.g. a record written when the step ends) on a transition out of
     * it. A required field must be a case name always filled, or required at filing or on such a
     * transition before the step. An unknown field is reported as {@code unknown field <name>}.
     */
    public static List<String> fieldErrors(Procedure p, String step, DocumentTemplate t) {
        Set<String> before = stepsReaching(p, step);
        Map<String, Boolean> recorded = new HashMap<>(); // name → required somewhere before the step
        p.filingFields().forEach(f -> recorded.merge(f.name(), f.required(), Boolean::logicalOr));
        Set<String> leaving = new HashSet<>();
        for (Transition tr : p.transitions()) {
            if (before.contains(tr.to())) {
                tr.fields().forEach(f -> recorded.merge(f.name(), f.required(), Boolean::logicalOr));
            }
            if (tr.from().equals(step)) {
                tr.fields().stream().map(FieldDef::name).forEach(leaving::add);
            }
        }
        List<String> errors = new java.util.ArrayList<>();
        String where = t.id() + " at " + step + ": ";
        for (Field f : t.fields()) {
            String n = f.name();
            if (EVIDENCE_LISTS.contains(n)) {
                if (!f.list() || f.required()) {
                    errors.add(where + n + " is a list the evidence store may leave empty: mark it \"list\": true, "
                            + "\"required\": false");
                }
                continue;
            }
            if (LEGAL_REVIEW_FIELDS.contains(n)) {
                if (f.list() || f.required()) {
                    errors.add(where + n + " is a text the legal review may leave out: mark it \"required\": false");
                }
                continue;
            }
            if (CASE_LISTS.contains(n)) {
                if (!f.list()) {
                    errors.add(where + n + " is a list field");
                }
                continue;
            }
            if (f.list()) {
                errors.add(where + n + " is no list the case fills");
            } else if (CASE_FIELDS.contains(n)) {
                continue;
            } else if (CASE_FIELDS_OPTIONAL.contains(n)) {
                if (f.required()) {
                    errors.add(where + n + " may be absent from a case: mark it \"required\": false");
                }
            } else if (recorded.containsKey(n)) {
                if (f.required() && !recorded.get(n)) {
                    errors.add(where + n + " is optional in the procedure: mark it \"required\": false");
                }
            } else if (leaving.contains(n)) {
                if (f.required()) {
                    errors.add(where + n + " is only recorded when " + step + " ends: mark it \"required\": false");
                }
            } else {
                errors.add(where + UNKNOWN + n + " (not recorded by the kind before or at the step)");
            }
        }
        return errors;
    }

    /** The step and every step from which it can be reached. */
    static Set<String> stepsReaching(Procedure p, String step) {
        Set<String> seen = new LinkedHashSet<>(List.of(step));
        Deque<String> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            String s = todo.pop();
            p.transitions().stream().filter(tr -> tr.to().equals(s)).map(Transition::from)
                    .filter(seen::add).forEach(todo::push);
        }
        return seen;
    }

    /**
     * Renders the template with every field filled, to PDF and DOCX, and with the required ones only, to
     * PDF: a broken layout or a wrongly optional field fails here.
     */
    public static void render(DocumentTemplate t) {
        Map<String, Object> all = new LinkedHashMap<>();
        Map<String, Object> required = new LinkedHashMap<>();
        for (Field f : t.fields()) {
            Object v = f.list() ? List.of("王建国", "李明") : sample(f);
            all.put(f.name(), v);
            if (f.required()) {
                required.put(f.name(), v);
            }
        }
        byte[] pdf = render(t, all, Format.PDF);
        assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), t.id() + ": not a PDF");
        byte[] docx = render(t, all, Format.DOCX);
        assertTrue(docx.length > 2 && docx[0] == 'P' && docx[1] == 'K', t.id() + ": not a DOCX (zip)");
        render(t, required, Format.PDF);
        try {
            Path dir = Files.createDirectories(Paths.get("target", "documents"));
            Files.write(dir.resolve(t.id() + ".pdf"), pdf);
            Files.write(dir.resolve(t.id() + ".docx"), docx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] render(DocumentTemplate t, Map<String, Object> fields, Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            renderer().render(t, fields, format, out);
        } catch (ZhifaException e) {
            throw new AssertionError(t.id() + " (" + format + "): " + e.messageEn(), e);
        }
        assertTrue(out.size() > 0, t.id() + ": empty " + format);
        return out.toByteArray();
    }

    private static String sample(Field f) {
        return f.label() + "（样例：" + f.name() + "）";
    }

    private static synchronized DocumentRenderer renderer() {
        if (renderer == null) {
            renderer = new Renderer(Configs.defaults(DocumentsConfig.class));
        }
        return renderer;
    }

    /** The ids of the templates in the kind's own resources (its target/classes). */
    private static Set<String> shippedIds(ClassLoader loader) {
        URL folder = loader.getResource(DocumentTemplates.RESOURCE_FOLDER);
        assertNotNull(folder, "no " + DocumentTemplates.RESOURCE_FOLDER + " in the bundle");
        try (Stream<Path> files = Files.list(Paths.get(folder.toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
