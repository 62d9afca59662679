package org.zhifa.channel.newspaper.internal;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.lowagie.text.pdf.BaseFont;

import org.zhifa.api.common.ZhifaException;

/**
 * The PDF fonts from configured candidates: the first readable file with Chinese glyphs wins. A font object is
 * made per document because OpenPDF keeps the subset (the glyphs used) in it.
 */
final class Fonts {
    private static final char PROBE = '政';

    private final List<String> candidates;

    Fonts(String list) {
        this.candidates = Arrays.stream((list == null ? "" : list).split("[;\\n]")).map(String::trim)
                .filter(s -> !s.isEmpty()).map(Fonts::resolve).toList();
    }

    /** A fresh, subset-embedded font of the first usable candidate. */
    BaseFont load() {
        List<String> tried = new ArrayList<>();
        for (String candidate : candidates) {
            String file = candidate.replaceFirst(",\\d+$", "");
            if (!new File(file).canRead()) {
                tried.add(candidate + " (not found)");
                continue;
            }
            try {
                BaseFont bf = BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null);
                if (!bf.charExists(PROBE)) {
                    tried.add(candidate + " (no Chinese glyphs)");
                    continue;
                }
                bf.setSubset(true);
                return bf;
            } catch (Exception e) {
                tried.add(candidate + " (" + e.getMessage() + ")");
            }
        }
        throw Messages.error(ZhifaException.Kind.UNAVAILABLE, "NEWSPAPER_FONT_MISSING", null, String.join("; ", tried));
    }

    static String resolve(String path) {
        return path.replace("${karaf.etc}", System.getProperty("karaf.etc", "etc"))
                .replace("${karaf.home}", System.getProperty("karaf.home", "."));
    }
}
