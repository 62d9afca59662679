package org.zhifa.api.legalreview;

/** Flags a handler or a leader sets on a case that catalogue rules of type {@link RuleType#FLAG} may name. */
public enum CaseFlag {
    /** 涉及重大公共利益 */
    PUBLIC_INTEREST,
    /** 案情疑难复杂 */
    COMPLEX,
    /** 涉及多个法律关系 */
    MULTIPLE_RELATIONS
}
