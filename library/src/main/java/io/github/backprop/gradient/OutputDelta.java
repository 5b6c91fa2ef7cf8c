package io.github.backprop.gradient;

import io.github.backprop.loss.Loss;
import io.github.backprop.nn.Layer;
import io.github.backprop.nn.RecurrentLayer;

/**
 * The output layer's error: delta[out] = dL/da * f'(z[out]) (BP1), the gradient of the loss with
 * respect to the output layer's weighted input z[out]. Step 2 of {@link Backpropagation#backward}.
 */
final class OutputDelta {
    private OutputDelta() {
    }

    /**
     * Computes the output layer's delta: dL/da from the loss, then through f (the layer's
     * {@link Layer#delta}); or delta = a - y where the loss and f simplify (softmax with
     * cross-entropy, sigmoid with binary cross-entropy), except for a recurrent layer, whose delta
     * also collects the later time steps.
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
    static void compute(Loss loss, Layer output, double[] z, double[] a, double[] y, double[] dLda, double[] delta,
                        int rows) {
        int cols = output.outputSize();
        if (loss.simplifiesWith(output.activation()) && !(output instanceof RecurrentLayer)) {
            for (int i = 0; i < rows * cols; i++) {
                // delta[out] = a - y   (dL/da * f'(z) when the loss and f simplify)
                delta[i] = a[i] - y[i];
            }
            return;
        }
        // dL/da, from the loss
        loss.gradient(a, y, dLda, rows, cols);
        // delta[out] = dL/da * f'(z[out])   (Layer.delta: entry by entry through f; through time for a recurrent layer)
        output.delta(z, a, dLda, delta, rows);
    }
}
