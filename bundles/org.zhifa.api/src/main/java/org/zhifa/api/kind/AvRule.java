package org.zhifa.api.kind;

/** Audio/video recording a step needs (音像记录, R4). */
public enum AvRule {
    NONE,
    /** A/V record required (现场检查、调查取证、听证、送达 …). */
    REQUIRED,
    /** Uninterrupted full-process A/V (查封扣押、强制拆除); an interruption needs a recorded reason. */
    UNINTERRUPTED
}
