package io.github.backprop.nn;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;
import io.github.backprop.internal.kernel.Kernels;

import java.util.Arrays;
import java.util.List;

/**
 * A simple (Elman) recurrent layer: it reads a sequence x_1 ... x_T one step at a time and keeps
 * a hidden state h that carries what it has seen so far:
 * <pre>
 *   z_t = W_x x_t + W_h h_{t-1} + b,   h_t = tanh(z_t),   h_0 = 0
 * </pre>
 * The same W_x, W_h and b are used at every step. Its output a is h_T, the state after the last
 * step ({@link Output#LAST_STEP}, the default), or h_1 ... h_T ({@link Output#EVERY_STEP}).
 *
 * <p>Backpropagation through time unrolls the loop into T copies of one layer that share their
 * weights, and runs the usual backward pass through the copies, from t = T down to 1:
 * <pre>
 *   delta_t = f'(z_t) * (dL/dh_t from above + W_hᵀ delta_{t+1}),   delta_{T+1} = 0
 *   dL/dx_t = W_xᵀ delta_t                                  (passed to the previous layer)
 *   dW_x = (1/B) sum_n sum_t delta_t x_tᵀ,   dW_h = (1/B) sum_n sum_t delta_t h_{t-1}ᵀ,   db = (1/B) sum_n sum_t delta_t
 * </pre>
 * With {@code LAST_STEP} only h_T is passed on, so dL/dh_t from above is 0 for t &lt; T and every
 * earlier delta arrives through W_h and f' alone, shrinking (or growing) step by step: the
 * vanishing (or exploding) gradient over time.
 *
 * <p>Layouts (one sample; a batch is samples one after the other): a_prev is [step][feature]
 * (T x features); z, f'(z) and delta keep every step, [step][hidden] (T x hidden, see
 * {@link #zShape()}), so delta_t of sample n starts at {@code (n * T + t - 1) * hidden}; a is h_T
 * (hidden values) or [step][hidden]. W_x is {@code hidden x features}, W_h {@code hidden x hidden}
 * (W_h[j][k] connects h_{t-1,k} to z_{t,j}), b is {@code 1 x hidden}.
 */
public final class RecurrentLayer implements Layer {

    /** What the layer passes on. */
    public enum Output {
        /** Only the last hidden state h_T (a vector of hidden values): for one answer per sequence. */
        LAST_STEP,
        /** Every hidden state h_1 ... h_T (a sequence of T x hidden values): for an answer per step, or another recurrent layer. */
        EVERY_STEP
    }

    private final int index;
    private final Shape.Sequence input;
    private final int hiddenSize;
    private final Output output;
    private final Shape outputShape;
    private final Shape.Sequence zShape;
    private final Activation f = Activations.tanh();
    private final Parameter inputWeights;
    private final Parameter recurrentWeights;
    private final Parameter biases;

    RecurrentLayer(int index, Shape.Sequence input, int hiddenSize, Output output) {
        this.index = index;
        this.input = input;
        this.hiddenSize = hiddenSize;
        this.output = output;
        this.zShape = Shape.sequence(input.steps(), hiddenSize);
        this.outputShape = output == Output.LAST_STEP ? Shape.vector(hiddenSize) : zShape;
        this.inputWeights = new Parameter(Parameter.Kind.WEIGHTS, "Wx", index, hiddenSize, input.features());
        this.recurrentWeights = new Parameter(Parameter.Kind.WEIGHTS, "Wh", index, hiddenSize, hiddenSize);
        this.biases = new Parameter(Parameter.Kind.BIASES, index, 1, hiddenSize);
    }

    @Override
    public int index() {
        return index;
    }

    /** The input sequence, steps x features. */
    @Override
    public Shape.Sequence inputShape() {
        return input;
    }

    /** A vector of hidden values (h_T) or a sequence of steps x hidden values (h_1 ... h_T). */
    @Override
    public Shape outputShape() {
        return outputShape;
    }

