package io.github.backprop.activation;

/**
 * The leaky rectified linear unit: f(z) = z for z &gt; 0 and alpha * z otherwise, with f'(z) = 1
 * or alpha. A small slope alpha keeps gradients flowing where ReLU would stop them.
 *
 * @param alpha the slope for negative z, in [0, 1)
 */
public record LeakyRelu(double alpha) implements Activation {

    /** Checks that alpha is a finite number in [0, 1). */
    public LeakyRelu {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("leaky ReLU slope alpha must be in [0, 1), got " + alpha);
        }
    }

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : alpha * z;
    }

    @Override
    public double derivative(double z, double a) {
        // f'(z) = 1 if z > 0, else alpha
        return z > 0 ? 1.0 : alpha;
    }

    @Override
    public String toString() {
        return name() + "(" + alpha + ")";
    }
}
