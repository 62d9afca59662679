package org.zhifa.api.disclosure;

/**
 * Why a published item is taken down. The first four are the grounds of 处罚法 48 (due within 3 working
 * days); EXPIRED is the end of the posting period (D6); OTHER needs a written reason like every ground.
 */
public enum WithdrawalGround { VARIED, REVOKED, ILLEGAL, VOID, EXPIRED, OTHER }