    /** steps x hidden: z and delta are kept for every time step. */
    @Override
    public Shape.Sequence zShape() {
        return zShape;
    }

    /** tanh. */
    @Override
    public Activation activation() {
        return f;
    }

    /** [Wx, Wh, b]. */
    @Override
    public List<Parameter> parameters() {
        return List.of(inputWeights, recurrentWeights, biases);
    }

    /** W_x ({@code hidden x features}), from the input x_t to z_t, and its gradient. */
    public Parameter inputWeights() {
        return inputWeights;
    }

    /** W_h ({@code hidden x hidden}), from h_{t-1} to z_t, and its gradient. */
    public Parameter recurrentWeights() {
        return recurrentWeights;
    }

    /** b ({@code hidden}) and its gradient. */
    public Parameter biases() {
        return biases;
    }

    /** Size of the hidden state h. */
    public int hiddenSize() {
        return hiddenSize;
    }

    /** Time steps T per sequence. */
    public int steps() {
        return input.steps();
    }

    /** Values per time step of the input. */
    public int features() {
        return input.features();
    }

    /** Whether the layer passes on h_T or every h_t. */
    public Output output() {
        return output;
    }

    /** Describes this layer as {@code recurrent(W_x, W_h, b, output)}. */
    @Override
    public void addTo(LayerSink sink) {
        sink.recurrent(inputWeights.values().toArray(), recurrentWeights.values().toArray(), biases.values().row(0),
                output);
    }

    @Override
    public void forward(double[] aPrev, int aPrevOffset, int rows, double[] z, double[] a) {
        double[] wx = inputWeights.valueArray();
        double[] wh = recurrentWeights.valueArray();
        double[] b = biases.valueArray();
        int steps = input.steps();
        int features = input.features();
        for (int n = 0; n < rows; n++) {
            for (int t = 0; t < steps; t++) {
                int x = aPrevOffset + (n * steps + t) * features;
                int zt = (n * steps + t) * hiddenSize;
                // h_{t-1} is read from a: the previous step's slot, or (LAST_STEP) the one slot, still holding h_{t-1}
                int hPrev = hSlot(n, t - 1);
                for (int j = 0; j < hiddenSize; j++) {
                    double s = b[j];
                    for (int i = 0; i < features; i++) {
                        s += wx[j * features + i] * aPrev[x + i];
                    }
                    if (t > 0) {
                        for (int k = 0; k < hiddenSize; k++) {
                            s += wh[j * hiddenSize + k] * a[hPrev + k];
                        }
                    }
                    // z_t = W_x x_t + W_h h_{t-1} + b
                    z[zt + j] = s;
                }
                int h = hSlot(n, t);
                for (int j = 0; j < hiddenSize; j++) {
                    // h_t = tanh(z_t)
                    a[h + j] = f.value(z[zt + j]);
                }
            }
        }
    }

    /**
     * Backpropagation through time: delta_t = f'(z_t) * (upstream_t + W_hᵀ delta_{t+1}), from
     * t = T down to 1, where upstream_t is dL/dh_t from the layer above (0 for t &lt; T with
     * {@link Output#LAST_STEP}).
     */
    @Override
    public void delta(double[] z, double[] a, double[] upstream, double[] delta, int rows) {
        double[] wh = recurrentWeights.valueArray();
        int steps = input.steps();
        for (int n = 0; n < rows; n++) {
            for (int t = steps - 1; t >= 0; t--) {
                int dt = (n * steps + t) * hiddenSize;
                int next = dt + hiddenSize;
                int up = upstreamSlot(n, t);
                for (int j = 0; j < hiddenSize; j++) {
                    double fromAbove = up < 0 ? 0.0 : upstream[up + j];
                    double fromLater = 0;
                    if (t < steps - 1) {
                        for (int k = 0; k < hiddenSize; k++) {
                            // (W_hᵀ delta_{t+1})_j = sum_k W_h[k][j] * delta_{t+1,k}
                            fromLater += wh[k * hiddenSize + j] * delta[next + k];
                        }
                    }
                    double zj = z[dt + j];
                    // delta_t = f'(z_t) * (upstream_t + W_hᵀ delta_{t+1})
                    delta[dt + j] = f.derivative(zj, f.value(zj)) * (fromAbove + fromLater);
                }
            }
        }
    }

