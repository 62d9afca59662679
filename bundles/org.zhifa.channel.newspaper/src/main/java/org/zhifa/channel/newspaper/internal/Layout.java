package org.zhifa.channel.newspaper.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks an edition's blocks into lines of the 版心 and the lines into pages of {@link Page#LINES}. Chinese
 * characters sit in the cells of the 28-character grid; other characters take their own width; a line never
 * begins with closing punctuation nor ends with opening punctuation (避头尾); a title keeps its first body line.
 */
final class Layout {
    /** The advance of one character at a size, in points. */
    @FunctionalInterface
    interface Measure {
        float width(int codePoint, boolean title);
    }

    /** A character placed at {@code x} (from the page's left edge). */
    record Glyph(String text, float x) {}

    record Line(Block.Style style, List<Glyph> glyphs) {
        String text() {
            StringBuilder b = new StringBuilder();
            glyphs.forEach(g -> b.append(g.text()));
            return b.toString();
        }
    }

    private static final String NO_START = "，。、；：？！）》」』】〕〉”’…—·%,.;:?!)]}";
    private static final String NO_END = "（《「『【〔〈“‘([{";

    private Layout() {}

    /** Pages of at most 22 lines each. */
    static List<List<Line>> pages(List<Block> blocks, Measure measure) {
        List<List<Line>> pages = new ArrayList<>();
        List<Line> page = new ArrayList<>();
        for (int b = 0; b < blocks.size(); b++) {
            Block block = blocks.get(b);
            if (block.style() == Block.Style.BLANK) {
                if (!page.isEmpty()) {
                    page.add(new Line(Block.Style.BLANK, List.of()));
                }
            } else {
                List<Line> lines = lines(block, measure);
                // a title stays whole and with the first line after it; other blocks flow over the page break
                int keep = block.style() == Block.Style.TITLE ? lines.size() + (b + 1 < blocks.size() ? 1 : 0) : 1;
                if (!page.isEmpty() && page.size() + Math.min(keep, Page.LINES) > Page.LINES) {
                    pages.add(trim(page));
                    page = new ArrayList<>();
                }
                for (Line l : lines) {
                    if (page.size() == Page.LINES) {
                        pages.add(page);
                        page = new ArrayList<>();
                    }
                    page.add(l);
                }
            }
            if (page.size() == Page.LINES) {
                pages.add(page);
                page = new ArrayList<>();
            }
        }
        if (!page.isEmpty() || pages.isEmpty()) {
            pages.add(trim(page));
        }
        return pages;
    }

    private static List<Line> trim(List<Line> page) {
        while (!page.isEmpty() && page.get(page.size() - 1).style() == Block.Style.BLANK) {
            page.remove(page.size() - 1);
        }
        return page;
    }

    /** The block's lines with every glyph placed. */
    static List<Line> lines(Block block, Measure measure) {
        boolean title = block.style() == Block.Style.TITLE;
        float indent = block.style() == Block.Style.PARA ? 2 * Page.CELL : 0;
        float rightInset = block.style() == Block.Style.SIGN ? 2 * Page.CELL : 0;
        List<String> tokens = tokens(block.text());
        List<String> row = new ArrayList<>();
        float used = 0;
        float limit = Page.BOX_WIDTH - indent - rightInset;
        List<List<String>> tokenRows = new ArrayList<>();
        for (String t : tokens) {
            float w = width(t, measure, title);
            if (used + w > limit + 0.01f && !row.isEmpty()) {
                // 避头尾: pull the previous token down rather than start a line with closing punctuation
                List<String> next = new ArrayList<>();
                if (NO_START.indexOf(t.codePointAt(0)) >= 0 && row.size() > 1) {
                    next.add(0, row.remove(row.size() - 1));
                }
                while (row.size() > 1 && NO_END.indexOf(row.get(row.size() - 1).codePointAt(0)) >= 0) {
                    next.add(0, row.remove(row.size() - 1));
                }
                tokenRows.add(row);
                row = next;
                used = 0;
                for (String n : next) {
                    used += width(n, measure, title);
                }
                limit = Page.BOX_WIDTH - rightInset;
            }
            if (w > limit && row.isEmpty()) {
                // a token longer than a line (a long number, a URL): broken by character
                for (int i = 0; i < t.length(); ) {
                    int cp = t.codePointAt(i);
                    String c = new String(Character.toChars(cp));
                    float cw = measure.width(cp, title);
                    if (used + cw > limit + 0.01f && !row.isEmpty()) {
                        tokenRows.add(row);
                        row = new ArrayList<>();
                        used = 0;
                        limit = Page.BOX_WIDTH - rightInset;
                    }
                    row.add(c);
                    used += cw;
                    i += Character.charCount(cp);
                }
                continue;
            }
            row.add(t);
            used += w;
        }
        if (!row.isEmpty() || tokenRows.isEmpty()) {
            tokenRows.add(row);
        }
        List<Line> out = new ArrayList<>();
        for (int r = 0; r < tokenRows.size(); r++) {
            List<String> tr = tokenRows.get(r);
            float lineWidth = 0;
            for (String t : tr) {
                lineWidth += width(t, measure, title);
            }
            float x = switch (block.style()) {
                case TITLE -> Page.LEFT + Math.max(0, (Page.BOX_WIDTH - lineWidth) / 2);
                case SIGN -> Page.LEFT + Page.BOX_WIDTH - rightInset - lineWidth;
                default -> Page.LEFT + (r == 0 ? indent : 0);
            };
            List<Glyph> glyphs = new ArrayList<>();
            for (String t : tr) {
                for (int i = 0; i < t.length(); ) {
                    int cp = t.codePointAt(i);
                    glyphs.add(new Glyph(new String(Character.toChars(cp)), x));
                    x += measure.width(cp, title);
                    i += Character.charCount(cp);
                }
            }
            out.add(new Line(block.style(), glyphs));
        }
        return out;
    }

    private static float width(String token, Measure measure, boolean title) {
        float w = 0;
        for (int i = 0; i < token.length(); ) {
            int cp = token.codePointAt(i);
            w += measure.width(cp, title);
            i += Character.charCount(cp);
        }
        return w;
    }

    /** Runs of Latin letters and digits stay together; every other character is a token of its own. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80 && Character.isLetterOrDigit(cp) || cp == '.' && run.length() > 0 && i < text.length()
                    && Character.isDigit(text.charAt(i))) {
                run.appendCodePoint(cp);
                continue;
            }
            if (run.length() > 0) {
                out.add(run.toString());
                run.setLength(0);
            }
            out.add(new String(Character.toChars(cp)));
        }
        if (run.length() > 0) {
            out.add(run.toString());
        }
        return out;
    }

    /** Chinese, Japanese, Korean and full-width characters: one grid cell each. */
    static boolean wide(int cp) {
        return cp >= 0x2E80 && cp <= 0xA4CF || cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0xF900 && cp <= 0xFAFF
                || cp >= 0xFE30 && cp <= 0xFE4F || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0xFFE0 && cp <= 0xFFE6
                || cp >= 0x20000 && cp <= 0x3FFFD || cp == 0x2014 || cp == 0x2026 || cp == 0x201C || cp == 0x201D
                || cp == 0x2018 || cp == 0x2019 || cp == 0x00B7;
    }
}
