package io.github.backprop.activation;

/** The hyperbolic tangent, tanh(z), with tanh'(z) = 1 - tanh(z)^2. */
public final class Tanh implements Activation {
    static final Tanh INSTANCE = new Tanh();

    private Tanh() {
    }

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public double value(double z) {
        return Math.tanh(z);
    }

    @Override
    public double derivative(double z, double a) {
        // tanh'(z) = 1 - tanh(z)^2 = 1 - a^2
        return 1.0 - a * a;
    }

    @Override
    public String toString() {
        return name();
    }
}
