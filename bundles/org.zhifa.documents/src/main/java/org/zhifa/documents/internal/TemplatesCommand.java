package org.zhifa.documents.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.zhifa.api.document.DocumentTemplate;
import org.zhifa.api.document.DocumentTemplates;

@Command(scope = "zhifa", name = "document-templates", description = "Lists the document templates (文书模板) and their fields")
@Service
public class TemplatesCommand implements Action {
    @Reference
    DocumentTemplates templates;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("文书 / document");
        table.column("字段 / fields (* required, [] list)");
        for (DocumentTemplate t : templates.all()) {
            StringBuilder fields = new StringBuilder();
            for (DocumentTemplate.Field f : t.fields()) {
                fields.append(fields.length() == 0 ? "" : " ").append(f.name()).append(f.list() ? "[]" : "")
                        .append(f.required() ? "*" : "");
            }
            table.addRow().addContent(t.id(), t.titleZh() + " / " + t.titleEn(), fields);
        }
        table.print(System.out);
        System.out.println("共 " + templates.all().size() + " 种文书 / templates");
        return null;
    }
}
