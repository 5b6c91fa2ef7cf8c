package io.github.backprop.activation;

/**
 * Softmax over each sample's row: a_i = e^{z_i} / sum_j e^{z_j}. The outputs are positive and sum
 * to 1, so they read as class probabilities.
 *
 * <p>Each a_i depends on every z_j of its row, so the derivative is a matrix per sample:
 * da_i/dz_j = a_i (1[i = j] - a_j). {@link #backward} multiplies by it:
 * delta_i = a_i (dL/da_i - sum_j a_j dL/da_j). Paired with categorical cross-entropy this
 * simplifies to delta = a - y, which the library uses (see {@code OutputDelta}).
 */
public final class Softmax implements Activation {
    static final Softmax INSTANCE = new Softmax();

    private Softmax() {
    }

    @Override
    public String name() {
        return "softmax";
    }

    /** Not defined for a single neuron: softmax needs the whole row. */
    @Override
    public double value(double z) {
        throw new UnsupportedOperationException("softmax needs a whole row of z; use forward(z, a, rows, cols)");
    }

    /** Not defined for a single neuron: the derivative of softmax is a matrix per sample. */
    @Override
    public double derivative(double z, double a) {
        throw new UnsupportedOperationException(
                "the derivative of softmax is a matrix per sample; use backward(z, a, dLda, delta, rows, cols)");
    }

    @Override
    public boolean isElementwise() {
        return false;
    }

    @Override
    public void forward(double[] z, double[] a, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < cols; i++) {
                max = Math.max(max, z[o + i]);
            }
            // subtracting the row's max changes nothing mathematically and keeps e^z finite
            double sum = 0;
            for (int i = 0; i < cols; i++) {
                double e = Math.exp(z[o + i] - max);
                a[o + i] = e;
                sum += e;
            }
            // a_i = e^{z_i} / sum_j e^{z_j}
            double inv = 1.0 / sum;
            for (int i = 0; i < cols; i++) {
                a[o + i] *= inv;
            }
        }
    }

    @Override
    public void backward(double[] z, double[] a, double[] dLda, double[] delta, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double dot = 0;
            for (int j = 0; j < cols; j++) {
                dot += a[o + j] * dLda[o + j];
            }
            for (int i = 0; i < cols; i++) {
                // delta_i = a_i * (dL/da_i - sum_j a_j * dL/da_j)
                delta[o + i] = a[o + i] * (dLda[o + i] - dot);
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
