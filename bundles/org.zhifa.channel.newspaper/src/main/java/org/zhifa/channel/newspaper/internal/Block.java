package org.zhifa.channel.newspaper.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.zhifa.api.disclosure.ItemType;

/** One printed block of an edition; the PDF and the DOCX are laid out from the same blocks. */
record Block(Style style, String text) {

    enum Style {
        /** 2号 小标宋, centred. */
        TITLE,
        /** 3号 仿宋, first line indented two characters. */
        PARA,
        /** 3号 仿宋, right-aligned, two characters from the right edge (issuing bureau, date). */
        SIGN,
        /** An empty line, dropped at the top of a page. */
        BLANK
    }

    /** The blocks of an edition: its title, then every entry with its title, text, bureau and date. */
    static List<Block> of(Edition edition) {
        List<Block> out = new ArrayList<>();
        out.add(new Block(Style.TITLE, edition.title()));
        out.add(new Block(Style.BLANK, ""));
        if (edition.entries().isEmpty()) {
            out.add(new Block(Style.PARA, Messages.zh("edition.empty")));
        }
        ZoneId zone = edition.zone();
        boolean firstEntry = true;
        for (Entry e : edition.entries()) {
            if (!firstEntry) {
                out.add(new Block(Style.BLANK, ""));
            }
            firstEntry = false;
            String title = clean(e.title());
            LocalDate published = e.publishedAt().atZone(zone).toLocalDate();
            LocalDate firstPublished = e.firstPublishedAt().atZone(zone).toLocalDate();
            switch (e.kind()) {
                case WITHDRAWAL -> {
                    LocalDate gone = e.withdrawnAt().atZone(zone).toLocalDate();
                    out.add(new Block(Style.TITLE, Messages.zh("entry.withdrawal.title", title)));
                    String number = e.caseNumber() == null || e.caseNumber().isBlank() ? ""
                            : Messages.zh("entry.withdrawal.number", clean(e.caseNumber()));
                    out.add(new Block(Style.PARA, Messages.zh("entry.withdrawal.body", date(firstPublished), title, number,
                            Messages.zh("ground." + e.ground().name()), date(gone))));
                    if (e.reason() != null && !e.reason().isBlank()) {
                        out.add(new Block(Style.PARA, Messages.zh("entry.withdrawal.reason", clean(e.reason()))));
                    }
                    sign(out, edition, gone);
                }
                case CORRECTION, NEW -> {
                    boolean correction = e.kind() == Entry.Kind.CORRECTION;
                    out.add(new Block(Style.TITLE, correction ? Messages.zh("entry.correction.title", title) : title));
                    if (correction) {
                        out.add(new Block(Style.PARA, Messages.zh("entry.correction.lead", date(firstPublished), title)));
                    }
                    if (e.type() == ItemType.DECISION) {
                        if (e.caseNumber() != null && !e.caseNumber().isBlank()) {
                            out.add(new Block(Style.PARA, Messages.zh("entry.case", clean(e.caseNumber()))));
                        }
                        if (e.party() != null && !e.party().isBlank()) {
                            out.add(new Block(Style.PARA, Messages.zh("entry.party", clean(e.party()))));
                        }
                        if (e.decidedOn() != null) {
                            out.add(new Block(Style.PARA, Messages.zh("entry.decided", date(e.decidedOn()))));
                        }
                    }
                    for (String line : e.text().split("\\R")) {
                        String p = clean(line).strip();
                        if (!p.isEmpty()) {
                            out.add(new Block(Style.PARA, p));
                        }
                    }
                    sign(out, edition, published);
                }
                default -> throw new IllegalStateException(e.kind().name());
            }
        }
        return out;
    }

    private static void sign(List<Block> out, Edition edition, LocalDate day) {
        out.add(new Block(Style.SIGN, clean(edition.bureau())));
        out.add(new Block(Style.SIGN, date(day)));
    }

    /** 2026年3月9日 */
    static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** Control characters (and tabs) become spaces: a printed line holds nothing invisible. */
    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || cp == 0xFEFF || Character.getType(cp) == Character.FORMAT) {
                b.append(' ');
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }
}
