package org.zhifa.api.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a channel receives and the public may see: redacted by the disclosure service before it is built,
 * so every output a channel derives (page, PDF, feed, article, push) carries only redacted text.
 *
 * @param version      the item version this delivery carries (a correction is a higher version)
 * @param text         the redacted text
 * @param pdf          the redacted text as a PDF (A4, Chinese font embedded)
 * @param attachments  files published with the item (catalogues)
 * @param withdrawnAt  set on a withdrawal, with {@code withdrawalGround} and the published {@code withdrawalReason}
 */
public record PublicItem(String publicId, int version, ItemType type, String kind, String kindTitleZh,
                         String title, String caseNumber, String partyName, LocalDate decidedOn,
                         Instant publishedAt, LocalDate postUntil, String text, byte[] pdf,
                         List<Attachment> attachments, Instant withdrawnAt, WithdrawalGround withdrawalGround,
                         String withdrawalReason) {
    public PublicItem {
        attachments = List.copyOf(attachments);
        pdf = pdf == null ? null : pdf.clone();
    }

    @Override
    public byte[] pdf() {
        return pdf == null ? null : pdf.clone();
    }
}
