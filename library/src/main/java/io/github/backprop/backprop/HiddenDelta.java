package io.github.backprop.backprop;

import io.github.backprop.activation.Activation;
import io.github.backprop.math.MatrixKernels;

/**
 * A hidden layer's error, backpropagated from the layer after it:
 * delta_j = f'(z_j) * sum_k w_kj * delta_k, where k runs over the next layer's neurons and w_kj
 * is the weight from neuron j (this layer) to neuron k (next layer).
 *
 * <p>For a batch (samples as rows) the sums for all j at once are one product: delta_next · W_next.
 */
public final class HiddenDelta {
    private HiddenDelta() {
    }

    /**
     * Computes delta for a hidden layer.
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
