package io.github.backprop.autograd;

import io.github.backprop.chart.ChartStyle;
import io.github.backprop.chart.Picture;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * A picture of a value's computation graph, drawn with Java2D (no Graphviz): one box per value
 * with its label and operation, its data and its grad; an arrow from each input to the value
 * computed from it (a value used twice has two arrows out: the fork where gradients add).
 *
 * <pre>{@code
 * Value loss = ...;
 * loss.backward();
 * GraphPicture.of(loss)      // shown inline in a notebook after Notebook.setup(...)
 * }</pre>
 *
 * The layout is layered: inputs first, the value drawn last, left to right or, when that would
 * be wider than a notebook, top to bottom. The first operand enters a box at its top (or left).
 * Grads are whatever the last {@code backward()} left (0 before): blue when positive, orange when
 * negative, grey when zero. Graphs of more than {@value #MAX_VALUES} values are refused with a
 * message: draw a sub-expression instead.
 */
public final class GraphPicture {
    /** The most values one picture draws legibly. */
    public static final int MAX_VALUES = 60;
    /** Left-to-right pictures wider than this many pixels are drawn top to bottom instead (if narrower). */
    static final int NOTEBOOK_WIDTH = 860;

    private static final Font LABEL_FONT = ChartStyle.TEXT_FONT.deriveFont(Font.BOLD);
    private static final Color LEAF_HEADER = new Color(232, 232, 232);
    private static final Color OP_HEADER = new Color(222, 235, 247);
    private static final Color EDGE = new Color(110, 110, 110);
    private static final int PAD = 6;
    private static final int MAX_LABEL = 18;
    private static final int TITLE_HEIGHT = 30;

    private GraphPicture() {
    }

    /**
     * Draws the graph of {@code root}: the root and every value it was computed from.
     *
     * @param root the value to draw (usually a loss, after {@code backward()})
     * @return the picture (a PNG in notebooks)
     * @throws IllegalArgumentException if the graph has more than {@value #MAX_VALUES} values
     */
    public static Picture of(Value root) {
        List<Value> order = root.topologicalOrder();
        if (order.size() > MAX_VALUES) {
            throw new IllegalArgumentException("the graph of " + name(root) + " has " + order.size()
                    + " values; a picture shows at most " + MAX_VALUES + " legibly. Draw a sub-expression instead,"
                    + " e.g. GraphPicture.of(pass.z(1, 0)) for one neuron's z, or a smaller network;"
                    + " every value's data and grad can still be read (root.topologicalOrder()).");
        }
        String title = "graph of " + name(root) + ": " + order.size() + (order.size() == 1 ? " value" : " values");
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D measure = scratch.createGraphics();
        int textWidth = 0;
        for (Value v : order) {
            textWidth = Math.max(textWidth, measure.getFontMetrics(LABEL_FONT).stringWidth(shortLabel(v))
                    + measure.getFontMetrics(ChartStyle.TEXT_FONT).stringWidth("  " + v.op()));
            textWidth = Math.max(textWidth, measure.getFontMetrics(ChartStyle.TEXT_FONT).stringWidth(line("data", v.data())));
            textWidth = Math.max(textWidth, measure.getFontMetrics(ChartStyle.TEXT_FONT).stringWidth(line("grad", v.grad())));
        }
        int lineHeight = measure.getFontMetrics(ChartStyle.TEXT_FONT).getHeight();
        int titleWidth = measure.getFontMetrics(ChartStyle.TITLE_FONT).stringWidth(title);
        measure.dispose();
        int boxWidth = Math.max(96, textWidth + 2 * PAD);
        int boxHeight = 3 * lineHeight + PAD + 2;

        GraphLayout layout = new GraphLayout(order, boxWidth, boxHeight, TITLE_HEIGHT, GraphLayout.Direction.LEFT_TO_RIGHT);
        if (layout.width > NOTEBOOK_WIDTH) {
            GraphLayout down = new GraphLayout(order, boxWidth, boxHeight, TITLE_HEIGHT, GraphLayout.Direction.TOP_TO_BOTTOM);
            if (down.width < layout.width) {
                layout = down;
            }
        }
        int width = Math.max(layout.width, titleWidth + 2 * GraphLayout.MARGIN);
        BufferedImage image = new BufferedImage(width, layout.height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, layout.height);
        g.setColor(Color.BLACK);
        g.setFont(ChartStyle.TITLE_FONT);
        g.drawString(title, GraphLayout.MARGIN, 22);
        for (GraphLayout.Edge e : layout.edges) {
            drawEdge(g, layout, e);
        }
        for (GraphLayout.Node n : layout.boxes) {
            drawBox(g, layout, n, n.value == root, lineHeight);
        }
        g.dispose();
        return Picture.of(title, image);
    }

    /** A smooth path from the input's box through the bend points to the port, with an arrowhead. */
    private static void drawEdge(Graphics2D g, GraphLayout layout, GraphLayout.Edge e) {
        boolean across = layout.direction == GraphLayout.Direction.LEFT_TO_RIGHT;
        double halfW = layout.boxWidth / 2.0;
        double halfH = layout.boxHeight / 2.0;
        List<GraphLayout.Node> path = e.path();
        double[] xs = new double[path.size()];
        double[] ys = new double[path.size()];
        for (int k = 0; k < path.size(); k++) {
            xs[k] = path.get(k).x;
            ys[k] = path.get(k).y;
        }
        int last = path.size() - 1;
        if (across) {
            xs[last] -= halfW;
            ys[last] += e.portOffset() * layout.boxHeight;
        } else {
            ys[last] -= halfH;
            xs[last] += e.portOffset() * layout.boxWidth;
        }
        // out of the input's box on its far side; straight through each column a bend point sits in
        // (as wide as a box, so the curves stay in the gaps between columns); into the port
        Path2D curve = new Path2D.Double();
        if (across) {
            curve.moveTo(xs[0] + halfW, ys[0]);
        } else {
            curve.moveTo(xs[0], ys[0] + halfH);
        }
        for (int k = 1; k <= last; k++) {
            boolean bend = k < last;
            double x = across && bend ? xs[k] - halfW : xs[k];
            double y = !across && bend ? ys[k] - halfH : ys[k];
            java.awt.geom.Point2D from = curve.getCurrentPoint();
            if (across) {
                double mid = (from.getX() + x) / 2;
                curve.curveTo(mid, from.getY(), mid, y, x, y);
            } else {
                double mid = (from.getY() + y) / 2;
                curve.curveTo(from.getX(), mid, x, mid, x, y);
            }
            if (bend) {
                curve.lineTo(across ? xs[k] + halfW : xs[k], across ? ys[k] : ys[k] + halfH);
            }
        }
        g.setColor(EDGE);
        g.setStroke(new BasicStroke(1.3f));
        g.draw(curve);
        double tipX = xs[last];
        double tipY = ys[last];
        Path2D head = new Path2D.Double();
        head.moveTo(tipX, tipY);
        if (across) {
            head.lineTo(tipX - 8, tipY - 4);
            head.lineTo(tipX - 8, tipY + 4);
        } else {
            head.lineTo(tipX - 4, tipY - 8);
            head.lineTo(tipX + 4, tipY - 8);
        }
        head.closePath();
        g.fill(head);
    }

    /** A box: label and operation on a tinted header, then data and grad. */
    private static void drawBox(Graphics2D g, GraphLayout layout, GraphLayout.Node n, boolean root, int lineHeight) {
        Value v = n.value;
        double left = n.x - layout.boxWidth / 2.0;
        double top = n.y - layout.boxHeight / 2.0;
        RoundRectangle2D box = new RoundRectangle2D.Double(left, top, layout.boxWidth, layout.boxHeight, 8, 8);
        g.setColor(Color.WHITE);
        g.fill(box);
        g.setColor(v.isLeaf() ? LEAF_HEADER : OP_HEADER);
        g.fill(new RoundRectangle2D.Double(left, top, layout.boxWidth, lineHeight + 4, 8, 8));
        g.fillRect((int) left, (int) (top + lineHeight), layout.boxWidth, 4);
        g.setColor(root ? ChartStyle.POSITIVE : Color.DARK_GRAY);
        g.setStroke(new BasicStroke(root ? 2.2f : 1.1f));
        g.draw(box);

        int x = (int) left + PAD;
        int baseline = (int) top + lineHeight - 2;
        g.setColor(Color.BLACK);
        g.setFont(LABEL_FONT);
        g.drawString(shortLabel(v), x, baseline);
        g.setFont(ChartStyle.TEXT_FONT);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.DARK_GRAY);
        g.drawString(v.op(), (int) (left + layout.boxWidth) - PAD - fm.stringWidth(v.op()), baseline);
        g.setColor(Color.BLACK);
        g.drawString(line("data", v.data()), x, baseline + lineHeight + 3);
        g.setColor(v.grad() > 0 ? ChartStyle.POSITIVE : v.grad() < 0 ? ChartStyle.NEGATIVE : Color.GRAY);
        g.drawString(line("grad", v.grad()), x, baseline + 2 * lineHeight + 3);
    }

    private static String shortLabel(Value v) {
        String label = v.label();
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1) + "\u2026";
    }

    private static String name(Value root) {
        return root.label().isEmpty() ? (root.isLeaf() ? "a value" : "a value made by " + root.op()) : root.label();
    }

    /** E.g. {@code data 0.3775}, {@code grad 1}: four significant digits without trailing zeros. */
    static String line(String what, double x) {
        String s = String.format(Locale.ROOT, "%.4g", x);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return what + " " + mantissa + exponent;
    }
}
