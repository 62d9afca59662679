package org.zhifa.api.cases;

/** Whether a case still moves. */
public enum CaseStatus { OPEN, CLOSED }
