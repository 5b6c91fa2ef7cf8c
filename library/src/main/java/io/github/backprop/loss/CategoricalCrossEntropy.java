package io.github.backprop.loss;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;

/**
 * Categorical cross-entropy for class probabilities (a softmax output) and one-hot targets:
 * L_n = -sum_k y_k log a_k, averaged over the batch. With softmax the output delta simplifies to
 * delta = a - y.
 */
public final class CategoricalCrossEntropy implements Loss {
    static final CategoricalCrossEntropy INSTANCE = new CategoricalCrossEntropy();

    private CategoricalCrossEntropy() {
    }

    @Override
    public String name() {
        return "cross_entropy";
    }

    @Override
    public double sampleLoss(double[] a, double[] y, int offset, int cols) {
        double sum = 0;
        for (int k = 0; k < cols; k++) {
            double yk = y[offset + k];
            // L_n = -sum_k y_k log a_k; classes with y_k = 0 add nothing
            if (yk != 0) {
                sum -= yk * Math.log(a[offset + k]);
            }
        }
        return sum;
    }

    @Override
    public void gradient(double[] a, double[] y, double[] dLda, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            // dL/da_k = -y_k / a_k
            dLda[i] = y[i] == 0 ? 0.0 : -y[i] / a[i];
        }
    }

    @Override
    public boolean simplifiesWith(Activation outputActivation) {
        return outputActivation == Activations.softmax();
    }

    /**
     * Refuses outputs that are not competing class probabilities: identity, ReLU, leaky ReLU and tanh
     * (which can be 0 or negative, where log a is -infinity or NaN) and sigmoid (whose outputs do not
     * compete: only the target class's output is pushed, towards 1, and every output ends near 1).
     */
    @Override
    public String outputProblem(Activation f) {
        if (f == Activations.sigmoid()) {
            return "categorical cross-entropy cannot learn from a sigmoid output layer: sigmoid outputs do not"
                    + " compete, so only each target class's output is pushed up, and every output ends near 1;"
                    + " use Activations.softmax() on the output layer (or Losses.binaryCrossEntropy() for"
                    + " independent yes/no outputs)";
        }
        return OutputRanges.outsideZeroToOne(f, "categorical cross-entropy",
                "it takes log a of class probabilities, which need outputs between 0 and 1 that sum to 1",
                "Activations.softmax()");
    }

    @Override
    public String targetProblem(double y) {
        return y >= 0 && y <= 1 ? null : "cross-entropy needs targets in [0, 1] (one-hot), got " + y;
    }

    @Override
    public String toString() {
        return name();
    }
}
