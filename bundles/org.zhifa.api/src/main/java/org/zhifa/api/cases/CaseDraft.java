package org.zhifa.api.cases;

import java.util.List;
import java.util.Map;

/**
 * A case to file (立案/启动).
 *
 * @param category the enforcement category (执法类别 as on certificates in the register, e.g. 土地管理);
 *                 assigned officers' certificates must carry it
 * @param simple   简易程序 where the kind allows it (e.g. 当场处罚)
 * @param fields   the kind's filing fields
 */
public record CaseDraft(String kind, String category, String title, Party party, List<Long> officers,
                        boolean simple, Map<String, String> fields) {
    public CaseDraft {
        officers = officers == null ? List.of() : List.copyOf(officers);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
