package org.zhifa.api.legalreview;

/** An open case whose verdict a catalogue change would change. */
public record PreviewRow(long caseId, String caseNumber, String caseTitle, MajorEvaluation before,
                         MajorEvaluation after) {}
