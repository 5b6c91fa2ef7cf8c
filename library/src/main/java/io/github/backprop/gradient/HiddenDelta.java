package io.github.backprop.gradient;

import io.github.backprop.activation.Activation;
import io.github.backprop.math.MatrixKernels;
import io.github.backprop.nn.Layer;

/**
 * A hidden layer's error, backpropagated from the layer after it:
 * delta_j = f'(z_j) * sum_k w_kj * delta_k, where k runs over the next layer's neurons and w_kj
 * is the weight from neuron j (this layer) to neuron k (next layer).
 *
 * <p>For a batch (samples as rows) the sums for all j at once are one product: delta_next · W_next.
 *
 * <p>The same two steps hold for every layer type: the next layer supplies the sum
 * ({@link Layer#backpropagate}; for a convolution each input collects the deltas of the outputs
 * its kernel touched, for max pooling only the window's winner gets its delta), and this layer
 * turns it into its delta ({@link Layer#delta}; f'(z) times the sum, plus the later time steps
 * for a recurrent layer).
 */
public final class HiddenDelta {
    private HiddenDelta() {
    }

    /**
     * Computes delta for a hidden layer of any type from the layer after it.
     *
     * @param next the next layer l+1, which supplies the sum
     * @param nextDelta delta of the next layer (rows x its zShape size), read
     * @param layer this layer l
     * @param z this layer's z (rows x its zShape size), read
     * @param a this layer's a (rows x outputSize), read (it is the next layer's a_prev)
     * @param sum scratch space for the sums (rows x outputSize), overwritten
     * @param delta this layer's delta (rows x its zShape size), overwritten
     * @param rows samples
     */
    public static void compute(Layer next, double[] nextDelta, Layer layer, double[] z, double[] a, double[] sum,
                               double[] delta, int rows) {
        // sum_j = sum_k w_kj * delta_k   (from the next layer: delta_next · W_next for a dense one)
        next.backpropagate(nextDelta, a, 0, rows, sum);
        // delta_j = f'(z_j) * sum_k w_kj * delta_k
        layer.delta(z, a, sum, delta, rows);
    }

    /**
     * Computes delta for a hidden layer followed by a dense layer, from W_next directly.
     *
     * @param nextWeights W of the next layer (nextSize x size), read
     * @param nextDelta delta of the next layer (rows x nextSize), read
     * @param nextSize neurons in the next layer
     * @param f this layer's activation
     * @param z this layer's z (rows x size), read
     * @param a this layer's a (rows x size), read
     * @param sum scratch space for the weighted sums (rows x size), overwritten
     * @param delta this layer's delta (rows x size), overwritten
     * @param rows samples
     * @param size neurons in this layer
     */
    public static void compute(double[] nextWeights, double[] nextDelta, int nextSize, Activation f,
                               double[] z, double[] a, double[] sum, double[] delta, int rows, int size) {
        // sum_j = sum_k w_kj * delta_k   (all samples at once: delta_next · W_next)
        MatrixKernels.multiply(nextDelta, rows, nextSize, nextWeights, size, sum);
        // delta_j = f'(z_j) * sum_k w_kj * delta_k
        f.backward(z, a, sum, delta, rows, size);
    }
}
