package org.zhifa.api.legalreview;

/** The materials a submission lists (送审材料); which are required is configuration. */
public enum Material {
    /** 调查终结报告 */
    INVESTIGATION_REPORT,
    /** 证据材料 */
    EVIDENCE,
    /** 拟处理意见（决定草案） */
    PROPOSAL,
    /** 告知书及送达回证 */
    NOTICE,
    /** 陈述申辩笔录或听证笔录、听证报告 */
    STATEMENT_OR_HEARING,
    /** 裁量基准适用说明 */
    DISCRETION_NOTE,
    /** 其他材料 */
    OTHER
}
