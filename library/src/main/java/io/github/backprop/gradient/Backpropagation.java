package io.github.backprop.gradient;

import io.github.backprop.activation.Activation;
import io.github.backprop.loss.Loss;
import io.github.backprop.math.Matrix;
import io.github.backprop.nn.Inputs;
import io.github.backprop.nn.Layer;
import io.github.backprop.nn.Network;
import io.github.backprop.nn.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * Backpropagation for one network: the forward pass that keeps every z and a, the backward pass
 * that keeps every delta, and the parameter gradients dW and db.
 *
 * <p>The steps, for layers l = 1, 2, ..., out (layer 0 is the input, a[0] = x):
 * <ol>
 *   <li>forward: z[l] = W[l] a[l-1] + b[l], a[l] = f(z[l]) ({@link io.github.backprop.nn.DenseLayer#forward});</li>
 *   <li>output delta (BP1): delta[out] = dL/da[out] * f'(z[out]) ({@code OutputDelta});</li>
 *   <li>hidden deltas (BP2), from the layer before the output down to layer 1:
 *       delta[l]_j = f'(z[l]_j) * sum_k w[l+1]_kj * delta[l+1]_k ({@code HiddenDelta});</li>
 *   <li>gradients (BP4, BP3): dW[l] = delta[l] a[l-1]ᵀ and db[l] = delta[l], averaged over the batch
 *       ({@link io.github.backprop.nn.DenseLayer#gradients}).</li>
 * </ol>
 * Convolution, max pooling, flatten and recurrent layers take the same steps; each {@link Layer}
 * supplies its own forward pass, its sum for the layer below, its delta rule and its parameter
 * gradients (see the layer classes for their equations).
 *
 * <p>An instance is a reusable workspace sized for batches of up to {@code maxRows} samples, so the
 * training loop allocates nothing per step. For a one-off look at every value, use the static
 * {@link #trace(Network, Loss, double[][], double[][])} instead.
 *
 * <p>Threads: a workspace holds the z, a and delta of its last batch, so it is used by one thread at
 * a time; give each thread a workspace of its own. Several workspaces may run {@link #forward} for
 * one network at once (it only reads the weights), but {@link #backward} writes the gradients stored
 * in the network's parameters, so only one workspace of a network runs it at a time. The static
 * methods make workspaces of their own and may be called from any thread.
 */
public final class Backpropagation {
    private final Network network;
    private final int maxRows;
    private final double[][] z;
    private final double[][] a;
    private final double[][] delta;
    private final double[] scratch;
    private double[] input;
    private int inputOffset;
    private int rows;

    /**
     * A workspace for batches of up to {@code maxRows} samples.
     *
     * @param network the network whose parameters are read (forward) and whose gradients are written (backward)
     * @param maxRows the largest batch, positive
     */
    public Backpropagation(Network network, int maxRows) {
        if (maxRows <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + maxRows);
        }
        this.network = network;
        this.maxRows = maxRows;
        int layers = network.layerCount();
        z = new double[layers][];
        a = new double[layers][];
        delta = new double[layers][];
        int widest = 0;
        for (int l = 0; l < layers; l++) {
            Layer layer = network.layers().get(l);
            int size = layer.outputSize();
            z[l] = new double[maxRows * layer.zShape().size()];
            a[l] = new double[maxRows * size];
            delta[l] = new double[maxRows * layer.zShape().size()];
            widest = Math.max(widest, size);
        }
        scratch = new double[maxRows * widest];
    }

    /** The network this workspace computes for. */
    public Network network() {
        return network;
    }

    /** The largest batch this workspace takes. */
    public int maxRows() {
        return maxRows;
    }

    /**
     * Forward pass for a batch: computes and keeps z[l] and a[l] for every layer. The input array is
     * read again by {@link #backward} (for dW[1]), so it must not change in between.
     *
     * @param x samples (rows x inputSize, row-major), read from {@code offset}
     * @param offset index of the first sample's first value
     * @param rows samples in the batch, from 1 to {@link #maxRows()}
     */
    public void forward(double[] x, int offset, int rows) {
        if (rows <= 0 || rows > maxRows) {
            throw new IllegalArgumentException("batch of " + rows + " samples does not fit this workspace (1 to "
                    + maxRows + ")");
        }
        this.input = x;
        this.inputOffset = offset;
        this.rows = rows;
        double[] aPrev = x;
        int aPrevOffset = offset;
        for (int l = 0; l < z.length; l++) {
            // layer l's z and a (Layer.forward: z = W a_prev + b and a = f(z) for a dense layer)
            network.layers().get(l).forward(aPrev, aPrevOffset, rows, z[l], a[l]);
            aPrev = a[l];
            aPrevOffset = 0;
        }
    }

    /**
     * The mean loss of the batch last passed {@link #forward}.
     *
     * @param y targets (rows x outputSize, row-major), read
     * @param loss the loss L
     * @return L = (1/B) sum_n L_n
     */
    public double loss(double[] y, Loss loss) {
        requireForward();
        return loss.value(a[a.length - 1], y, rows, network.outputSize());
    }

    /**
     * Backward pass for the batch last passed to {@link #forward}: computes every delta and writes
     * dW and db into each parameter's gradient ({@link Parameter#gradientArray()}).
     *
     * @param y targets (rows x outputSize, row-major), read
     * @param loss the loss L
     */
    public void backward(double[] y, Loss loss) {
        requireForward();
        int last = z.length - 1;
        List<Layer> layers = network.layers();
        Layer output = layers.get(last);
        // the output delta (OutputDelta)
        OutputDelta.compute(loss, output, z[last], a[last], y, scratch, delta[last], rows);
        for (int l = last - 1; l >= 0; l--) {
            Layer hidden = layers.get(l);
            Layer next = layers.get(l + 1);
            // the hidden deltas, from the top down (HiddenDelta)
            HiddenDelta.compute(next, delta[l + 1], hidden, z[l], a[l], scratch, delta[l], rows);
        }
        for (int l = 0; l <= last; l++) {
            Layer layer = layers.get(l);
            double[] aPrev = l == 0 ? input : a[l - 1];
            int aPrevOffset = l == 0 ? inputOffset : 0;
            // every layer's dW and db, averaged over the batch (Layer.gradients)
            layer.gradients(aPrev, aPrevOffset, z[l], delta[l], rows);
        }
    }

    /**
     * The output activations a[out] of the last forward pass (live workspace array: read only,
     * valid until the next forward pass; the first {@code rows * outputSize} values are used).
     */
    public double[] output() {
        requireForward();
        return a[a.length - 1];
    }

    private void requireForward() {
        if (input == null) {
            throw new IllegalStateException("call forward(...) before asking for the loss or the backward pass");
        }
    }

    /**
     * The forward pass for samples {@code x}, with every z and a kept. Does not change the network.
     *
     * @param network the network
     * @param x samples, one per row; not modified
     * @return every layer's z and a
     */
    public static ForwardPass forwardPass(Network network, double[][] x) {
        Inputs.checkFeatures(x, network.inputShape(), "x");
        Backpropagation bp = new Backpropagation(network, x.length);
        double[] flat = Matrix.of(x).toRowMajorArray();
        bp.forward(flat, 0, x.length);
        return bp.snapshotForward(flat);
    }

    /**
     * Forward and backward pass for samples {@code x} with targets {@code y}: every z, a, f'(z),
     * delta, dW and db, as immutable values. Does not change the network's weights or its stored
     * gradients.
     *
     * @param network the network
     * @param loss the loss L
     * @param x samples, one per row; not modified
     * @param y targets, one row per sample; not modified
     * @return the complete trace
     * @throws IllegalArgumentException for empty data, mismatched shapes, non-finite values or targets
     *     the loss cannot take (as {@code Trainer.fit} refuses them), naming the row and column
     */
    public static Trace trace(Network network, Loss loss, double[][] x, double[][] y) {
        Inputs.checkFeatures(x, network.inputShape(), "x");
        Inputs.checkFeatures(y, network.outputSize(), "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("shape mismatch: " + x.length + " samples in x but " + y.length + " in y");
        }
        for (int r = 0; r < y.length; r++) {
            for (int c = 0; c < y[r].length; c++) {
                String problem = loss.targetProblem(y[r][c]);
                if (problem != null) {
                    throw new IllegalArgumentException("y target at row " + r + ", column " + c + ": " + problem);
                }
            }
        }
        List<Parameter> params = network.parameters();
        List<double[]> savedGradients = new ArrayList<>();
        for (Parameter p : params) {
            savedGradients.add(p.gradientArray().clone());
        }
        try {
            Backpropagation bp = new Backpropagation(network, x.length);
            double[] flatX = Matrix.of(x).toRowMajorArray();
            double[] flatY = Matrix.of(y).toRowMajorArray();
            bp.forward(flatX, 0, x.length);
            double lossValue = bp.loss(flatY, loss);
            bp.backward(flatY, loss);
            ForwardPass forward = bp.snapshotForward(flatX);
            List<LayerTrace> layers = new ArrayList<>();
            for (int l = 0; l < network.layerCount(); l++) {
                Layer layer = network.layers().get(l);
                int zSize = layer.zShape().size();
                // a = f(z) entry by entry, except for a recurrent layer passing on only h_T
                boolean aMatchesZ = layer.zShape().equals(layer.outputShape());
                Matrix fPrime = null;
                Activation f = layer.activation();
                if (f.isElementwise()) {
                    double[] d = new double[x.length * zSize];
                    for (int i = 0; i < d.length; i++) {
                        double zi = bp.z[l][i];
                        d[i] = f.derivative(zi, aMatchesZ ? bp.a[l][i] : f.value(zi));
                    }
                    fPrime = Matrix.copyOf(x.length, zSize, d, 0);
                }
                List<ParameterTrace> parameters = new ArrayList<>();
                for (Parameter p : layer.parameters()) {
                    parameters.add(new ParameterTrace(p.name(), p.kind(), p.values(), p.gradients()));
                }
                layers.add(new LayerTrace(l + 1, f, forward.layers().get(l).z(), forward.layers().get(l).a(), fPrime,
                        Matrix.copyOf(x.length, zSize, bp.delta[l], 0), layer.toString(), layer.zShape(),
                        layer.outputShape(), parameters));
            }
            return new Trace(forward.input(), Matrix.of(y), loss, lossValue, layers);
        } finally {
            for (int i = 0; i < params.size(); i++) {
                double[] g = params.get(i).gradientArray();
                System.arraycopy(savedGradients.get(i), 0, g, 0, g.length);
            }
        }
    }

    private ForwardPass snapshotForward(double[] flatX) {
        List<ForwardPass.LayerValues> values = new ArrayList<>();
        for (int l = 0; l < z.length; l++) {
            Layer layer = network.layers().get(l);
            values.add(new ForwardPass.LayerValues(l + 1, layer.activation(),
                    Matrix.copyOf(rows, layer.zShape().size(), z[l], 0), Matrix.copyOf(rows, layer.outputSize(), a[l], 0)));
        }
        return new ForwardPass(Matrix.copyOf(rows, network.inputSize(), flatX, 0), values);
    }
}
