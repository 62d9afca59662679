package org.zhifa.catalogue.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhifa.api.kind.EnforcementKind;
import org.zhifa.api.kind.Procedure;
import org.zhifa.api.kind.Step;
import org.zhifa.api.kind.TimerRule;
import org.zhifa.api.kind.Transition;

/**
 * 执法流程图 of a kind from its declared procedure: a top-down layered layout (a step's layer is its
 * distance from the initial step), forward moves as straight arrows, moves back or within a layer as dashed
 * curves on the right, the legal timers listed below. One layout, drawn twice: as hand-written SVG (every
 * text escaped) and as PNG with Java2D (a Chinese system font when one is readable).
 */
final class Flowcharts {
    private static final Logger LOG = LoggerFactory.getLogger(Flowcharts.class);
    static final int FONT = 14;
    static final int SMALL = 11;
    static final int BOX_H = 36;
    static final int GAP_X = 36;
    static final int GAP_Y = 54;
    static final int MARGIN = 30;
    static final int TITLE_H = 44;
    static final int LINE_H = 18;

    record Node(String id, String label, int x, int y, int w, int h, boolean initial, boolean terminal) {
        int cx() { return x + w / 2; }
        int bottom() { return y + h; }
    }

    record Edge(String from, String to, String label, boolean back) {}

    record Chart(String kind, String title, List<Node> nodes, List<Edge> edges, List<String> timers, int width,
                 int height) {
        Node node(String id) {
            return nodes.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
        }
    }

    private final List<Path> fontFiles;
    private volatile Font font;

    Flowcharts(List<Path> fontFiles) {
        this.fontFiles = List.copyOf(fontFiles);
    }

    // ------------------------------------------------------------ layout

