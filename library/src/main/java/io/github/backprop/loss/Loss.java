package io.github.backprop.loss;

import io.github.backprop.activation.Activation;

/**
 * A loss function: how far the network's output a is from the target y, with its gradient dL/da.
 *
 * <p>Convention, the same everywhere in the library and the notebooks: each loss is defined per
 * sample (L_n), and the loss of a batch is the <em>mean</em> over its samples,
 * L = (1/B) sum_n L_n. {@link #gradient} returns the per-sample gradient dL_n/da_n; the 1/B of
 * the mean is applied once, when dW and db are averaged over the batch.
 *
 * <p>Batches are row-major arrays: {@code rows} samples, each with {@code cols} outputs.
 */
public interface Loss {

    /** The name used in tables and histories, e.g. {@code "mse"}. */
    String name();

    /**
     * L_n for one sample.
     *
     * @param a outputs, read from {@code offset}
     * @param y targets, read from {@code offset}
     * @param offset index of the sample's first value in both arrays
     * @param cols outputs per sample
     * @return the sample's loss
     */
    double sampleLoss(double[] a, double[] y, int offset, int cols);

    /**
     * L = (1/B) sum_n L_n, the mean loss of a batch.
     *
     * @param a outputs (rows x cols), read
     * @param y targets (rows x cols), read
     * @param rows samples B
     * @param cols outputs per sample
     * @return the mean loss
     */
    default double value(double[] a, double[] y, int rows, int cols) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            sum += sampleLoss(a, y, r * cols, cols);
        }
        return sum / rows;
    }

    /**
     * dL_n/da for every sample of a batch (not divided by the batch size).
     *
     * @param a outputs (rows x cols), read
     * @param y targets (rows x cols), read
     * @param dLda gradient (rows x cols), overwritten
     * @param rows samples
     * @param cols outputs per sample
     */
    void gradient(double[] a, double[] y, double[] dLda, int rows, int cols);

    /**
     * True if, with this output activation, the output delta simplifies to delta = a - y
     * (softmax with categorical cross-entropy, sigmoid with binary cross-entropy). The library
     * then uses the simple form, which is exact and avoids dividing by a tiny a.
     *
     * @param outputActivation the last layer's activation
     * @return whether delta = a - y holds
     */
    default boolean simplifiesWith(Activation outputActivation) {
        return false;
    }

    /**
     * Checks that this loss can learn from outputs of this activation: binary cross-entropy takes
     * log a and log(1 - a), so it needs outputs between 0 and 1; categorical cross-entropy needs
     * class probabilities that compete (softmax). The trainer asks before training.
     *
     * @param outputActivation the last layer's activation
     * @return null if the pair can learn, otherwise what is wrong and what to use instead
     */
    default String outputProblem(Activation outputActivation) {
        return null;
    }

    /**
     * Checks that a target value is allowed for this loss (cross-entropies need 0 &lt;= y &lt;= 1).
     *
     * @param y the target value
     * @return null if allowed, otherwise what is wrong with it
     */
    default String targetProblem(double y) {
        return null;
    }
}