    /** dL/dx_t = W_xᵀ delta_t for every step: the previous layer's sum, [step][feature]. */
    @Override
    public void backpropagate(double[] delta, double[] aPrev, int aPrevOffset, int rows, double[] sum) {
        // dL/dx_t = W_xᵀ delta_t   (every sample's every step at once: delta · W_x)
        Kernels.chosen().multiply(delta, rows * input.steps(), hiddenSize, inputWeights.valueArray(), input.features(),
                sum);
    }

    /** dW_x, dW_h and db, summed over the time steps and averaged over the batch. */
    @Override
    public void gradients(double[] aPrev, int aPrevOffset, double[] z, double[] delta, int rows) {
        int steps = input.steps();
        int features = input.features();
        double inv = 1.0 / rows;
        // dW_x = (1/B) sum_n sum_t delta_t x_tᵀ   (every (sample, step) pair is one row; the kernel scales by 1/B)
        Kernels.chosen().multiplyTransposedA(delta, rows * steps, hiddenSize, aPrev, aPrevOffset, features, inv,
                inputWeights.gradientArray());
        double[] db = biases.gradientArray();
        Arrays.fill(db, 0.0);
        for (int r = 0; r < rows * steps; r++) {
            for (int j = 0; j < hiddenSize; j++) {
                // db = (1/B) sum_n sum_t delta_t   (summed here, averaged below)
                db[j] += delta[r * hiddenSize + j];
            }
        }
        scale(db, inv);
        double[] dWh = recurrentWeights.gradientArray();
        Arrays.fill(dWh, 0.0);
        for (int n = 0; n < rows; n++) {
            for (int t = 1; t < steps; t++) {
                int dt = (n * steps + t) * hiddenSize;
                int zPrev = dt - hiddenSize;
                for (int k = 0; k < hiddenSize; k++) {
                    // h_{t-1} = tanh(z_{t-1}), computed again from z
                    double hk = f.value(z[zPrev + k]);
                    for (int j = 0; j < hiddenSize; j++) {
                        // dW_h = (1/B) sum_n sum_t delta_t h_{t-1}ᵀ   (h_0 = 0 adds nothing at t = 1)
                        dWh[j * hiddenSize + k] += delta[dt + j] * hk;
                    }
                }
            }
        }
        scale(dWh, inv);
    }

    /** Multiplies every value by {@code factor}: the 1/B of the batch average. */
    private static void scale(double[] values, double factor) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= factor;
        }
    }

    /** Where h_t (t from 0) of sample n is kept in a: its own slot for EVERY_STEP, the one slot for LAST_STEP. */
    private int hSlot(int n, int t) {
        return output == Output.EVERY_STEP ? (n * input.steps() + t) * hiddenSize : n * hiddenSize;
    }

    /** Where dL/dh_t (t from 0) of sample n is in the upstream gradient, or -1 if nothing arrives from above at t. */
    private int upstreamSlot(int n, int t) {
        if (output == Output.EVERY_STEP) {
            return (n * input.steps() + t) * hiddenSize;
        }
        return t == input.steps() - 1 ? n * hiddenSize : -1;
    }

    /** e.g. {@code recurrent 8 (tanh, last step), sequence 5x1 -> vector 8}. */
    @Override
    public String toString() {
        return "recurrent " + hiddenSize + " (" + f + ", " + (output == Output.LAST_STEP ? "last step" : "every step")
                + "), " + input + " -> " + outputShape;
    }
}
