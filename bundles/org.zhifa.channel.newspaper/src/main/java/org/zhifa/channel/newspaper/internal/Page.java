package org.zhifa.channel.newspaper.internal;

/**
 * The GB/T 9704-2012 page in PDF points (1/72 inch): A4, 版心 156 × 225 mm with its top-left corner 37 mm from
 * the top and 28 mm from the left, 22 lines of 28 characters of 3号 (16 pt) text, the page number in 4号
 * (14 pt) with its top 7 mm below the 版心, one character in from the 版心's right edge on odd pages and from
 * its left edge on even pages.
 */
final class Page {
    static final float MM = 72f / 25.4f;
    static final float WIDTH = 210 * MM;
    static final float HEIGHT = 297 * MM;
    static final float LEFT = 28 * MM;
    static final float TOP = 37 * MM;
    static final float BOX_WIDTH = 156 * MM;
    static final float BOX_HEIGHT = 225 * MM;
    static final int LINES = 22;
    static final int CHARS = 28;
    static final float BODY_SIZE = 16;
    static final float TITLE_SIZE = 22;
    static final float NUMBER_SIZE = 14;
    /** 7 mm between the 版心 and the top of the page number. */
    static final float NUMBER_GAP = 7 * MM;
    static final float LINE_PITCH = BOX_HEIGHT / LINES;
    static final float CELL = BOX_WIDTH / CHARS;
    /** The 版心's bottom edge, from the page's bottom (PDF coordinates). */
    static final float BOX_BOTTOM = HEIGHT - TOP - BOX_HEIGHT;
    /** The top of a CJK glyph's em box above its baseline (Noto CJK and most Chinese fonts: 0.88 em). */
    static final float ASCENT = 0.88f;
    /** Height of the digits of the page number above the baseline, as part of the em. */
    static final float DIGIT_HEIGHT = 0.74f;

    private Page() {}

    /** The baseline of line {@code i} (0 = top) for text of {@code size}, centred in the line's height. */
    static float baseline(int i, float size) {
        float cellTop = HEIGHT - TOP - i * LINE_PITCH;
        return cellTop - (LINE_PITCH - size) / 2 - size * ASCENT;
    }

    static float numberBaseline() {
        return BOX_BOTTOM - NUMBER_GAP - NUMBER_SIZE * DIGIT_HEIGHT;
    }

    /** — 3 — */
    static String number(int page) {
        return "— " + page + " —";
    }
}
