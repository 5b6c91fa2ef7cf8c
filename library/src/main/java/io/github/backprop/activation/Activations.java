package io.github.backprop.activation;

/**
 * The front door to activation functions: {@code Activations.sigmoid()}, {@code Activations.relu()}, ...
 */
public final class Activations {
    private Activations() {
    }

    /** sigma(z) = 1 / (1 + e^-z); sigma'(z) = sigma(z)(1 - sigma(z)). */
    public static Activation sigmoid() {
        return Sigmoid.INSTANCE;
    }

    /** tanh(z); tanh'(z) = 1 - tanh(z)^2. */
    public static Activation tanh() {
        return Tanh.INSTANCE;
    }

    /** max(0, z); derivative 1 for z &gt; 0, else 0. */
    public static Activation relu() {
        return Relu.INSTANCE;
    }

    /** Leaky ReLU with slope 0.01 for negative z. */
    public static Activation leakyRelu() {
        return new LeakyRelu(0.01);
    }

    /**
     * Leaky ReLU with the given slope for negative z.
     *
     * @param alpha slope for z &lt;= 0, in [0, 1)
     * @return the activation
     */
    public static Activation leakyRelu(double alpha) {
        return new LeakyRelu(alpha);
    }

    /** f(z) = z; f'(z) = 1. */
    public static Activation identity() {
        return Identity.INSTANCE;
    }

    /** Softmax over each sample's row; pair it with categorical cross-entropy. */
    public static Activation softmax() {
        return Softmax.INSTANCE;
    }
}
