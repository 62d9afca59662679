package org.zhifa.api.legalreview;

import java.math.BigDecimal;
import java.util.List;

import org.zhifa.api.kind.CaseFacts.PartyType;

/**
 * One rule of the 重大执法决定法制审核目录清单.
 *
 * @param no        the rule's number within its catalogue version, from 1
 * @param kind      the kind the rule is limited to (e.g. {@code penalty}); null = every kind; required for {@link RuleType#KIND}
 * @param measures  for {@link RuleType#MEASURE}: the measure names (as in {@link org.zhifa.api.kind.DecisionFacts#measures})
 * @param threshold for {@link RuleType#FINE} and {@link RuleType#CONFISCATION}: the amount in 元
 * @param partyType for {@link RuleType#FINE}: whose fine; null = any party
 * @param flag      for {@link RuleType#FLAG}: one of {@link CaseFlag}'s names
 * @param titleZh   the rule as the catalogue prints it, e.g. 对公民处以1万元以上罚款
 */
public record CatalogueRule(int no, RuleType type, String kind, List<String> measures, BigDecimal threshold,
                            PartyType partyType, String flag, String titleZh, String titleEn) {

    public CatalogueRule {
        measures = measures == null ? List.of() : List.copyOf(measures);
    }
}
