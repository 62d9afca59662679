package org.zhifa.documents.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.document.DocumentRenderer;
import org.zhifa.api.document.DocumentRenderer.Format;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplates;

/** Renders a template from the shell: for checking a plug-in's templates and the font configuration. */
@Command(scope = "zhifa", name = "document-render",
        description = "Renders a document template (文书) to a PDF or DOCX file; the format follows the file's extension")
@Service
public class RenderCommand implements Action {
    @Reference
    DocumentTemplates templates;

    @Reference
    DocumentRenderer renderer;

    @Argument(index = 0, name = "template", required = true, description = "template id, e.g. service.receipt")
    String id;

    @Argument(index = 1, name = "file", required = true,
            description = "output file *.pdf or *.docx; relative to the Karaf base folder")
    String file;

    @Argument(index = 2, name = "fields", multiValued = true,
            description = "name=value; repeat a list field's name once per row")
    List<String> values;

    @Option(name = "--force", description = "overwrite an existing file")
    boolean force;

    @Override
    public Object execute() throws IOException {
        try {
            DocumentTemplate template = templates.find(id)
                    .orElseThrow(() -> Errors.of(ZhifaException.Kind.NOT_FOUND, "DOCUMENT_TEMPLATE_UNKNOWN", null, id));
            Path path = Paths.get(file);
            if (!path.isAbsolute()) {
                path = Paths.get(System.getProperty("karaf.base", ".")).resolve(path);
            }
            if (Files.exists(path) && !force) {
                throw Errors.invalid("DOCUMENT_FILE_EXISTS", null, path);
            }
            Format format = file.toLowerCase(Locale.ROOT).endsWith(".docx") ? Format.DOCX : Format.PDF;
            Map<String, Object> fields = fields(template);
            Path dir = path.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // written aside and moved, so a refused or failed rendering leaves no half file behind
            Path tmp = Files.createTempFile(dir, ".zhifa-", "." + format.extension());
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    renderer.render(template, fields, format, out);
                }
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            System.out.println("已生成 / written: " + path + " (" + Files.size(path) + " bytes, " + format + ")");
            return null;
        } catch (ZhifaException e) {
            throw new IllegalArgumentException("[" + e.code() + "] " + e.messageZh() + " / " + e.messageEn());
        }
    }

    private Map<String, Object> fields(DocumentTemplate template) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (values == null) {
            return fields;
        }
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=value: " + v);
            }
            String name = v.substring(0, eq);
            String value = v.substring(eq + 1).replace("\\n", "\n");
            boolean list = template.field(name).map(DocumentTemplate.Field::list).orElse(false);
            if (list) {
                @SuppressWarnings("unchecked")
                List<String> items = (List<String>) fields.computeIfAbsent(name, k -> new ArrayList<String>());
                items.add(value);
            } else {
                fields.put(name, value);
            }
        }
        return fields;
    }
}
