package org.zhifa.casereview.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as Excel opens it: UTF-8 with a byte-order mark (else Chinese comes out garbled), CRLF, fields
 * quoted when needed. A text cell that starts like a formula gets a leading apostrophe, so a reason or a
 * title never runs as a formula in a spreadsheet.
 */
final class Csv {
    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private final StringBuilder out = new StringBuilder("\uFEFF");

    Csv row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
        return this;
    }

    Csv row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof java.math.BigDecimal b ? b.toPlainString() : String.valueOf(value);
        if (!(value instanceof Number) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
