package org.zhifa.documents.internal;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.lowagie.text.pdf.BaseFont;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.zhifa.api.common.ZhifaException;
import org.zhifa.api.common.ZhifaException.Kind;

/**
 * Finds the Chinese font for PDFs among configured candidates. The file is re-read per document
 * (≈ 50 ms for a 19 MB collection) because OpenPDF's font objects keep per-document subset state.
 */
final class Fonts {
    private static final Logger LOG = LoggerFactory.getLogger(Fonts.class);
    /** A character every usable font must have. */
    private static final char PROBE = '政';

    private final List<String> candidates;
    private volatile String chosen;
    private volatile String family;
    private volatile boolean warned;

    Fonts(List<String> candidates) {
        // a .cfg file gives one string: candidates are separated by ';' or line breaks there
        this.candidates = candidates.stream().filter(Objects::nonNull).flatMap(s -> Arrays.stream(s.split("[;\\n]")))
                .map(String::trim).filter(s -> !s.isEmpty()).map(Fonts::resolve).toList();
    }

    /** The OpenPDF font name of the first candidate that can be read and has Chinese glyphs. */
    String find() {
        String c = chosen;
        if (c != null) {
            return c;
        }
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
                family = familyOf(bf);
                chosen = candidate;
                LOG.info("Documents: PDF font {} ({})", candidate, family);
                return candidate;
            } catch (Exception e) {
                tried.add(candidate + " (" + e.getMessage() + ")");
            }
        }
        ZhifaException e = Errors.of(Kind.UNAVAILABLE, "DOCUMENT_FONT_MISSING", null, String.join("; ", tried));
        if (!warned) {
            warned = true;
            LOG.warn("Documents: {}", e.messageEn());
        }
        throw e;
    }

    /** A fresh font object for one document, subset and embedded. */
    BaseFont load() {
        String name = find();
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, null, null);
        } catch (Exception e) {
            chosen = null;
            throw Errors.of(Kind.UNAVAILABLE, "DOCUMENT_FONT_MISSING", null, name + " (" + e.getMessage() + ")");
        }
    }

    /** The family name of the PDF font, e.g. Noto Serif CJK SC, or null when none is found. */
    String family() {
        try {
            find();
            return family;
        } catch (ZhifaException e) {
            return null;
        }
    }

    private static String familyOf(BaseFont bf) {
        String[][] names = bf.getFamilyFontName();
        for (String[] n : names) {
            if ("1033".equals(n[2])) {
                return n[3];
            }
        }
        return names.length > 0 ? names[0][3] : bf.getPostscriptFontName();
    }

    static String resolve(String path) {
        return path.replace("${karaf.etc}", System.getProperty("karaf.etc", "etc"))
                .replace("${karaf.home}", System.getProperty("karaf.home", "."));
    }
}
