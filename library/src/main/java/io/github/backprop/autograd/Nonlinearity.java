package io.github.backprop.autograd;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Identity;
import io.github.backprop.activation.Relu;
import io.github.backprop.activation.Sigmoid;
import io.github.backprop.activation.Tanh;

/** The activation f of a {@link Neuron}, a = f(z), built from {@link Value} operations. */
public enum Nonlinearity {
    /** a = sigma(z) = 1 / (1 + e^-z). */
    SIGMOID,
    /** a = tanh(z). */
    TANH,
    /** a = max(0, z). */
    RELU,
    /** a = z: no new value, a is z itself. */
    IDENTITY;

    /**
     * a = f(z).
     *
     * @param z the weighted input
     * @return a new value computed from z, or z itself for {@link #IDENTITY}
     */
    public Value apply(Value z) {
        return switch (this) {
            case SIGMOID -> z.sigmoid();
            case TANH -> z.tanh();
            case RELU -> z.relu();
            case IDENTITY -> z;
        };
    }

    /**
     * The same activation as one of the layer library's, e.g. {@code Activations.tanh()}.
     *
     * @param f sigmoid, tanh, relu or identity
     * @return the matching nonlinearity
     * @throws IllegalArgumentException for another activation (softmax, leaky relu)
     */
    public static Nonlinearity of(Activation f) {
        if (f instanceof Sigmoid) {
            return SIGMOID;
        } else if (f instanceof Tanh) {
            return TANH;
        } else if (f instanceof Relu) {
            return RELU;
        } else if (f instanceof Identity) {
            return IDENTITY;
        }
        throw new IllegalArgumentException("the Value engine's neurons use sigmoid, tanh, relu or identity, not " + f);
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