    Chart layout(EnforcementKind kind) {
        Procedure p = kind.procedure();
        Map<String, Integer> layer = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        layer.put(p.initialStep(), 0);
        queue.add(p.initialStep());
        while (!queue.isEmpty()) {
            String s = queue.poll();
            for (Transition t : p.from(s)) {
                if (!layer.containsKey(t.to())) {
                    layer.put(t.to(), layer.get(s) + 1);
                    queue.add(t.to());
                }
            }
        }
        int deepest = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (Step s : p.steps()) {
            layer.putIfAbsent(s.id(), deepest + 1); // unreachable steps: below everything
        }
        int layers = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        List<List<Step>> rows = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            rows.add(new ArrayList<>());
        }
        for (Step s : p.steps()) {
            rows.get(layer.get(s.id())).add(s);
        }
        int boxW = 0;
        for (Step s : p.steps()) {
            boxW = Math.max(boxW, textWidth(s.titleZh(), FONT) + 24);
        }
        boxW = Math.max(96, Math.min(boxW, 260));
        int widest = rows.stream().mapToInt(List::size).max().orElse(1);
        int chartW = Math.max(widest * boxW + (widest - 1) * GAP_X, 420) + 2 * MARGIN + 80; // 80: room for curves
        List<Node> nodes = new ArrayList<>();
        for (int l = 0; l < rows.size(); l++) {
            List<Step> row = rows.get(l);
            int rowW = row.size() * boxW + (row.size() - 1) * GAP_X;
            int x0 = MARGIN + (chartW - 2 * MARGIN - 80 - rowW) / 2;
            int y = MARGIN + TITLE_H + l * (BOX_H + GAP_Y);
            for (int i = 0; i < row.size(); i++) {
                Step s = row.get(i);
                nodes.add(new Node(s.id(), s.titleZh(), x0 + i * (boxW + GAP_X), y, boxW, BOX_H,
                        s.id().equals(p.initialStep()), s.terminal()));
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (Transition t : p.transitions()) {
            edges.add(new Edge(t.from(), t.to(), t.titleZh(), layer.get(t.to()) <= layer.get(t.from())));
        }
        List<String> timers = new ArrayList<>();
        for (TimerRule r : p.timers()) {
            String start = p.step(r.startStep()).map(Step::titleZh).orElse(r.startStep());
            String unit = Messages.zh(r.count() == TimerRule.DayCount.WORKING_DAYS ? "flow.workingDays" : "flow.days");
            String basis = r.basis() == null || r.basis().isBlank() ? "" : Messages.zh("flow.basis", r.basis());
            String extra = r.extension() > 0 ? Messages.zh("flow.extension", r.extension(), unit) : "";
            timers.add(Messages.zh("flow.timer", r.titleZh(), start, r.length(), unit, extra, basis));
        }
        int bodyBottom = MARGIN + TITLE_H + rows.size() * (BOX_H + GAP_Y) - GAP_Y;
        int legend = timers.isEmpty() ? 0 : 20 + (timers.size() + 1) * LINE_H;
        int legendW = timers.stream().mapToInt(t -> textWidth(t, SMALL + 1)).max().orElse(0) + 2 * MARGIN;
        String title = Messages.zh("flow.title", kind.title(Locale.SIMPLIFIED_CHINESE));
        int width = Math.max(Math.max(chartW, legendW), textWidth(title, 20) + 2 * MARGIN);
        return new Chart(kind.id(), title, nodes, edges, timers, width, bodyBottom + legend + MARGIN);
    }

    /** Width estimate: a CJK character is square, others half as wide. */
    static int textWidth(String s, int size) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) < 0x2E80 ? size * 6 / 10 : size;
        }
        return w;
    }

    // ------------------------------------------------------------ SVG

    byte[] svg(Chart c) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(c.width()).append("\" height=\"")
                .append(c.height()).append("\" viewBox=\"0 0 ").append(c.width()).append(' ').append(c.height())
                .append("\" font-family=\"'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','SimHei',sans-serif\">\n");
        b.append("<title>").append(Svg.escape(c.title())).append("</title>\n");
        b.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\""
                + " markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#333\"/>"
                + "</marker></defs>\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        b.append("<text x=\"").append(c.width() / 2).append("\" y=\"").append(MARGIN + 16)
                .append("\" font-size=\"20\" font-weight=\"bold\" text-anchor=\"middle\">")
                .append(Svg.escape(c.title())).append("</text>\n");
        b.append("<g class=\"edges\" fill=\"none\" stroke=\"#333\" stroke-width=\"1.3\">\n");
        for (Edge e : c.edges()) {
            Node f = c.node(e.from());
            Node t = c.node(e.to());
            b.append("<g class=\"edge\" data-from=\"").append(Svg.escape(e.from())).append("\" data-to=\"")
                    .append(Svg.escape(e.to())).append("\"><title>").append(Svg.escape(e.label())).append("</title>");
            if (e.back()) {
                int[] k = curve(f, t);
                b.append("<path d=\"M ").append(k[0]).append(' ').append(k[1]).append(" C ").append(k[2]).append(' ')
                        .append(k[3]).append(", ").append(k[4]).append(' ').append(k[5]).append(", ").append(k[6])
                        .append(' ').append(k[7]).append("\" stroke-dasharray=\"5 3\" marker-end=\"url(#arrow)\"/>");
            } else {
                b.append("<line x1=\"").append(f.cx()).append("\" y1=\"").append(f.bottom()).append("\" x2=\"")
                        .append(t.cx()).append("\" y2=\"").append(t.y()).append("\" marker-end=\"url(#arrow)\"/>");
                b.append("<text x=\"").append((f.cx() + t.cx()) / 2 + 4).append("\" y=\"")
                        .append((f.bottom() + t.y()) / 2 + 4).append("\" font-size=\"").append(SMALL)
                        .append("\" fill=\"#666\" stroke=\"none\">").append(Svg.escape(e.label())).append("</text>");
            }
            b.append("</g>\n");
        }
        b.append("</g>\n<g class=\"steps\">\n");
        for (Node n : c.nodes()) {
            b.append("<g class=\"step\" data-step=\"").append(Svg.escape(n.id())).append("\"><rect x=\"").append(n.x())
                    .append("\" y=\"").append(n.y()).append("\" width=\"").append(n.w()).append("\" height=\"")
                    .append(n.h()).append("\" rx=\"").append(n.terminal() || n.initial() ? 18 : 4)
                    .append("\" fill=\"").append(n.initial() ? "#e3f0ff" : n.terminal() ? "#eaf7ea" : "#f7f7f7")
                    .append("\" stroke=\"#1a4d8f\" stroke-width=\"1.5\"/><text x=\"").append(n.cx()).append("\" y=\"")
                    .append(n.y() + n.h() / 2 + FONT / 2 - 1).append("\" font-size=\"").append(FONT)
                    .append("\" text-anchor=\"middle\">").append(Svg.escape(n.label())).append("</text></g>\n");
        }
        b.append("</g>\n");
        if (!c.timers().isEmpty()) {
            int y = legendTop(c);
            b.append("<g class=\"timers\" font-size=\"").append(SMALL + 1).append("\"><text x=\"").append(MARGIN)
                    .append("\" y=\"").append(y).append("\" font-weight=\"bold\">")
                    .append(Svg.escape(Messages.zh("flow.timers"))).append("</text>");
            for (String t : c.timers()) {
                y += LINE_H;
                b.append("<text x=\"").append(MARGIN).append("\" y=\"").append(y).append("\">").append(Svg.escape(t))
                        .append("</text>");
            }
            b.append("</g>\n");
        }
        b.append("</svg>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int legendTop(Chart c) {
        int bottom = c.nodes().stream().mapToInt(Node::bottom).max().orElse(0);
        return bottom + 20 + LINE_H;
    }

    /** A curve out of the right side of {@code f} into the right side of {@code t}: x0 y0 c1 c2 x1 y1. */
    private static int[] curve(Node f, Node t) {
        int x0 = f.x() + f.w();
        int y0 = f.y() + f.h() / 2 + 6;
        int x1 = t.x() + t.w();
        int y1 = t.y() + t.h() / 2 - 6;
        int bulge = Math.max(x0, x1) + 40 + Math.abs(y0 - y1) / 8;
        return new int[] {x0, y0, bulge, y0, bulge, y1, x1, y1};
    }

    // ------------------------------------------------------------ PNG

    byte[] png(Chart c) {
        BufferedImage img = new BufferedImage(c.width(), c.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, c.width(), c.height());
            Font base = font();
            g.setColor(Color.BLACK);
            g.setFont(base.deriveFont(Font.BOLD, 20f));
            centered(g, c.title(), c.width() / 2, MARGIN + 16);
            Color line = new Color(0x33, 0x33, 0x33);
            for (Edge e : c.edges()) {
                Node f = c.node(e.from());
                Node t = c.node(e.to());
                g.setColor(line);
                if (e.back()) {
                    int[] k = curve(f, t);
                    g.setStroke(new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {5f, 3f}, 0f));
                    g.draw(new CubicCurve2D.Float(k[0], k[1], k[2], k[3], k[4], k[5], k[6], k[7]));
                    g.setStroke(new BasicStroke(1.3f));
                    arrow(g, k[4], k[5], k[6], k[7]);
                } else {
                    g.setStroke(new BasicStroke(1.3f));
                    g.draw(new Line2D.Float(f.cx(), f.bottom(), t.cx(), t.y()));
                    arrow(g, f.cx(), f.bottom(), t.cx(), t.y());
                    g.setColor(new Color(0x66, 0x66, 0x66));
                    g.setFont(base.deriveFont((float) SMALL));
                    g.drawString(e.label(), (f.cx() + t.cx()) / 2 + 4, (f.bottom() + t.y()) / 2 + 4);
                }
            }
            g.setFont(base.deriveFont((float) FONT));
            for (Node n : c.nodes()) {
                RoundRectangle2D box = new RoundRectangle2D.Float(n.x(), n.y(), n.w(), n.h(),
                        n.terminal() || n.initial() ? 36 : 8, n.terminal() || n.initial() ? 36 : 8);
                g.setColor(n.initial() ? new Color(0xe3f0ff) : n.terminal() ? new Color(0xeaf7ea) : new Color(0xf7f7f7));
                g.fill(box);
                g.setColor(new Color(0x1a4d8f));
                g.setStroke(new BasicStroke(1.5f));
                g.draw(box);
                g.setColor(Color.BLACK);
                centered(g, n.label(), n.cx(), n.y() + n.h() / 2 + FONT / 2 - 1);
            }
            if (!c.timers().isEmpty()) {
                int y = legendTop(c);
                g.setFont(base.deriveFont(Font.BOLD, SMALL + 1f));
                g.drawString(Messages.zh("flow.timers"), MARGIN, y);
                g.setFont(base.deriveFont(SMALL + 1f));
                for (String t : c.timers()) {
                    y += LINE_H;
                    g.drawString(t, MARGIN, y);
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void centered(Graphics2D g, String text, int cx, int baseline) {
        FontMetrics m = g.getFontMetrics();
        g.drawString(text, cx - m.stringWidth(text) / 2, baseline);
    }

    private static void arrow(Graphics2D g, float fx, float fy, float tx, float ty) {
        double angle = Math.atan2(ty - fy, tx - fx);
        Path2D.Float head = new Path2D.Float();
        head.moveTo(tx, ty);
        head.lineTo(tx - 9 * Math.cos(angle - 0.4), ty - 9 * Math.sin(angle - 0.4));
        head.lineTo(tx - 9 * Math.cos(angle + 0.4), ty - 9 * Math.sin(angle + 0.4));
        head.closePath();
        g.fill(head);
    }

    /** The first configured font file that shows Chinese, else the JDK's logical SansSerif. */
    Font font() {
        Font f = font;
        if (f == null) {
            f = load();
            font = f;
        }
        return f;
    }

    private Font load() {
        for (Path p : fontFiles) {
            if (!Files.isReadable(p)) {
                continue;
            }
            try {
                for (Font candidate : Font.createFonts(p.toFile())) {
                    if (candidate.canDisplayUpTo("执法流程图") < 0
                            && (candidate.getFamily(Locale.ROOT).contains(" SC") || !p.toString().endsWith(".ttc"))) {
                        return candidate.deriveFont((float) FONT);
                    }
                }
                Font[] all = Font.createFonts(p.toFile());
                if (all.length > 0 && all[0].canDisplayUpTo("执法流程图") < 0) {
                    return all[0].deriveFont((float) FONT);
                }
            } catch (IOException | java.awt.FontFormatException e) {
                LOG.warn("flowchart font {} unusable: {}", p, e.toString());
            }
        }
        LOG.info("flowcharts: no Chinese font file readable, using the JDK's SansSerif");
        return new Font(Font.SANS_SERIF, Font.PLAIN, FONT);
    }
}
