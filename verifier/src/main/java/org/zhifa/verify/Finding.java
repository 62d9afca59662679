package org.zhifa.verify;

import java.util.List;

/**
 * One thing wrong with a case file, located.
 *
 * @param code     stable, also the message key (see messages.properties)
 * @param location where: a file in the archive, an entry by sequence number and line, the tree head
 * @param seq      the log entry concerned, or -1
 */
record Finding(String code, String location, long seq, List<Object> args) {
    Finding {
        args = List.copyOf(args);
    }

    static Finding of(String code, String location, Object... args) {
        return new Finding(code, location, -1, List.of(args));
    }

    static Finding entry(String code, long seq, int line, Object... args) {
        return new Finding(code, "record/entries.jsonl#" + line + " seq " + seq, seq, List.of(args));
    }
}
