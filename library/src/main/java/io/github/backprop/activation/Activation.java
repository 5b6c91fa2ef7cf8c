package io.github.backprop.activation;

import io.github.backprop.internal.kernel.Kernels;

/**
 * An activation function f: a = f(z), together with its derivative f'(z).
 *
 * <p>Element-wise activations (sigmoid, tanh, ReLU, ...) implement {@link #value(double)} and
 * {@link #derivative(double, double)}; the batch methods then apply them to every entry.
 * Softmax looks at a whole row at once and overrides the batch methods.
 *
 * <p>Batches are row-major arrays: {@code rows} samples, each with {@code cols} neurons.
 */
public interface Activation {

    /** The name used in tables and model files, e.g. {@code "sigmoid"}. */
    String name();

    /**
     * a = f(z) for one neuron. On a large batch, {@link #forward} calls it from several threads at
     * once, so it must depend on z alone.
     *
     * @param z the neuron's weighted input
     * @return its activation
     */
    double value(double z);

    /**
     * f'(z) for one neuron. Both z and a = f(z) are given, because some derivatives are cheapest
     * from a (sigma'(z) = a(1 - a)).
     *
     * @param z the neuron's weighted input
     * @param a f(z)
     * @return the derivative of f at z
     */
    double derivative(double z, double a);

    /**
     * Applies f to a batch: a = f(z). The entries of a large batch (thousands of values) are shared
     * between threads; each is {@link #value(double)} of its z either way.
     *
     * @param z weighted inputs (rows x cols), read
     * @param a activations (rows x cols), overwritten
     * @param rows samples
     * @param cols neurons
     */
    default void forward(double[] z, double[] a, int rows, int cols) {
        int n = rows * cols;
        if (Kernels.chosen().sharesElementwise(n)) {
            // a large batch: the threads share its entries
            Kernels.chosen().elementwise(n, (from, to) -> forwardRange(z, a, from, to));
        } else {
            forwardRange(z, a, 0, n);
        }
    }

    /** a = f(z) for entries {@code from} to {@code to - 1}. */
    private void forwardRange(double[] z, double[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            // a_i = f(z_i)
            a[i] = value(z[i]);
        }
    }

    /**
     * Chain rule through f for a batch: delta = dL/da * f'(z), entry by entry.
     *
     * @param z weighted inputs, read
     * @param a activations f(z), read
     * @param dLda gradient of the loss with respect to a, read
     * @param delta gradient with respect to z, overwritten (may be the same array as dLda)
     * @param rows samples
     * @param cols neurons
     */
    default void backward(double[] z, double[] a, double[] dLda, double[] delta, int rows, int cols) {
        int n = rows * cols;
        for (int i = 0; i < n; i++) {
            // dL/dz_i = dL/da_i * f'(z_i), the chain rule through f
            delta[i] = dLda[i] * derivative(z[i], a[i]);
        }
    }

    /**
     * True if each a depends only on its own z, so f'(z) is a single number per neuron (false
     * only for softmax, whose derivative is a matrix per sample).
     */
    default boolean isElementwise() {
        return true;
    }
}
