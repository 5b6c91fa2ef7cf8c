package io.github.backprop.activation;

/** The identity (linear) activation, f(z) = z, with f'(z) = 1: for regression outputs. */
public final class Identity implements Activation {
    static final Identity INSTANCE = new Identity();

    private Identity() {
    }

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public double value(double z) {
        return z;
    }

    @Override
    public double derivative(double z, double a) {
        return 1.0;
    }

    @Override
    public String toString() {
        return name();
    }
}
