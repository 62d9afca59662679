package org.zhifa.channel.wechat.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The cover thumb every article needs (add_material type=thumb: a JPG of at most 64 KB): the bureau's logo
 * on white, or without one the bureau's name drawn in a Chinese font on the government red. Quality and then
 * size shrink until the JPEG fits.
 */
final class Covers {
    static final int MAX_BYTES = 64 * 1024;
    /** WeChat crops covers to 2.35:1. */
    static final int WIDTH = 900;
    static final int HEIGHT = 383;
    private static final float[] QUALITIES = {0.85f, 0.7f, 0.55f, 0.4f, 0.3f};
    private static final Color RED = new Color(0xB7, 0x1C, 0x1C);

    private Covers() {}

    /** A JPEG of at most {@link #MAX_BYTES} from the logo file, or drawn from the bureau's name. */
    static byte[] cover(Path logo, String bureauName, List<Path> fonts, String subtitle) throws IOException {
        BufferedImage image = logo != null ? fromLogo(logo) : fromName(bureauName, fonts, subtitle);
        return shrink(image);
    }

    static byte[] shrink(BufferedImage image) throws IOException {
        for (double scale = 1.0; scale > 0.05; scale *= 0.7) {
            BufferedImage scaled = scale == 1.0 ? image : scaled(image, scale);
            for (float q : QUALITIES) {
                byte[] jpeg = jpeg(scaled, q);
                if (jpeg.length <= MAX_BYTES) {
                    return jpeg;
                }
            }
        }
        throw new IOException("cannot make the cover small enough");
    }

    private static BufferedImage fromLogo(Path logo) throws IOException {
        if (!Files.isReadable(logo)) {
            throw new IOException("logo " + logo + " is not readable");
        }
        BufferedImage src = ImageIO.read(logo.toFile());
        if (src == null) {
            throw new IOException("logo " + logo + " is not an image ImageIO can read (PNG, JPEG, GIF, BMP)");
        }
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            quality(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            double f = Math.min((WIDTH - 40.0) / src.getWidth(), (HEIGHT - 40.0) / src.getHeight());
            int w = Math.max(1, (int) (src.getWidth() * f));
            int h = Math.max(1, (int) (src.getHeight() * f));
            g.drawImage(src, (WIDTH - w) / 2, (HEIGHT - h) / 2, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static BufferedImage fromName(String name, List<Path> fonts, String subtitle) {
        String text = name == null || name.isBlank() ? subtitle : name.strip();
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            quality(g);
            g.setColor(RED);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(new Color(0xFF, 0xD5, 0x4F));
            g.fillRect(0, HEIGHT - 24, WIDTH, 8);
            Font base = font(fonts, text + subtitle);
            float size = 72f;
            Font f = base.deriveFont(Font.BOLD, size);
            FontMetrics m = g.getFontMetrics(f);
            while (m.stringWidth(text) > WIDTH - 80 && size > 20) {
                size -= 4;
                f = base.deriveFont(Font.BOLD, size);
                m = g.getFontMetrics(f);
            }
            g.setColor(Color.WHITE);
            g.setFont(f);
            g.drawString(text, (WIDTH - m.stringWidth(text)) / 2, HEIGHT / 2);
            Font sub = base.deriveFont(Font.PLAIN, 40f);
            FontMetrics ms = g.getFontMetrics(sub);
            g.setFont(sub);
            String line = subtitle;
            g.drawString(line, (WIDTH - ms.stringWidth(line)) / 2, HEIGHT / 2 + 80);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The first font file that shows the text (a .ttc's simplified-Chinese face first), else SansSerif. */
    static Font font(List<Path> fonts, String text) {
        for (Path p : fonts) {
            if (!Files.isReadable(p)) {
                continue;
            }
            try {
                Font[] all = Font.createFonts(p.toFile());
                for (Font candidate : all) {
                    if (candidate.canDisplayUpTo(text) < 0 && candidate.getFamily(Locale.ROOT).contains(" SC")) {
                        return candidate;
                    }
                }
                for (Font candidate : all) {
                    if (candidate.canDisplayUpTo(text) < 0) {
                        return candidate;
                    }
                }
            } catch (IOException | java.awt.FontFormatException e) {
                // next candidate
            }
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }

    private static void quality(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    }

    private static BufferedImage scaled(BufferedImage src, double scale) {
        int w = Math.max(1, (int) (src.getWidth() * scale));
        int h = Math.max(1, (int) (src.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            quality(g);
            g.drawImage(src, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
