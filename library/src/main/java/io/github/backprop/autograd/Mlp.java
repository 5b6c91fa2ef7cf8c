package io.github.backprop.autograd;

import io.github.backprop.nn.DenseLayer;
import io.github.backprop.nn.Layer;
import io.github.backprop.nn.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A multi-layer perceptron built from {@link Value}s: layers 1..L of {@link Neuron}s, the scalar
 * twin of the layer library's dense {@link Network}. Every weight is a leaf value, so one
 * {@code backward()} from the loss gives every dL/dw, and every z of a forward pass is a value
 * whose grad is that neuron's delta = dL/dz.
 *
 * <pre>{@code
 * Mlp mlp = Mlp.from(network);                 // same architecture and weights
 * Mlp.Pass pass = mlp.forward(new double[] {0.05, 0.10});
 * Value loss = Mlp.mse(pass.output(), new double[] {0.01}).label("L");
 * loss.backward();
 * double hiddenDelta = pass.z(1, 0).grad();    // delta of neuron 0 in layer 1
 * }</pre>
 *
 * Training, one step of gradient descent on a batch, as the layer library's {@code Trainer} with
 * {@code Optimizers.sgd(learningRate)} does it:
 * <pre>{@code
 * mlp.zeroGrad();
 * Value loss = mlp.loss(x, y);                 // L = (1/B) sum_n 1/2 sum_k (a_k - y_k)^2
 * loss.backward();
 * mlp.step(learningRate);                      // w = w - learningRate * dL/dw
 * }</pre>
 */
public final class Mlp {
    private final List<NeuronLayer> layers;

    /**
     * The values of one forward pass: the inputs x and every layer's z and a.
     *
     * @param x the input values x_i (leaves labelled {@code x[i]})
     * @param layers the z and a of layers 1..L, at positions 0..L-1
     */
    public record Pass(List<Value> x, List<NeuronLayer.Output> layers) {
        /** Makes the lists unmodifiable. */
        public Pass {
            x = List.copyOf(x);
            layers = List.copyOf(layers);
        }

        /** z_j of layer l (from 1); its grad after {@code loss.backward()} is delta_j = dL/dz_j. */
        public Value z(int l, int j) {
            return layer(l).z().get(j);
        }

        /** a_j = f(z_j) of layer l (from 1). */
        public Value a(int l, int j) {
            return layer(l).a().get(j);
        }

        /** The output activations a[out]. */
        public List<Value> output() {
            return layers.get(layers.size() - 1).a();
        }

        private NeuronLayer.Output layer(int l) {
            if (l < 1 || l > layers.size()) {
                throw new IndexOutOfBoundsException("layer " + l + " does not exist: layers are numbered 1 to "
                        + layers.size() + " (layer 0 is the input x)");
            }
            return layers.get(l - 1);
        }
    }

