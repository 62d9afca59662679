package org.zhifa.api.catalogue;

import java.util.List;

/**
 * The catalogues of D1, each with the field keys of its items, in order. Titles and field labels live in
 * the implementation's resource bundles ({@code type.<NAME>}, {@code field.<key>}).
 */
public enum CatalogueType {
    /** 行政执法事项清单: subject (执法主体), duties, authority and legal basis of every enforcement item. */
    ITEMS(List.of("code", "subject", "name", "kind", "duty", "authority", "basis"),
            List.of("subject", "name", "kind", "basis"), "items"),
    /** 随机抽查事项清单 (双随机、一公开). */
    INSPECTIONS(List.of("subject", "name", "basis", "target", "content", "ratio", "method", "frequency"),
            List.of("subject", "name", "basis", "target", "content", "ratio", "method", "frequency"), "inspections"),
    /** 服务指南: the 15 fields of a licensing item's guide. */
    GUIDES(List.of("name", "basis", "acceptingBody", "approvingBody", "conditions", "preferential", "materials",
            "process", "timeLimit", "supervision", "accountability", "remedy", "hours", "address", "phone"),
            List.of("name", "basis", "acceptingBody", "approvingBody", "conditions", "preferential", "materials",
                    "process", "timeLimit", "supervision", "accountability", "remedy", "hours", "address", "phone"),
            "guides"),
    /** 行政执法人员清单: generated from the personnel register (active officers), never typed in. */
    PERSONNEL(List.of("name", "unit", "post", "certificateNo", "categories", "area"),
            List.of("name", "unit", "certificateNo"), "personnel");

    private final List<String> fields;
    private final List<String> required;
    private final String fileName;

    CatalogueType(List<String> fields, List<String> required, String fileName) {
        this.fields = fields;
        this.required = required;
        this.fileName = fileName;
    }

    /** The keys of an item's values, in display order. */
    public List<String> fields() {
        return fields;
    }

    /** The keys an item must fill. */
    public List<String> required() {
        return required;
    }

    /** A plain file-name stem, e.g. {@code items} for {@code items-v3.pdf}. */
    public String fileName() {
        return fileName;
    }

    /** Whether the items come from the register rather than from staff. */
    public boolean generated() {
        return this == PERSONNEL;
    }
}
