package io.github.backprop.activation;

/** The rectified linear unit, relu(z) = max(0, z), with relu'(z) = 1 for z &gt; 0 and 0 otherwise. */
public final class Relu implements Activation {
    static final Relu INSTANCE = new Relu();

    private Relu() {
    }

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public double value(double z) {
        return z > 0 ? z : 0.0;
    }

    @Override
    public double derivative(double z, double a) {
        // relu'(z) = 1 if z > 0, else 0 (the kink at 0 gets 0 by convention)
        return z > 0 ? 1.0 : 0.0;
    }

    @Override
    public String toString() {
        return name();
    }
}
