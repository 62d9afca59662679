package org.zhifa.api.personnel;

/** Outcome of a register import: all rows were stored, in one transaction. */
public record ImportResult(int imported, String charset) {
}
