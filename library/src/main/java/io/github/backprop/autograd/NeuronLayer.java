package io.github.backprop.autograd;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A layer l of {@link Neuron}s reading the same inputs: z_j = sum_i w_ji a_i + b_j and
 * a_j = f(z_j). Weights follow the layer library's layout: W[j][i] connects input i to neuron j.
 */
public final class NeuronLayer {
    private final int index;
    private final List<Neuron> neurons;

    /**
     * The z and a values of one layer in one forward pass.
     *
     * @param z z_j for each neuron j
     * @param a a_j = f(z_j) for each neuron j (the same value as z_j for the identity)
     */
    public record Output(List<Value> z, List<Value> a) {
        /** Makes the lists unmodifiable. */
        public Output {
            z = List.copyOf(z);
            a = List.copyOf(a);
        }
    }

    /**
     * A layer of these neurons.
     *
     * @param l the layer's number, from 1 (layer 0 is the input); used in labels like {@code z1[0]}
     * @param neurons at least one, all with the same number of inputs
     */
    public NeuronLayer(int l, List<Neuron> neurons) {
        if (l < 1) {
            throw new IllegalArgumentException("layers are numbered from 1 (layer 0 is the input), got " + l);
        }
        if (neurons == null || neurons.isEmpty()) {
            throw new IllegalArgumentException("layer " + l + " needs at least 1 neuron");
        }
        int inputs = neurons.get(0).inputSize();
        for (int j = 1; j < neurons.size(); j++) {
            if (neurons.get(j).inputSize() != inputs) {
                throw new IllegalArgumentException("layer " + l + ": neuron " + j + " has " + neurons.get(j).inputSize()
                        + " inputs, neuron 0 has " + inputs);
            }
        }
        this.index = l;
        this.neurons = List.copyOf(neurons);
    }

    /**
     * A layer whose weights and bias are new leaf values with these numbers, labelled
     * {@code W1[j][i]} and {@code b1[j]} (for l = 1).
     *
     * @param l the layer's number, from 1
     * @param w the weights, one row per neuron j, one column per input i
     * @param b the biases, one per neuron
     * @param f the activation of every neuron
     * @return the layer
     */
    public static NeuronLayer of(int l, double[][] w, double[] b, Nonlinearity f) {
        if (w == null || b == null || w.length == 0 || w.length != b.length) {
            throw new IllegalArgumentException("layer " + l + " needs one row of weights and one bias per neuron, got "
                    + (w == null ? "null" : w.length + "") + " row(s) and " + (b == null ? "null" : b.length + "") + " bias(es)");
        }
        List<Neuron> neurons = new ArrayList<>();
        for (int j = 0; j < w.length; j++) {
            List<Value> row = new ArrayList<>();
            for (int i = 0; i < w[j].length; i++) {
                row.add(Value.of(w[j][i], "W" + l + "[" + j + "][" + i + "]"));
            }
            neurons.add(new Neuron(row, Value.of(b[j], "b" + l + "[" + j + "]"), f));
        }
        return new NeuronLayer(l, neurons);
    }

    /** This layer's number l, from 1. */
    public int index() {
        return index;
    }

    /** The neurons. */
    public List<Neuron> neurons() {
        return neurons;
    }

    /** Neuron j, from 0. */
    public Neuron neuron(int j) {
        return neurons.get(j);
    }

    /** Number of inputs (neurons in the layer before). */
    public int inputSize() {
        return neurons.get(0).inputSize();
    }

    /** Number of neurons. */
    public int outputSize() {
        return neurons.size();
    }

    /** The weight value w_ji (from input i to neuron j). */
    public Value weight(int j, int i) {
        return neurons.get(j).w().get(i);
    }

    /** The bias value b_j. */
    public Value bias(int j) {
        return neurons.get(j).b();
    }

    /** The weights' numbers now, W[j][i] (a copy, to compare with the layer library's W). */
    public double[][] weights() {
        return eachWeight(Value::data);
    }

    /** The gradients dL/dW[j][i] now (a copy). */
    public double[][] weightGradients() {
        return eachWeight(Value::grad);
    }

    private double[][] eachWeight(java.util.function.ToDoubleFunction<Value> part) {
        double[][] m = new double[outputSize()][inputSize()];
        for (int j = 0; j < m.length; j++) {
            for (int i = 0; i < m[j].length; i++) {
                m[j][i] = part.applyAsDouble(weight(j, i));
            }
        }
        return m;
    }

    /** The biases' numbers now, b[j] (a copy). */
    public double[] biases() {
        return neurons.stream().mapToDouble(n -> n.b().data()).toArray();
    }

    /** The gradients dL/db[j] now (a copy). */
    public double[] biasGradients() {
        return neurons.stream().mapToDouble(n -> n.b().grad()).toArray();
    }

    /** Every neuron's weights then bias, neuron by neuron. */
    public List<Value> parameters() {
        List<Value> ps = new ArrayList<>();
        for (Neuron n : neurons) {
            ps.addAll(n.parameters());
        }
        return ps;
    }

    /**
     * The forward pass through this layer: z_j and a_j for every neuron, labelled {@code z1[j]} and
     * {@code a1[j]} (for l = 1).
     *
     * @param aPrev the previous layer's activations (or the inputs x)
     * @return every z and a
     */
    public Output forward(List<Value> aPrev) {
        Objects.requireNonNull(aPrev, "inputs");
        if (aPrev.size() != inputSize()) {
            throw new IllegalArgumentException("shape mismatch: layer " + index + " takes " + inputSize() + " inputs, got "
                    + aPrev.size());
        }
        List<Value> z = new ArrayList<>();
        List<Value> a = new ArrayList<>();
        for (int j = 0; j < neurons.size(); j++) {
            Neuron n = neurons.get(j);
            // z_j = sum_i w_ji a_i + b_j
            Value zj = n.z(aPrev).label("z" + index + "[" + j + "]");
            // a_j = f(z_j)
            Value aj = n.f().apply(zj);
            if (aj != zj) {
                aj.label("a" + index + "[" + j + "]");
            }
            z.add(zj);
            a.add(aj);
        }
        return new Output(z, a);
    }

    @Override
    public String toString() {
        Nonlinearity f = neurons.get(0).f();
        boolean same = neurons.stream().allMatch(n -> n.f() == f);
        return "layer " + index + ": " + inputSize() + " -> " + outputSize() + " (" + (same ? f : "mixed activations") + ")";
    }
}
