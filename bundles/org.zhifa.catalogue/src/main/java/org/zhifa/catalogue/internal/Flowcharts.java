package org.zhifa.catalogue.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
import java.util.HashSet;
import java.util.Set;

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
    static final int LANE = 10;

    record Node(String id, String label, int x, int y, int w, int h, boolean initial, boolean terminal) {
        int cx() { return x + w / 2; }
        int bottom() { return y + h; }
    }

    /**
     * A move: {@code points} is its polyline, top to bottom for a move one layer down (drawn with its title), else
     * routed through the gaps between layers and a lane of its own, on the left for a move down several layers,
     * on the right (dashed) for a move back or sideways.
     */
    record Edge(String from, String to, String label, boolean back, boolean adjacent, List<int[]> points,
                int[] labelAt) {}

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
        Set<Transition> back = backEdges(p);
        // longest-path layering over the moves that go forward: a step sits below every step leading to it
        Map<String, Integer> layer = new HashMap<>();
        Map<String, Integer> indegree = new HashMap<>();
        p.steps().forEach(s -> indegree.put(s.id(), 0));
        for (Transition t : p.transitions()) {
            if (!back.contains(t)) {
                indegree.merge(t.to(), 1, Integer::sum);
            }
        }
        Deque<String> ready = new ArrayDeque<>();
        for (Step s : p.steps()) {
            if (indegree.get(s.id()) == 0) {
                ready.add(s.id());
                layer.put(s.id(), 0);
            }
        }
        while (!ready.isEmpty()) {
            String s = ready.poll();
            for (Transition t : p.from(s)) {
                if (back.contains(t)) {
                    continue;
                }
                layer.merge(t.to(), layer.get(s) + 1, Math::max);
                if (indegree.merge(t.to(), -1, Integer::sum) == 0) {
                    ready.add(t.to());
                }
            }
        }
        int layers = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        List<List<Step>> rows = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            rows.add(new ArrayList<>());
        }
        for (Step s : p.steps()) {
            rows.get(layer.getOrDefault(s.id(), 0)).add(s);
        }
        // within a layer, a step goes under the average position of the steps leading to it
        Map<String, Double> position = new HashMap<>();
        for (List<Step> row : rows) {
            Map<String, Double> weight = new HashMap<>();
            for (int i = 0; i < row.size(); i++) {
                String id = row.get(i).id();
                double sum = 0;
                int n = 0;
                for (Transition t : p.transitions()) {
                    if (t.to().equals(id) && !back.contains(t) && position.containsKey(t.from())) {
                        sum += position.get(t.from());
                        n++;
                    }
                }
                weight.put(id, n == 0 ? i : sum / n + i * 1e-3);
            }
            row.sort(java.util.Comparator.comparingDouble(s -> weight.get(s.id())));
            for (int i = 0; i < row.size(); i++) {
                position.put(row.get(i).id(), i - (row.size() - 1) / 2.0);
            }
        }
        int boxW = 0;
        for (Step s : p.steps()) {
            boxW = Math.max(boxW, textWidth(s.titleZh(), FONT) + 24);
        }
        boxW = Math.max(96, Math.min(boxW, 260));
        int widest = rows.stream().mapToInt(List::size).max().orElse(1);
        int bodyW = Math.max(widest * boxW + (widest - 1) * GAP_X, 420);
        int leftLanes = 0;
        int rightLanes = 0;
        for (Transition t : p.transitions()) {
            int span = layer.getOrDefault(t.to(), 0) - layer.getOrDefault(t.from(), 0);
            if (back.contains(t) || span <= 0) {
                rightLanes++;
            } else if (span > 1) {
                leftLanes++;
            }
        }
        int leftW = leftLanes == 0 ? 0 : 16 + leftLanes * LANE;
        int rightW = rightLanes == 0 ? 0 : 16 + rightLanes * LANE;
        int chartW = MARGIN + leftW + bodyW + rightW + MARGIN;
        List<Node> nodes = new ArrayList<>();
        for (int l = 0; l < rows.size(); l++) {
            List<Step> row = rows.get(l);
            int rowW = row.size() * boxW + (row.size() - 1) * GAP_X;
            int x0 = MARGIN + leftW + (bodyW - rowW) / 2;
            int y = MARGIN + TITLE_H + l * (BOX_H + GAP_Y);
            for (int i = 0; i < row.size(); i++) {
                Step s = row.get(i);
                nodes.add(new Node(s.id(), s.titleZh(), x0 + i * (boxW + GAP_X), y, boxW, BOX_H,
                        s.id().equals(p.initialStep()), s.terminal()));
            }
        }
        Map<String, Node> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        List<Edge> edges = new ArrayList<>();
        int left = 0;
        int right = 0;
        Map<String, Integer> siblings = new HashMap<>();
        for (Transition t : p.transitions()) {
            Node f = byId.get(t.from());
            Node to = byId.get(t.to());
            int span = layer.getOrDefault(t.to(), 0) - layer.getOrDefault(t.from(), 0);
            boolean isBack = back.contains(t) || span <= 0;
            if (!isBack && span == 1) {
                // the titles of one step's moves down sit at alternating heights so they do not run together
                int sibling = siblings.merge(t.from(), 1, Integer::sum) - 1;
                double k = sibling % 2 == 0 ? 0.62 : 0.32;
                int[] at = {(int) Math.round(f.cx() + (to.cx() - f.cx()) * k),
                        (int) Math.round(f.bottom() + (to.y() - f.bottom()) * k) + 4};
                edges.add(new Edge(t.from(), t.to(), t.titleZh(), false, true,
                        List.of(new int[] {f.cx(), f.bottom()}, new int[] {to.cx(), to.y()}), at));
                continue;
            }
            int lane = isBack ? right++ : left++;
            int laneX = isBack ? MARGIN + leftW + bodyW + 16 + lane * LANE : MARGIN + leftW - 16 - lane * LANE;
            int shift = isBack ? 12 : -12; // leave and enter off the centre, clear of the straight arrows
            int down = 8 + (lane % 5) * 6;
            edges.add(new Edge(t.from(), t.to(), t.titleZh(), isBack, false, List.of(
                    new int[] {f.cx() + shift, f.bottom()}, new int[] {f.cx() + shift, f.bottom() + down},
                    new int[] {laneX, f.bottom() + down}, new int[] {laneX, to.y() - down},
                    new int[] {to.cx() + shift, to.y() - down}, new int[] {to.cx() + shift, to.y()}), null));
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

    /** The moves that lead back to a step still open in a depth-first walk from the initial step (loops). */
    static Set<Transition> backEdges(Procedure p) {
        Set<Transition> back = new HashSet<>();
        Set<String> done = new HashSet<>();
        Set<String> open = new HashSet<>();
        List<String> roots = new ArrayList<>();
        roots.add(p.initialStep());
        p.steps().forEach(s -> roots.add(s.id()));
        for (String root : roots) {
            if (!done.contains(root)) {
                walk(p, root, open, done, back);
            }
        }
        return back;
    }

    private static void walk(Procedure p, String step, Set<String> open, Set<String> done, Set<Transition> back) {
        open.add(step);
        for (Transition t : p.from(step)) {
            if (open.contains(t.to())) {
                back.add(t);
            } else if (!done.contains(t.to())) {
                walk(p, t.to(), open, done, back);
            }
        }
        open.remove(step);
        done.add(step);
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
            if (!e.adjacent()) {
                b.append("<path d=\"");
                for (int i = 0; i < e.points().size(); i++) {
                    int[] pt = e.points().get(i);
                    b.append(i == 0 ? "M " : " L ").append(pt[0]).append(' ').append(pt[1]);
                }
                b.append('"').append(e.back() ? " stroke-dasharray=\"5 3\"" : "").append(" stroke=\"")
                        .append(e.back() ? "#8a5a00" : "#555").append("\" marker-end=\"url(#arrow)\"/>");
            } else {
                b.append("<line x1=\"").append(f.cx()).append("\" y1=\"").append(f.bottom()).append("\" x2=\"")
                        .append(t.cx()).append("\" y2=\"").append(t.y()).append("\" marker-end=\"url(#arrow)\"/>");
                int[] at = e.labelAt();
                b.append("<text x=\"").append(at[0]).append("\" y=\"").append(at[1]).append("\" font-size=\"")
                        .append(SMALL).append("\" fill=\"#555\" stroke=\"#fff\" stroke-width=\"3\""
                        + " paint-order=\"stroke\" text-anchor=\"middle\">").append(Svg.escape(e.label()))
                        .append("</text>");
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
                if (!e.adjacent()) {
                    g.setColor(e.back() ? new Color(0x8a, 0x5a, 0x00) : new Color(0x55, 0x55, 0x55));
                    g.setStroke(e.back() ? new BasicStroke(1.3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                            new float[] {5f, 3f}, 0f) : new BasicStroke(1.3f));
                    Path2D.Float path = new Path2D.Float();
                    for (int i = 0; i < e.points().size(); i++) {
                        int[] pt = e.points().get(i);
                        if (i == 0) {
                            path.moveTo(pt[0], pt[1]);
                        } else {
                            path.lineTo(pt[0], pt[1]);
                        }
                    }
                    g.draw(path);
                    g.setStroke(new BasicStroke(1.3f));
                    int[] p0 = e.points().get(e.points().size() - 2);
                    int[] p1 = e.points().get(e.points().size() - 1);
                    arrow(g, p0[0], p0[1], p1[0], p1[1]);
                } else {
                    g.setStroke(new BasicStroke(1.3f));
                    g.draw(new Line2D.Float(f.cx(), f.bottom(), t.cx(), t.y()));
                    arrow(g, f.cx(), f.bottom(), t.cx(), t.y());
                    g.setFont(base.deriveFont((float) SMALL));
                    int[] at = e.labelAt();
                    FontMetrics fm = g.getFontMetrics();
                    int w = fm.stringWidth(e.label());
                    g.setColor(Color.WHITE);
                    g.fillRect(at[0] - w / 2 - 1, at[1] - fm.getAscent() + 1, w + 2, fm.getAscent());
                    g.setColor(new Color(0x55, 0x55, 0x55));
                    g.drawString(e.label(), at[0] - w / 2, at[1]);
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
