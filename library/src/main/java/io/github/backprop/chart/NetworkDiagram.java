package io.github.backprop.chart;

import io.github.backprop.gradient.LayerTrace;
import io.github.backprop.gradient.Trace;
import io.github.backprop.nn.DenseLayer;
import io.github.backprop.nn.Network;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A drawing of a small network: neurons as circles in one column per layer, connections as lines
 * whose colour shows the weight's sign (blue positive, orange negative) and whose width shows its
 * size. With a trace, each neuron is labelled with its a and delta (first sample) and each
 * connection with its w and dW. Immutable; {@link #picture()} draws it.
 */
public final class NetworkDiagram {
    private static final int MAX_NEURONS = 12;

    private final Network network;
    private final Trace trace;

    private NetworkDiagram(Network network, Trace trace) {
        this.network = network;
        this.trace = trace;
    }

    /**
     * A diagram of the network's current weights.
     *
     * @param network a network with at most 12 neurons per layer
     * @return the diagram
     */
    public static NetworkDiagram of(Network network) {
        for (int l = 1; l <= network.layerCount(); l++) {
            if (!(network.layer(l) instanceof DenseLayer)) {
                throw new IllegalArgumentException("a diagram draws dense layers only; layer " + l + " is " + network.layer(l));
            }
        }
        for (int size : network.sizes()) {
            if (size > MAX_NEURONS) {
                throw new IllegalArgumentException("a diagram shows at most " + MAX_NEURONS + " neurons per layer; this network has "
                        + size + " in one layer (sizes " + java.util.Arrays.toString(network.sizes()) + ")");
            }
        }
        return new NetworkDiagram(network, null);
    }

    /**
     * The same diagram, labelled with the values of a trace of this network.
     *
     * @param trace a trace from {@code Backpropagation.trace(network, ...)}
     * @return a labelled diagram
     */
    public NetworkDiagram withTrace(Trace trace) {
        if (trace.layers().size() != network.layerCount()) {
            throw new IllegalArgumentException("the trace has " + trace.layers().size() + " layers but the network has "
                    + network.layerCount());
        }
        return new NetworkDiagram(network, trace);
    }

    /** Draws the diagram. */
    public Picture picture() {
        int[] sizes = network.sizes();
        boolean labels = trace != null;
        int columnGap = labels ? 300 : 180;
        int rowGap = labels ? 110 : 70;
        int maxSize = java.util.Arrays.stream(sizes).max().orElse(1);
        int width = 80 + columnGap * (sizes.length - 1) + 80;
        int height = 70 + rowGap * maxSize + 20;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Drawings.graphics(image);
        double maxW = 1e-12;
        for (int l = 1; l <= network.layerCount(); l++) {
            DenseLayer layer = network.denseLayer(l);
            for (double w : layer.weights().values().toRowMajorArray()) {
                maxW = Math.max(maxW, Math.abs(w));
            }
        }
        for (int l = 1; l < sizes.length; l++) {
            DenseLayer layer = network.denseLayer(l);
            for (int j = 0; j < sizes[l]; j++) {
                for (int i = 0; i < sizes[l - 1]; i++) {
                    double w = layer.weights().value(j, i);
                    int x1 = x(l - 1, columnGap);
                    int y1 = y(i, sizes[l - 1], maxSize, rowGap);
                    int x2 = x(l, columnGap);
                    int y2 = y(j, sizes[l], maxSize, rowGap);
                    g.setColor(Drawings.blend(Color.WHITE, w >= 0 ? ChartStyle.POSITIVE : ChartStyle.NEGATIVE,
                            0.35 + 0.65 * Math.abs(w) / maxW));
                    g.setStroke(new BasicStroke((float) (0.5 + 4.5 * Math.abs(w) / maxW)));
                    g.drawLine(x1, y1, x2, y2);
                    if (labels) {
                        LayerTrace t = trace.layer(l);
                        // edges into different neurons get their labels at different points along the edge
                        double f = sizes[l] == 1 ? 0.5 : 0.3 + 0.4 * j / (sizes[l] - 1);
                        int lx = (int) (x1 + (x2 - x1) * f);
                        int ly = (int) (y1 + (y2 - y1) * f);
                        label(g, String.format(Locale.ROOT, "w=%.3g", w), lx, ly - 2);
                        label(g, String.format(Locale.ROOT, "dW=%.3g", t.dW().get(j, i)), lx, ly + 12);
                    }
                }
            }
        }
        for (int l = 0; l < sizes.length; l++) {
            for (int j = 0; j < sizes[l]; j++) {
                int cx = x(l, columnGap);
                int cy = y(j, sizes[l], maxSize, rowGap);
                Ellipse2D circle = new Ellipse2D.Double(cx - 16, cy - 16, 32, 32);
                g.setColor(l == 0 ? new Color(235, 235, 235) : new Color(250, 250, 250));
                g.fill(circle);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(circle);
                String name = l == 0 ? "x" + j : (l == sizes.length - 1 ? "o" : "h") + j;
                g.drawString(name, cx - g.getFontMetrics().stringWidth(name) / 2, cy + 5);
                if (labels) {
                    String text = l == 0
                            ? String.format(Locale.ROOT, "%.3g", trace.input().get(0, j))
                            : String.format(Locale.ROOT, "a=%.4g", trace.layer(l).a().get(0, j));
                    label(g, text, cx, cy + 30);
                    if (l > 0) {
                        label(g, String.format(Locale.ROOT, "delta=%.4g", trace.layer(l).delta().get(0, j)), cx, cy + 46);
                    }
                }
            }
            g.setColor(Color.GRAY);
            String title = l == 0 ? "input" : l == sizes.length - 1 ? "layer " + l + " (output)" : "layer " + l;
            g.drawString(title, x(l, columnGap) - g.getFontMetrics().stringWidth(title) / 2, 24);
        }
        g.dispose();
        return new Picture("network " + network, image);
    }

    /** Text centred at (x, y) on a white box, readable over the lines. */
    private static void label(Graphics2D g, String text, int x, int y) {
        java.awt.FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(text);
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRect(x - w / 2 - 2, y - fm.getAscent(), w + 4, fm.getHeight());
        g.setColor(Color.DARK_GRAY);
        g.drawString(text, x - w / 2, y);
    }

    private static int x(int layer, int gap) {
        return 80 + layer * gap;
    }

    private static int y(int index, int size, int maxSize, int gap) {
        return 60 + (int) ((maxSize - size) * gap / 2.0) + index * gap + gap / 2 - 10;
    }

    @Override
    public String toString() {
        return "diagram of " + network;
    }
}
