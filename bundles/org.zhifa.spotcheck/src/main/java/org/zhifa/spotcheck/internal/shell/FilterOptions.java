package org.zhifa.spotcheck.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.zhifa.api.spotcheck.TargetFilter;

/** The target-filter options that listing targets and making a plan share. */
abstract class FilterOptions implements Action {

    @Option(name = "--type", multiValued = true, description = "企业, 个体工商户, 自然人, 事业单位, 其他 (or ENTERPRISE, …)")
    List<String> types;

    @Option(name = "--area", multiValued = true, description = "所属区域 (乡镇/街道)")
    List<String> areas;

    @Option(name = "--risk", multiValued = true, description = "低, 中, 高 (or LOW, MEDIUM, HIGH)")
    List<String> risks;

    @Option(name = "--tag", multiValued = true, description = "a tag every target has")
    List<String> tags;

    TargetFilter filter(String q) {
        return Shell.filter(q, types, areas, risks, tags);
    }
}
