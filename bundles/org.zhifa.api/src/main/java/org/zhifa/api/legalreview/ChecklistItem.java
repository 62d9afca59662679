package org.zhifa.api.legalreview;

/** The items a reviewer examines (处罚法 58, 法制审核 内容), each given a {@link Finding}. */
public enum ChecklistItem {
    /** 执法主体是否合法 */
    SUBJECT,
    /** 执法人员是否具备执法资格 */
    QUALIFICATION,
    /** 案件事实是否清楚 */
    FACTS,
    /** 证据是否确凿充分 */
    EVIDENCE,
    /** 适用法律、法规、规章是否准确 */
    LAW,
    /** 裁量基准运用是否适当 */
    DISCRETION,
    /** 程序是否合法 */
    PROCEDURE,
    /** 是否超越职权或者滥用职权 */
    ULTRA_VIRES,
    /** 执法文书是否规范齐备 */
    DOCUMENTS,
    /** 违法行为是否涉嫌犯罪、需要移送司法机关 */
    CRIME_REFERRAL,
    /** 其他应当审核的内容 */
    OTHER
}
