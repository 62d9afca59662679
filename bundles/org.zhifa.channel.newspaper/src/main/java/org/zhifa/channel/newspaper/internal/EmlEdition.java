package org.zhifa.channel.newspaper.internal;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The e-mail-ready package of an edition: one RFC 5322 message (MIME multipart/mixed, CRLF lines) from the
 * bureau to the newspaper with a short UTF-8 text and the PDF and DOCX attached, for the bureau's own mail
 * client or gateway: zhifa sends no mail.
 */
final class EmlEdition {
    /** A plain address, nothing a header could be smuggled through. */
    static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*");
    private static final String CRLF = "\r\n";

    private EmlEdition() {}

    static boolean valid(String address) {
        return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
    }

    static byte[] render(Edition edition, String from, String to, byte[] pdf, byte[] docx, ZonedDateTime now) {
        String boundary = "=_zhifa_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        String subject = edition.title();
        StringBuilder m = new StringBuilder();
        header(m, "From", word(edition.bureau()) + " <" + from + ">");
        header(m, "To", word(edition.newspaper()) + " <" + to + ">");
        header(m, "Subject", word(subject));
        header(m, "Date", now.format(DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)));
        header(m, "Message-ID", "<np." + edition.from().toString().replace("-", "") + "." + edition.to().toString().replace("-", "")
                + "." + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "@" + from.substring(from.indexOf('@') + 1) + ">");
        header(m, "MIME-Version", "1.0");
        header(m, "Content-Type", "multipart/mixed; boundary=\"" + boundary + "\"");
        m.append(CRLF);
        m.append("This is a multi-part message in MIME format.").append(CRLF);
        String text = edition.newspaper() + "：" + CRLF + CRLF + "　　现送上《" + subject + "》（共 " + edition.entries().size()
                + " 条），请按附件 PDF 版式刊登；DOCX 为可编辑稿。" + CRLF + CRLF + edition.bureau() + CRLF;
        part(m, boundary, "text/plain; charset=UTF-8", null, text.getBytes(StandardCharsets.UTF_8));
        part(m, boundary, "application/pdf", edition.fileStem() + ".pdf", pdf);
        part(m, boundary, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", edition.fileStem() + ".docx", docx);
        m.append("--").append(boundary).append("--").append(CRLF);
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static void header(StringBuilder m, String name, String value) {
        m.append(name).append(": ").append(value).append(CRLF);
    }

    private static void part(StringBuilder m, String boundary, String type, String file, byte[] content) {
        m.append("--").append(boundary).append(CRLF);
        // a long media type (DOCX's) goes on a folded line of its own: lines stay under 78 characters
        m.append("Content-Type:").append(type.length() > 60 ? CRLF : "").append(' ').append(type);
        if (file != null) {
            m.append(";").append(CRLF).append(" name=\"").append(file).append('"');
        }
        m.append(CRLF).append("Content-Transfer-Encoding: base64").append(CRLF);
        if (file != null) {
            // the file name is ASCII (the edition's stem): no RFC 2231 form needed
            m.append("Content-Disposition: attachment;").append(CRLF).append(" filename=\"").append(file).append('"').append(CRLF);
        }
        m.append(CRLF);
        String b64 = Base64.getEncoder().encodeToString(content);
        for (int i = 0; i < b64.length(); i += 76) {
            m.append(b64, i, Math.min(b64.length(), i + 76)).append(CRLF);
        }
    }

    /**
     * An RFC 2047 encoded word (UTF-8, base64), split into words of at most 75 characters on character
     * boundaries and folded: a header line stays under 78 characters.
     */
    static String word(String text) {
        StringBuilder out = new StringBuilder();
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String c = new String(Character.toChars(cp));
            int bytes = (chunk.toString() + c).getBytes(StandardCharsets.UTF_8).length;
            // =?UTF-8?B?...?= is 12 characters; 39 bytes make 52 base64 characters: with "Subject: " 73 in all
            if (bytes > 39) {
                append(out, chunk.toString());
                chunk.setLength(0);
            }
            chunk.append(c);
            i += Character.charCount(cp);
        }
        append(out, chunk.toString());
        return out.toString();
    }

    private static void append(StringBuilder out, String chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        if (out.length() > 0) {
            out.append(CRLF).append(' ');
        }
        out.append("=?UTF-8?B?").append(Base64.getEncoder().encodeToString(chunk.getBytes(StandardCharsets.UTF_8))).append("?=");
    }
}
