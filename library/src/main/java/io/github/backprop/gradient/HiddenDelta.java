package io.github.backprop.gradient;

import io.github.backprop.nn.Layer;

/**
 * A hidden layer's error, backpropagated from the layer after it:
 * delta[l]_j = f'(z[l]_j) * sum_k w[l+1]_kj * delta[l+1]_k (BP2), where k runs over the next layer's
 * neurons and w[l+1]_kj is the weight from neuron j (this layer) to neuron k (next layer). Step 3 of
 * {@link Backpropagation#backward}.
 *
 * <p>The two factors come from two layers: the next layer supplies the sum
 * ({@link Layer#backpropagate}: for a dense layer the loop in {@code DenseLayer.backpropagatedSums};
 * for a convolution each input collects the deltas of the outputs its kernel touched, for max
 * pooling only the window's winner gets its delta), and this layer multiplies it by f'(z)
 * ({@link Layer#delta}; plus the later time steps for a recurrent layer).
 */
final class HiddenDelta {
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
    static void compute(Layer next, double[] nextDelta, Layer layer, double[] z, double[] a, double[] sum,
                        double[] delta, int rows) {
        // the sums over the next layer's neurons k (Layer.backpropagate: DenseLayer.backpropagatedSums)
        next.backpropagate(nextDelta, a, 0, rows, sum);
        // delta[l]_j = f'(z[l]_j) * sum_k w[l+1]_kj * delta[l+1]_k   (this layer's Layer.delta: f'(z) times the sum)
        layer.delta(z, a, sum, delta, rows);
    }
}
