package io.github.backprop.loss;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;

/**
 * Binary cross-entropy for outputs in (0, 1), one independent yes/no per output:
 * L_n = -sum_k [y_k log a_k + (1 - y_k) log(1 - a_k)], averaged over the batch.
 * With a sigmoid output the output delta simplifies to a - y.
 */
public final class BinaryCrossEntropy implements Loss {
    static final BinaryCrossEntropy INSTANCE = new BinaryCrossEntropy();

    private BinaryCrossEntropy() {
    }

    @Override
    public String name() {
        return "binary_cross_entropy";
    }

    @Override
    public double sampleLoss(double[] a, double[] y, int offset, int cols) {
        double sum = 0;
        for (int k = 0; k < cols; k++) {
            double ak = a[offset + k];
            double yk = y[offset + k];
            // L_n = -sum_k [y log a + (1 - y) log(1 - a)]; a term with weight 0 adds nothing
            if (yk != 0) {
                sum -= yk * Math.log(ak);
            }
            if (yk != 1) {
                sum -= (1 - yk) * Math.log(1 - ak);
            }
        }
        return sum;
    }

    @Override
    public void gradient(double[] a, double[] y, double[] dLda, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            // dL/da = (a - y) / (a (1 - a))
            dLda[i] = (a[i] - y[i]) / (a[i] * (1 - a[i]));
        }
    }

    @Override
    public boolean simplifiesWith(Activation outputActivation) {
        return outputActivation == Activations.sigmoid();
    }

    /** Refuses outputs that can leave (0, 1): identity, ReLU, leaky ReLU and tanh. */
    @Override
    public String outputProblem(Activation f) {
        return OutputRanges.outsideZeroToOne(f, "binary cross-entropy",
                "it takes log a and log(1 - a), which need outputs strictly between 0 and 1", "Activations.sigmoid()");
    }

    @Override
    public String targetProblem(double y) {
        return y >= 0 && y <= 1 ? null : "binary cross-entropy needs targets in [0, 1], got " + y;
    }

    @Override
    public String toString() {
        return name();
    }
}
