package org.zhifa.api.legalreview;

/** What a catalogue rule looks at. */
public enum RuleType {
    /** Every decision of the rule's kind. */
    KIND,
    /** A decision imposing one of the rule's measures (e.g. 责令停产停业, 吊销许可证件, 限期拆除). */
    MEASURE,
    /** A fine at or above the threshold, for the rule's party type (null = either). */
    FINE,
    /** A confiscation (没收) valued at or above the threshold. */
    CONFISCATION,
    /** A hearing (听证) was held. */
    HEARING,
    /** The case carries the rule's flag, set by the handler or a leader (see {@link CaseFlag}). */
    FLAG,
    /**
     * The kind's own major reasons from its configuration ({@link org.zhifa.api.kind.EnforcementKind#majorReasons}),
     * e.g. a 征收 with a high social-stability risk; usually limited to one kind.
     */
    KIND_REASONS
}
