package io.github.backprop.chart;

import io.github.backprop.gradient.ForwardPass;
import io.github.backprop.gradient.LayerTrace;
import io.github.backprop.gradient.Trace;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.DenseLayer;
import io.github.backprop.nn.Network;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A drawing of a small network: neurons as circles in one column per layer (layer 0 is the input),
 * numbered from 0 in each layer, and connections as lines whose colour shows the weight's sign (blue
 * positive, orange negative) and whose width shows its size.
 *
 * <p>With the values of one sample the labels use the course's notation (layers in brackets,
 * neurons from 0, {@code w[l]_ji} from neuron i of layer l-1 to neuron j of layer l), to 4
 * significant digits:
 * <ul>
 *   <li>{@link #withForwardPass}: each input {@code x_i}; each neuron its {@code b[l]_j},
 *       {@code z[l]_j} and {@code a[l]_j}; each connection its {@code w[l]_ji};</li>
 *   <li>{@link #withTrace}: each input {@code x_i}; each neuron its {@code a[l]_j},
 *       {@code delta[l]_j} and {@code db[l]_j}; each connection its {@code w[l]_ji} and
 *       {@code dW[l]_ji}.</li>
 * </ul>
 * Diagrams with values show at most {@value #MAX_LABELLED_NEURONS} neurons per layer (the hand-worked
 * examples), so that no label covers another: the labels of a layer's neuron 0 sit above it, those
 * of neuron 1 below it, and the labels of crossing connections before the crossing. Immutable;
 * {@link #picture()} draws it.
 */
public final class NetworkDiagram {
    /** The most neurons per layer a diagram shows. */
    public static final int MAX_NEURONS = 12;
    /** The most neurons per layer a diagram with values shows. */
    public static final int MAX_LABELLED_NEURONS = 2;

    private static final MathContext DIGITS = new MathContext(4);

    private final Network network;
    private final ForwardPass forward;
    private final Trace trace;

    private NetworkDiagram(Network network, ForwardPass forward, Trace trace) {
        this.network = network;
        this.forward = forward;
        this.trace = trace;
    }

    /**
     * A diagram of the network's current weights, without values.
     *
     * @param network a network of dense layers with at most {@value #MAX_NEURONS} neurons per layer
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
                        + size + " in one layer (sizes " + Arrays.toString(network.sizes()) + ")");
            }
        }
        return new NetworkDiagram(network, null, null);
    }

    /**
     * The same diagram, labelled with one sample's forward pass: x, and every b, z, a and w.
     *
     * @param forward {@code Backpropagation.forwardPass(network, x)} for one sample x
     * @return a labelled diagram
     * @throws IllegalArgumentException if the forward pass has more than one sample, does not fit
     *     this network, or a layer has more than {@value #MAX_LABELLED_NEURONS} neurons
     */
    public NetworkDiagram withForwardPass(ForwardPass forward) {
        requireLabellable(forward.input(), forward.layers().size(), "forward pass");
        for (int l = 1; l <= network.layerCount(); l++) {
            requireWidth(forward.layer(l).a(), l, "forward pass");
        }
        return new NetworkDiagram(network, forward, null);
    }

    /**
     * The same diagram, labelled with one sample's trace: x, and every a, delta, db, w and dW.
     *
     * @param trace {@code Backpropagation.trace(network, loss, x, y)} for one sample x
     * @return a labelled diagram
     * @throws IllegalArgumentException if the trace has more than one sample (its dW and db would
     *     be means over the batch, not this sample's), does not fit this network, or a layer has
     *     more than {@value #MAX_LABELLED_NEURONS} neurons
     */
    public NetworkDiagram withTrace(Trace trace) {
        requireLabellable(trace.input(), trace.layers().size(), "trace");
        for (int l = 1; l <= network.layerCount(); l++) {
            requireWidth(trace.layer(l).a(), l, "trace");
        }
        return new NetworkDiagram(network, null, trace);
    }

    private void requireLabellable(Matrix input, int layers, String what) {
        if (layers != network.layerCount()) {
            throw new IllegalArgumentException("the " + what + " has " + layers + " layers but the network has "
                    + network.layerCount());
        }
        if (input.rows() != 1) {
            throw new IllegalArgumentException("a diagram shows the values of one sample; this " + what + " has "
                    + input.rows() + " (make it from one row of x, e.g. new double[][] {x[0]})");
        }
        if (input.cols() != network.inputSize()) {
            throw new IllegalArgumentException("the " + what + " has " + input.cols() + " inputs but the network takes "
                    + network.inputSize());
        }
        for (int size : network.sizes()) {
            if (size > MAX_LABELLED_NEURONS) {
                throw new IllegalArgumentException("a diagram with values shows at most " + MAX_LABELLED_NEURONS
                        + " neurons per layer; this network has " + size + " in one layer (sizes "
                        + Arrays.toString(network.sizes()) + "): show the values as a table (Tables.neurons)");
            }
        }
    }

    private void requireWidth(Matrix a, int l, String what) {
        if (a.cols() != network.sizes()[l]) {
            throw new IllegalArgumentException("layer " + l + " of the " + what + " has " + a.cols()
                    + " neurons but the network's has " + network.sizes()[l]);
        }
    }

    /** Draws the diagram. */
    public Picture picture() {
        int[] sizes = network.sizes();
        boolean labels = forward != null || trace != null;
        int columnGap = labels ? 300 : 180;
        int rowGap = labels ? 150 : 70;
        int maxSize = Arrays.stream(sizes).max().orElse(1);
        int width = 80 + columnGap * (sizes.length - 1) + 80;
        int height = 70 + rowGap * maxSize + 20;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Drawings.graphics(image);
        double maxW = 1e-12;
        for (int l = 1; l <= network.layerCount(); l++) {
            for (double w : weights(l).toRowMajorArray()) {
                maxW = Math.max(maxW, Math.abs(w));
            }
        }
        List<Runnable> edgeLabels = new ArrayList<>();
        for (int l = 1; l < sizes.length; l++) {
            // where edges into a layer cross, their labels sit before the crossings, nearer the source
            boolean crossing = sizes[l - 1] > 1 && sizes[l] > 1;
            for (int j = 0; j < sizes[l]; j++) {
                for (int i = 0; i < sizes[l - 1]; i++) {
                    int x1 = x(l - 1, columnGap);
                    int y1 = y(i, sizes[l - 1], maxSize, rowGap);
                    int x2 = x(l, columnGap);
                    int y2 = y(j, sizes[l], maxSize, rowGap);
                    double wji = weights(l).get(j, i);
                    g.setColor(Drawings.blend(Color.WHITE, wji >= 0 ? ChartStyle.POSITIVE : ChartStyle.NEGATIVE,
                            0.35 + 0.65 * Math.abs(wji) / maxW));
                    g.setStroke(new BasicStroke((float) (0.5 + 4.5 * Math.abs(wji) / maxW)));
                    g.drawLine(x1, y1, x2, y2);
                    if (labels) {
                        double f = crossing && y1 != y2 ? 0.35 : 0.5;
                        int lx = (int) Math.round(x1 + (x2 - x1) * f);
                        int ly = (int) Math.round(y1 + (y2 - y1) * f);
                        List<String> text = edgeLabel(l, j, i);
                        // drawn after every line, so that no later line runs over a label
                        edgeLabels.add(() -> block(g, text, lx, ly));
                    }
                }
            }
        }
        edgeLabels.forEach(Runnable::run);
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
                String name = String.valueOf(j);
                g.drawString(name, cx - g.getFontMetrics().stringWidth(name) / 2, cy + 5);
                if (labels) {
                    List<String> text = neuronLabel(l, j);
                    int half = text.size() * g.getFontMetrics().getHeight() / 2;
                    // neuron 0 of a pair has its labels above it, out of the way of the connections between the pair
                    boolean above = sizes[l] == 2 && j == 0;
                    block(g, text, cx, above ? cy - 20 - half : cy + 20 + half);
                }
            }
            g.setColor(Color.GRAY);
            String title = l == 0 ? "layer 0 (input x)" : l == sizes.length - 1 ? "layer " + l + " (output)" : "layer " + l;
            g.drawString(title, x(l, columnGap) - g.getFontMetrics().stringWidth(title) / 2, 24);
        }
        g.dispose();
        return new Picture("network " + network, image);
    }

    /** The label of the connection from neuron i of layer l-1 to neuron j of layer l (empty without values). */
    List<String> edgeLabel(int l, int j, int i) {
        if (forward == null && trace == null) {
            return List.of();
        }
        String index = "[" + l + "]_" + j + i;
        String w = "w" + index + " = " + format(weights(l).get(j, i));
        if (trace == null) {
            return List.of(w);
        }
        return List.of(w, "dW" + index + " = " + format(trace.layer(l).dW().get(j, i)));
    }

    /** The label of neuron j of layer l (layer 0: the input), one line per value (empty without values). */
    List<String> neuronLabel(int l, int j) {
        if (forward == null && trace == null) {
            return List.of();
        }
        if (l == 0) {
            Matrix x = forward != null ? forward.input() : trace.input();
            return List.of("x_" + j + " = " + format(x.get(0, j)));
        }
        String index = "[" + l + "]_" + j;
        if (forward != null) {
            ForwardPass.LayerValues v = forward.layer(l);
            return List.of("b" + index + " = " + format(network.denseLayer(l).biases().value(0, j)),
                    "z" + index + " = " + format(v.z().get(0, j)),
                    "a" + index + " = " + format(v.a().get(0, j)));
        }
        LayerTrace t = trace.layer(l);
        return List.of("a" + index + " = " + format(t.a().get(0, j)),
                "delta" + index + " = " + format(t.delta().get(0, j)),
                "db" + index + " = " + format(t.db().get(0, j)));
    }

    /** The weights to draw: those of the trace if there is one (its values), else the network's. */
    private Matrix weights(int l) {
        return trace != null ? trace.layer(l).weights() : network.denseLayer(l).weights().values();
    }

    /**
     * A value to 4 significant digits: 0.5933, 0.01500, 0.0006684; a value with fewer digits as it
     * is written: 0.05, 0.4.
     */
    static String format(double v) {
        BigDecimal shortest = BigDecimal.valueOf(v);
        BigDecimal rounded = new BigDecimal(v).round(DIGITS);
        return (rounded.compareTo(shortest) == 0 ? shortest.stripTrailingZeros() : rounded).toPlainString();
    }

    /** Lines of text centred at (x, y) on a white box, readable over the lines. */
    private static void block(Graphics2D g, List<String> lines, int x, int y) {
        FontMetrics fm = g.getFontMetrics();
        int w = 0;
        for (String line : lines) {
            w = Math.max(w, fm.stringWidth(line));
        }
        int h = fm.getHeight() * lines.size();
        int top = y - h / 2;
        g.setColor(new Color(255, 255, 255, 235));
        g.fillRect(x - w / 2 - 3, top - 1, w + 6, h + 2);
        g.setColor(Color.DARK_GRAY);
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            g.drawString(line, x - fm.stringWidth(line) / 2, top + n * fm.getHeight() + fm.getAscent());
        }
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
