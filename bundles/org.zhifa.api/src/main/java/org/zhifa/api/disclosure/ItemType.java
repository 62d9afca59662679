package org.zhifa.api.disclosure;

/** What a disclosure item is: a decision (行政执法决定), a notice (公告), or a catalogue (清单, 服务指南…). */
public enum ItemType { DECISION, NOTICE, CATALOGUE }
