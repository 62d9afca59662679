package org.zhifa.api.spotcheck;

import java.util.List;

/**
 * The outcome of importing targets from CSV (UTF-8 or GBK) or XLSX: either every row was stored, in one
 * transaction, or none was and {@code errors} says which lines are wrong and why.
 */
public record TargetImport(int created, int revised, String format, List<RowError> errors) {
    public TargetImport {
        errors = List.copyOf(errors);
    }

    public boolean stored() {
        return errors.isEmpty();
    }

    /** A refused row: its line (1 = the header), the column at fault and the message in both languages. */
    public record RowError(int line, String column, String code, String messageZh, String messageEn) {}
}
