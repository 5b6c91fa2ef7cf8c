package io.github.backprop.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One neuron built from {@link Value}s: z = sum_i w_i x_i + b, a = f(z). Its weights and bias are
 * leaf values, so after {@code L.backward()} their grads are dL/dw_i and dL/db.
 */
public final class Neuron {
    private final List<Value> w;
    private final Value b;
    private final Nonlinearity f;

    /**
     * A neuron with these weights, bias and activation (the values are used, not copied).
     *
     * @param w one weight per input, at least one
     * @param b the bias
     * @param f the activation
     * @throws IllegalArgumentException if there are no weights
     */
    public Neuron(List<Value> w, Value b, Nonlinearity f) {
        if (w == null || w.isEmpty()) {
            throw new IllegalArgumentException("a neuron needs at least 1 weight, got " + (w == null ? "null" : "none"));
        }
        this.w = List.copyOf(w);
        this.b = Objects.requireNonNull(b, "bias");
        this.f = Objects.requireNonNull(f, "activation");
    }

    /** The weights w_i (live values). */
    public List<Value> w() {
        return w;
    }

    /** The bias b (a live value). */
    public Value b() {
        return b;
    }

    /** The activation f. */
    public Nonlinearity f() {
        return f;
    }

    /** Number of inputs. */
    public int inputSize() {
        return w.size();
    }

    /** The weights, then the bias. */
    public List<Value> parameters() {
        List<Value> ps = new ArrayList<>(w);
        ps.add(b);
        return ps;
    }

    /**
     * The weighted input z = sum_i w_i x_i + b, as a chain of {@code *} and {@code +} values.
     *
     * @param x one value per input
     * @return z
     * @throws IllegalArgumentException if x has the wrong length
     */
    public Value z(List<Value> x) {
        if (x.size() != w.size()) {
            throw new IllegalArgumentException("shape mismatch: the neuron has " + w.size() + " weights but got "
                    + x.size() + " inputs");
        }
        Value sum = w.get(0).mul(x.get(0));
        for (int i = 1; i < w.size(); i++) {
            // sum_i w_i x_i, one term at a time
            sum = sum.add(w.get(i).mul(x.get(i)));
        }
        // z = sum_i w_i x_i + b
        return sum.add(b);
    }

    /**
     * The activation a = f(z).
     *
     * @param x one value per input
     * @return a
     */
    public Value a(List<Value> x) {
        return f.apply(z(x));
    }

    @Override
    public String toString() {
        return f + " neuron with " + w.size() + " input(s)";
    }
}