    /**
     * An MLP of these layers, numbered 1, 2, ... in order.
     *
     * @param layers at least one; each layer's input size is the size of the layer before
     */
    public Mlp(List<NeuronLayer> layers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("an MLP needs at least 1 layer");
        }
        for (int l = 1; l <= layers.size(); l++) {
            NeuronLayer layer = layers.get(l - 1);
            if (layer.index() != l) {
                throw new IllegalArgumentException("layer at position " + l + " is numbered " + layer.index()
                        + "; number the layers 1, 2, ... in order");
            }
            if (l > 1 && layer.inputSize() != layers.get(l - 2).outputSize()) {
                throw new IllegalArgumentException("shape mismatch: layer " + l + " takes " + layer.inputSize()
                        + " inputs but layer " + (l - 1) + " has " + layers.get(l - 2).outputSize() + " neurons");
            }
        }
        this.layers = List.copyOf(layers);
    }

    /**
     * An MLP with the architecture, activations and current weights of a dense network (the
     * numbers are copied into new leaf values; the network is not changed or linked).
     *
     * @param network a network of dense layers with sigmoid, tanh, relu or identity activations
     * @return the MLP
     * @throws IllegalArgumentException for another kind of layer or activation, naming the layer
     */
    public static Mlp from(Network network) {
        List<NeuronLayer> layers = new ArrayList<>();
        for (int l = 1; l <= network.layerCount(); l++) {
            Layer layer = network.layer(l);
            if (!(layer instanceof DenseLayer dense)) {
                throw new IllegalArgumentException("layer " + l + " is " + layer + ": an Mlp copies dense layers only");
            }
            Nonlinearity f;
            try {
                f = Nonlinearity.of(dense.activation());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + l + ": " + e.getMessage(), e);
            }
            // W[l] (row j, column i) and b[l], copied
            layers.add(NeuronLayer.of(l, dense.weights().values().toArray(), dense.biases().values().row(0), f));
        }
        return new Mlp(layers);
    }

    /** Number of inputs. */
    public int inputSize() {
        return layers.get(0).inputSize();
    }

    /** Number of layers L (the input is not counted). */
    public int layerCount() {
        return layers.size();
    }

    /** Layer l, from 1 to {@link #layerCount()}. */
    public NeuronLayer layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IndexOutOfBoundsException("layer " + l + " does not exist: layers are numbered 1 to "
                    + layers.size() + " (layer 0 is the input)");
        }
        return layers.get(l - 1);
    }

    /** The layers 1..L. */
    public List<NeuronLayer> layers() {
        return layers;
    }

    /** Every weight and bias, layer by layer (in each layer neuron by neuron: w_j0, w_j1, ..., b_j). */
    public List<Value> parameters() {
        List<Value> ps = new ArrayList<>();
        for (NeuronLayer layer : layers) {
            ps.addAll(layer.parameters());
        }
        return ps;
    }

    /**
     * The forward pass for one sample: the inputs become new leaves {@code x[0]}, {@code x[1]}, ...
     *
     * @param x the sample's features, not modified
     * @return every z and a
     */
    public Pass forward(double[] x) {
        Objects.requireNonNull(x, "x");
        List<Value> inputs = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            inputs.add(Value.of(x[i], "x[" + i + "]"));
        }
        return forward(inputs);
    }

    /**
     * The forward pass from input values (for dL/dx as well).
     *
     * @param x one value per input
     * @return every z and a
     */
    public Pass forward(List<Value> x) {
        if (x.size() != inputSize()) {
            throw new IllegalArgumentException("shape mismatch: the MLP takes " + inputSize() + " inputs, got " + x.size());
        }
        List<NeuronLayer.Output> outputs = new ArrayList<>();
        List<Value> a = x;
        for (NeuronLayer layer : layers) {
            NeuronLayer.Output out = layer.forward(a);
            outputs.add(out);
            a = out.a();
        }
        return new Pass(x, outputs);
    }

    /**
     * The forward pass for a batch, one pass per sample (they share the weight values).
     *
     * @param x samples, one per row; not modified
     * @return one pass per sample
     */
    public List<Pass> forward(double[][] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException("a batch needs at least 1 sample");
        }
        List<Pass> passes = new ArrayList<>();
        for (double[] row : x) {
            passes.add(forward(row));
        }
        return passes;
    }

    /**
     * The squared error of one sample, as the layer library's {@code Losses.mse()} defines it.
     *
     * @param a the outputs a_k
     * @param y the targets y_k
     * @return L_n = 1/2 sum_k (a_k - y_k)^2
     */
    public static Value mse(List<Value> a, double[] y) {
        if (a.isEmpty() || a.size() != y.length) {
            throw new IllegalArgumentException("shape mismatch: " + a.size() + " outputs but " + y.length + " targets");
        }
        Value sum = null;
        for (int k = 0; k < a.size(); k++) {
            // (a_k - y_k)^2
            Value square = a.get(k).sub(y[k]).pow(2);
            sum = sum == null ? square : sum.add(square);
        }
        // L_n = 1/2 sum_k (a_k - y_k)^2
        return sum.mul(0.5);
    }

    /**
     * The mean squared error of a batch.
     *
     * @param passes one forward pass per sample
     * @param y targets, one row per sample
     * @return L = (1/B) sum_n L_n
     */
    public static Value mse(List<Pass> passes, double[][] y) {
        if (passes.isEmpty() || passes.size() != y.length) {
            throw new IllegalArgumentException("shape mismatch: " + passes.size() + " passes but " + y.length + " target rows");
        }
        Value sum = null;
        for (int n = 0; n < passes.size(); n++) {
            Value loss = mse(passes.get(n).output(), y[n]);
            sum = sum == null ? loss : sum.add(loss);
        }
        // L = (1/B) sum_n L_n
        return sum.div(passes.size());
    }

    /**
     * The batch's mean squared error, from a new forward pass: {@code mse(forward(x), y)}.
     *
     * @param x samples, one per row
     * @param y targets, one row per sample
     * @return L = (1/B) sum_n 1/2 sum_k (a_k - y_k)^2, labelled {@code L}
     */
    public Value loss(double[][] x, double[][] y) {
        return mse(forward(x), y).label("L");
    }

    /** Sets every weight's and bias's grad to 0 (before the next backward pass). */
    public void zeroGrad() {
        for (Value p : parameters()) {
            p.zeroGrad();
        }
    }

    /**
     * One step of gradient descent on every weight and bias, from the grads of the last backward
     * pass. Values computed earlier keep their numbers: run a new forward pass.
     *
     * @param learningRate eta, positive
     */
    public void step(double learningRate) {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be positive and finite, got " + learningRate);
        }
        for (Value p : parameters()) {
            // w = w - learningRate * dL/dw
            p.setData(p.data() - learningRate * p.grad());
        }
    }

    /** E.g. {@code Mlp 2-2-1 (sigmoid, sigmoid)}. */
    @Override
    public String toString() {
        StringBuilder sizes = new StringBuilder().append(inputSize());
        StringBuilder fs = new StringBuilder();
        for (NeuronLayer layer : layers) {
            sizes.append('-').append(layer.outputSize());
            fs.append(fs.length() == 0 ? "" : ", ").append(layer.neuron(0).f());
        }
        return "Mlp " + sizes + " (" + fs + ")";
    }
}
