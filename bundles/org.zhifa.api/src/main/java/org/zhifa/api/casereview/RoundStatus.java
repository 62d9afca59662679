package org.zhifa.api.casereview;

/** A round is scored while OPEN; a CLOSED round takes no assignment and no result. */
public enum RoundStatus { OPEN, CLOSED }
