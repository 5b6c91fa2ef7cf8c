package io.github.backprop.gradient;

import io.github.backprop.math.MatrixKernels;

/**
 * From a layer's delta to the gradients of its parameters: dL/dw_ji = delta_j * a_prev,i and
 * dL/db_j = delta_j. For a batch both are averaged over the samples, because the batch loss is
 * the mean of the samples' losses.
 */
public final class ParameterGradients {
    private ParameterGradients() {
    }

    /**
     * dW = (1/B) sum_n delta_n a_prev,nᵀ, i.e. dW = deltaᵀ · a_prev / B.
     *
     * @param delta the layer's delta (rows x size), read
     * @param aPrev the previous layer's activations (rows x inputs), read from {@code aPrevOffset}
     * @param aPrevOffset index of the first input value
     * @param rows samples B
     * @param size neurons in the layer
     * @param inputs neurons in the previous layer
     * @param dW weight gradient (size x inputs), overwritten
     */
    public static void weights(double[] delta, double[] aPrev, int aPrevOffset, int rows, int size, int inputs,
                               double[] dW) {
        // dL/dw_ji = delta_j * a_prev,i, summed over the batch and averaged: dW = (1/B) sum_n delta_n a_prev,nᵀ
        MatrixKernels.multiplyTransposedA(delta, rows, size, aPrev, aPrevOffset, inputs, 1.0 / rows, dW);
    }

    /**
     * db = (1/B) sum_n delta_n.
     *
     * @param delta the layer's delta (rows x size), read
     * @param rows samples B
     * @param size neurons in the layer
     * @param db bias gradient (size), overwritten
     */
    public static void biases(double[] delta, int rows, int size, double[] db) {
        // dL/db_j = delta_j, summed over the batch ...
        MatrixKernels.sumRows(delta, rows, size, db);
        // ... and averaged: db = (1/B) sum_n delta_n
        MatrixKernels.scale(db, size, 1.0 / rows);
    }
}
