package io.github.backprop.loss;

/**
 * Mean squared error with the textbook 1/2: L_n = 1/2 * sum_k (a_k - y_k)^2 per sample, averaged
 * over the batch. The 1/2 makes the gradient simply dL/da = a - y.
 */
public final class MeanSquaredError implements Loss {
    static final MeanSquaredError INSTANCE = new MeanSquaredError();

    private MeanSquaredError() {
    }

    @Override
    public String name() {
        return "mse";
    }

    @Override
    public double sampleLoss(double[] a, double[] y, int offset, int cols) {
        double sum = 0;
        for (int k = 0; k < cols; k++) {
            double diff = a[offset + k] - y[offset + k];
            sum += diff * diff;
        }
        // L_n = 1/2 * sum_k (a_k - y_k)^2
        return 0.5 * sum;
    }

    @Override
    public void gradient(double[] a, double[] y, double[] dLda, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            // dL/da = a - y
            dLda[i] = a[i] - y[i];
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
