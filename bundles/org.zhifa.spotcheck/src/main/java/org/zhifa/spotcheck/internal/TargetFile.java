package org.zhifa.spotcheck.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the rows of a target import file: CSV (RFC 4180 quoting; UTF-8 with or without BOM, else GBK) or the
 * first worksheet of an XLSX workbook (shared and inline strings, numbers as written). Each row is a list of
 * cell texts with its line (CSV) or row number (XLSX), 1 being the header.
 */
final class TargetFile {
    record Row(int line, List<String> cells) {}

    record Content(String format, List<Row> rows) {}

    private static final Charset GBK = Charset.forName("GBK");

    private TargetFile() {}

    static Content read(byte[] bytes, String fileName) throws IOException {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        boolean zip = bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (zip || name.endsWith(".xlsx")) {
            return new Content("XLSX", xlsx(bytes));
        }
        String text;
        String format;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            format = "CSV UTF-8";
        } catch (CharacterCodingException notUtf8) {
            text = new String(bytes, GBK);
            format = "CSV GBK";
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return new Content(format, csv(text));
    }

    /** RFC 4180: fields in double quotes may hold commas, quotes (doubled) and line breaks. */
    static List<Row> csv(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                add(rows, rowLine, cells);
                cells = new ArrayList<>();
                line++;
                rowLine = line;
            } else {
                cell.append(ch);
            }
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(cell.toString());
            add(rows, rowLine, cells);
        }
        return rows;
    }

    private static void add(List<Row> rows, int line, List<String> cells) {
        if (cells.stream().anyMatch(c -> !c.isBlank())) {
            rows.add(new Row(line, List.copyOf(cells)));
        }
    }

    private static List<Row> xlsx(byte[] bytes) throws IOException {
        byte[] shared = null;
        Map<String, byte[]> sheets = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals("xl/sharedStrings.xml")) {
                    shared = zip.readAllBytes();
                } else if (e.getName().matches("xl/worksheets/sheet\\d+\\.xml")) {
                    sheets.put(String.format("%08d", Integer.parseInt(e.getName().replaceAll("\\D", ""))),
                            zip.readAllBytes());
                }
            }
        }
        if (sheets.isEmpty()) {
            throw new IOException("no worksheet in the workbook");
        }
        try {
            List<String> strings = shared == null ? List.of() : sharedStrings(shared);
            return sheet(sheets.values().iterator().next(), strings);
        } catch (XMLStreamException e) {
            throw new IOException("unreadable workbook: " + e.getMessage(), e);
        }
    }

    private static XMLStreamReader parser(byte[] xml) throws XMLStreamException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f.createXMLStreamReader(new ByteArrayInputStream(xml));
    }

    private static List<String> sharedStrings(byte[] xml) throws XMLStreamException {
        List<String> out = new ArrayList<>();
        XMLStreamReader r = parser(xml);
        StringBuilder si = null;
        boolean inT = false;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (r.getLocalName().equals("si")) {
                    si = new StringBuilder();
                } else if (r.getLocalName().equals("t")) {
                    inT = true;
                } else if (r.getLocalName().equals("rPh")) {
                    skip(r); // phonetic hints are not part of the text
                }
            } else if (ev == XMLStreamConstants.CHARACTERS && inT && si != null) {
                si.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                if (r.getLocalName().equals("t")) {
                    inT = false;
                } else if (r.getLocalName().equals("si") && si != null) {
                    out.add(si.toString());
                    si = null;
                }
            }
        }
        return out;
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static List<Row> sheet(byte[] xml, List<String> strings) throws XMLStreamException, IOException {
        List<Row> rows = new ArrayList<>();
        XMLStreamReader r = parser(xml);
        List<String> cells = null;
        int rowNumber = 0;
        int col = 0;
        String type = null;
        StringBuilder value = new StringBuilder();
        boolean inValue = false;
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "row" -> {
                        String n = r.getAttributeValue(null, "r");
                        rowNumber = n == null ? rowNumber + 1 : Integer.parseInt(n);
                        cells = new ArrayList<>();
                    }
                    case "c" -> {
                        String ref = r.getAttributeValue(null, "r");
                        col = ref == null ? (cells == null ? 0 : cells.size()) : column(ref);
                        type = r.getAttributeValue(null, "t");
                        value.setLength(0);
                    }
                    case "v", "t" -> inValue = true;
                    default -> { }
                }
            } else if (ev == XMLStreamConstants.CHARACTERS && inValue) {
                value.append(r.getText());
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                switch (r.getLocalName()) {
                    case "v", "t" -> inValue = false;
                    case "c" -> {
                        String text = value.toString();
                        if ("s".equals(type)) {
                            int i = Integer.parseInt(text.trim());
                            if (i < 0 || i >= strings.size()) {
                                throw new IOException("shared string " + i + " missing");
                            }
                            text = strings.get(i);
                        }
                        while (cells.size() < col) {
                            cells.add("");
                        }
                        cells.add(text);
                    }
                    case "row" -> add(rows, rowNumber, cells);
                    default -> { }
                }
            }
        }
        return rows;
    }

    /** A1 → 0, B7 → 1, AA3 → 26. */
    static int column(String ref) {
        int c = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return c - 1;
    }

    static byte[] readLimited(InputStream in, long limit) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (b.length > limit) {
            throw new IOException("too large");
        }
        return b;
    }
}
