package io.github.backprop.gradient;

import io.github.backprop.activation.Activation;
import io.github.backprop.loss.Loss;
import io.github.backprop.nn.Layer;
import io.github.backprop.nn.RecurrentLayer;

/**
 * The output layer's error: delta_L = dL/da * f'(z_L), the gradient of the loss with respect to
 * the output layer's weighted input z_L.
 */
public final class OutputDelta {
    private OutputDelta() {
    }

    /**
     * Computes delta for an output layer of any type: dL/da from the loss, then the layer's own
     * rule ({@link Layer#delta}), or delta = a - y where the loss and f simplify (softmax with
     * cross-entropy, sigmoid with binary cross-entropy; not for a recurrent layer, whose delta
     * also collects the later time steps).
     *
     * @param loss the loss L
     * @param output the output layer
     * @param z the output layer's z (rows x its zShape size), read
     * @param a the output layer's a (rows x outputSize), read
     * @param y targets (rows x outputSize), read
     * @param dLda scratch space for dL/da (rows x outputSize), overwritten
     * @param delta the output delta (rows x its zShape size), overwritten
     * @param rows samples
     */
    public static void compute(Loss loss, Layer output, double[] z, double[] a, double[] y,
                               double[] dLda, double[] delta, int rows) {
        int cols = output.outputSize();
        if (!(output instanceof RecurrentLayer)) {
            compute(loss, output.activation(), z, a, y, dLda, delta, rows, cols);
            return;
        }
        // dL/da, from the loss
        loss.gradient(a, y, dLda, rows, cols);
        // delta_t = f'(z_t) * (dL/dh_t + W_hᵀ delta_{t+1}), through time
        output.delta(z, a, dLda, delta, rows);
    }

    /**
     * Computes delta for the output layer, sample by sample.
     *
     * @param loss the loss L
     * @param f the output activation
     * @param z the output layer's z (rows x cols), read
     * @param a the output layer's a = f(z) (rows x cols), read
     * @param y targets (rows x cols), read
     * @param dLda scratch space for dL/da (rows x cols), overwritten
     * @param delta the output delta (rows x cols), overwritten
     * @param rows samples
     * @param cols output neurons
     */
    public static void compute(Loss loss, Activation f, double[] z, double[] a, double[] y,
                               double[] dLda, double[] delta, int rows, int cols) {
        int n = rows * cols;
        if (loss.simplifiesWith(f)) {
            for (int i = 0; i < n; i++) {
                // delta = a - y   (softmax with cross-entropy, or sigmoid with binary cross-entropy)
                delta[i] = a[i] - y[i];
            }
            return;
        }
        // dL/da, from the loss
        loss.gradient(a, y, dLda, rows, cols);
        // delta = dL/da * f'(z)
        f.backward(z, a, dLda, delta, rows, cols);
    }
}
