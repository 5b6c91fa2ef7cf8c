package io.github.backprop.backprop;

import io.github.backprop.activation.Activation;
import io.github.backprop.math.Matrix;

/**
 * Everything backpropagation computed for one layer, one row per sample (for z, a, f'(z), delta)
 * and averaged over the samples (for dW, db).
 *
 * @param layer the layer number l, from 1
 * @param activation the layer's f
 * @param z weighted inputs z = W a_prev + b
 * @param a activations a = f(z)
 * @param fPrime f'(z), entry by entry; null for softmax, whose derivative is a matrix per sample
 * @param delta dL/dz
 * @param weights W at the time of the trace
 * @param biases b at the time of the trace (one row)
 * @param dW dL/dW = delta a_prevᵀ, averaged over the samples
 * @param db dL/db = delta, averaged over the samples (one row)
 */
public record LayerTrace(int layer, Activation activation, Matrix z, Matrix a, Matrix fPrime, Matrix delta,
                         Matrix weights, Matrix biases, Matrix dW, Matrix db) {
}
