package org.zhifa.api.kind;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What a kind says a decision decides, for the legal-review catalogue (V1): the measures it imposes
 * by their catalogue names (e.g. 罚款, 没收违法所得, 责令停产停业, 吊销许可证件, 限期拆除), the fine and
 * the value confiscated, and whether a hearing was held. The engine adds the party type and the
 * procedure variant.
 *
 * @since 1.2
 */
public record DecisionFacts(List<String> measures, Optional<BigDecimal> fine, Optional<BigDecimal> confiscation,
                            boolean hearingHeld) {

    public static final DecisionFacts NONE = new DecisionFacts(List.of(), Optional.empty(), Optional.empty(), false);

    public DecisionFacts {
        measures = List.copyOf(measures);
    }
}
