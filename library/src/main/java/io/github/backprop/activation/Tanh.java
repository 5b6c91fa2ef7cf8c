package io.github.backprop.activation;

/**
 * The hyperbolic tangent, tanh(z), with tanh'(z) = 1 - tanh(z)^2.
 *
 * <p>tanh is computed with {@link StrictMath#tanh}, so every JDK gives the same digits: JDK 25's
 * {@code Math.tanh} differs from it in the last bits for some inputs, which would change the
 * notebooks' printed results from one JDK to the next (on JDK 17 the two are the same function).
 */
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
        return StrictMath.tanh(z);
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
