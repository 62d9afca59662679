package org.zhifa.disclosure.internal.redact;

/** A span one detector wants hidden; the merge turns the candidates into non-overlapping masks. */
record Candidate(int start, int end, String category, String replacement) {

    /** Higher wins when candidates overlap: what the approver asked for, then the surest detectors. */
    int priority() {
        return switch (category) {
            case Categories.MANUAL -> 8;
            case Categories.ID_NUMBER -> 7;
            case Categories.BANK_ACCOUNT -> 6;
            case Categories.PHONE -> 5;
            case Categories.EMAIL -> 4;
            case Categories.ADDRESS -> 3;
            case Categories.HEALTH -> 2;
            default -> 1;
        };
    }
}
