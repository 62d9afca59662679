package org.zhifa.documents.internal;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Where a line may break in Chinese text (避头尾): after any ideograph or space, but never before a
 * closing mark such as ，。、） nor after an opening one such as （《“, so no line starts with a comma.
 */
final class CjkSplit implements SplitCharacter {
    static final CjkSplit INSTANCE = new CjkSplit();

    private static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’…—·%‰,.;:?!)]}";
    private static final String NO_LINE_END = "（《「『【〔〈“‘([{";

    private CjkSplit() {}

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char c = charAt(current, cc, ck);
        if (NO_LINE_END.indexOf(c) >= 0) {
            return false;
        }
        if (current + 1 < end && NO_LINE_START.indexOf(charAt(current + 1, cc, ck)) >= 0) {
            return false;
        }
        return c <= ' ' || c == '-' || c == '\u2010' || c == '/'
                || Character.isIdeographic(c) || NO_LINE_START.indexOf(c) >= 0
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || Character.UnicodeBlock.of(c) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    private static char charAt(int i, char[] cc, PdfChunk[] ck) {
        return ck == null ? cc[i] : (char) ck[Math.min(i, ck.length - 1)].getUnicodeEquivalent(cc[i]);
    }
}
