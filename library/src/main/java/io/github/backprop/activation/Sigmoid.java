package io.github.backprop.activation;

/** The logistic sigmoid, sigma(z) = 1 / (1 + e^-z), with sigma'(z) = sigma(z)(1 - sigma(z)). */
public final class Sigmoid implements Activation {
    static final Sigmoid INSTANCE = new Sigmoid();

    private Sigmoid() {
    }

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public double value(double z) {
        // sigma(z) = 1 / (1 + e^-z)
        return 1.0 / (1.0 + Math.exp(-z));
    }

    @Override
    public double derivative(double z, double a) {
        // sigma'(z) = sigma(z) * (1 - sigma(z)) = a * (1 - a)
        return a * (1.0 - a);
    }

    @Override
    public void backward(double[] z, double[] a, double[] dLda, double[] delta, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            double ai = a[i];
            // delta = dL/da * a * (1 - a)
            delta[i] = dLda[i] * ai * (1.0 - ai);
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
