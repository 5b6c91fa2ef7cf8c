package io.github.backprop.nn;

import io.github.backprop.activation.Activation;
import io.github.backprop.init.Initializer;
import io.github.backprop.init.Initializers;
import io.github.backprop.random.SplitMix64;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;

/**
 * A feed-forward network: fully connected layers 1..L on top of an input layer 0.
 *
 * <p>The architecture is fixed when the network is built; the parameters (weights and biases)
 * change during training. Build one with {@link #builder(int)}:
 * <pre>{@code
 * Network net = Network.builder(2)
 *         .dense(2, Activations.sigmoid())
 *         .dense(1, Activations.sigmoid())
 *         .seed(7)
 *         .build();
 * }</pre>
 * Predictions never modify the caller's arrays. For the forward pass with every z and a kept, and
 * for backpropagation, see {@code io.github.backprop.backprop.Backpropagation}.
 */
public final class Network {
    private final int inputSize;
    private final List<DenseLayer> layers;
    private final List<Parameter> parameters;

    private Network(int inputSize, List<DenseLayer> layers) {
        this.inputSize = inputSize;
        this.layers = Collections.unmodifiableList(layers);
        List<Parameter> ps = new ArrayList<>();
        for (DenseLayer layer : layers) {
            ps.add(layer.weights());
            ps.add(layer.biases());
        }
        this.parameters = Collections.unmodifiableList(ps);
    }

    /**
     * Starts a network whose input layer has {@code inputSize} values.
     *
     * @param inputSize number of features per sample, positive
     * @return a builder
     */
    public static Builder builder(int inputSize) {
        return new Builder(inputSize);
    }

    /** Number of inputs (layer 0). */
    public int inputSize() {
        return inputSize;
    }

    /** Number of outputs (neurons in layer L). */
    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /** Number of layers L with weights (the input layer is not counted). */
    public int layerCount() {
        return layers.size();
    }

    /**
     * Layer {@code l}, counted from 1 as in the notebooks (layer 0 is the input and has no weights).
     *
     * @param l from 1 to {@link #layerCount()}
     * @return the layer
     */
    public DenseLayer layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IndexOutOfBoundsException("layer " + l + " does not exist: layers are numbered 1 to "
                    + layers.size() + " (layer 0 is the input)");
        }
        return layers.get(l - 1);
    }

    /** The layers 1..L in order (unmodifiable). */
    public List<DenseLayer> layers() {
        return layers;
    }

    /** Every parameter in order W1, b1, W2, b2, ... (unmodifiable list of live parameters). */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Total number of trainable values. */
    public int parameterCount() {
        int n = 0;
        for (Parameter p : parameters) {
            n += p.size();
        }
        return n;
    }

    /** Layer sizes from input to output, e.g. {@code [2, 2, 1]}. */
    public int[] sizes() {
        int[] sizes = new int[layers.size() + 1];
        sizes[0] = inputSize;
        for (int l = 0; l < layers.size(); l++) {
            sizes[l + 1] = layers.get(l).outputSize();
        }
        return sizes;
    }

    /**
     * The network's output a_L for one sample.
     *
     * @param x one sample's features (length {@link #inputSize()}), not modified
     * @return the output activations
     */
    public double[] predict(double[] x) {
        return predict(new double[][] {x})[0];
    }

    /**
     * The network's outputs a_L for many samples (one row each).
     *
     * @param x samples (rows of length {@link #inputSize()}), not modified
     * @return one row of outputs per sample
     * @throws IllegalArgumentException for empty input, a wrong row length or a NaN/infinite value
     */
    public double[][] predict(double[][] x) {
        Inputs.checkFeatures(x, inputSize, "x");
        int rows = x.length;
        double[] a = new double[rows * inputSize];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x[r], 0, a, r * inputSize, inputSize);
        }
        for (DenseLayer layer : layers) {
            double[] z = new double[rows * layer.outputSize()];
            double[] next = new double[rows * layer.outputSize()];
            layer.forward(a, 0, rows, z, next);
            a = next;
        }
        int out = outputSize();
        double[][] result = new double[rows][out];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(a, r * out, result[r], 0, out);
        }
        return result;
    }

    /** An independent copy with the same architecture and parameter values (gradients are zero). */
    public Network copy() {
        Builder b = builder(inputSize);
        for (DenseLayer layer : layers) {
            b.dense(layer.weights().values().toArray(), layer.biases().values().row(0), layer.activation());
        }
        return b.build();
    }

    /** e.g. {@code 2-2-1 (sigmoid, sigmoid)}. */
    @Override
    public String toString() {
        StringJoiner sizes = new StringJoiner("-");
        StringJoiner fs = new StringJoiner(", ", " (", ")");
        sizes.add(String.valueOf(inputSize));
        for (DenseLayer layer : layers) {
            sizes.add(String.valueOf(layer.outputSize()));
            fs.add(layer.activation().toString());
        }
        return sizes + fs.toString();
    }

    /**
     * Collects the layers, the initialisers and the source of randomness. Required: at least one
     * layer, and a seed or {@link Random} unless every layer is given its weights.
     */
    public static final class Builder {
        private record LayerSpec(int size, Activation activation, double[][] weights, double[] biases) {
        }

        private final int inputSize;
        private final List<LayerSpec> specs = new ArrayList<>();
        private Initializer weightInit = Initializers.uniformFanIn();
        private Initializer biasInit = Initializers.zeros();
        private Random random;

        private Builder(int inputSize) {
            if (inputSize <= 0) {
                throw new IllegalArgumentException("a network needs at least 1 input, got " + inputSize);
            }
            this.inputSize = inputSize;
        }

        /**
         * Adds a fully connected layer whose weights come from the initialiser.
         *
         * @param size number of neurons, positive
         * @param activation the activation f
         * @return this builder
         */
        public Builder dense(int size, Activation activation) {
            if (size <= 0) {
                throw new IllegalArgumentException("layer " + (specs.size() + 1) + " needs at least 1 neuron, got " + size);
            }
            if (activation == null) {
                throw new IllegalArgumentException("layer " + (specs.size() + 1) + " needs an activation, got null");
            }
            specs.add(new LayerSpec(size, activation, null, null));
            return this;
        }

        /**
         * Adds a fully connected layer with the given weights and biases (for hand-worked examples).
         *
         * @param weights W, {@code size x inputs} (W[j][i] connects input i to neuron j); copied
         * @param biases b, one per neuron; copied
         * @param activation the activation f
         * @return this builder
         */
        public Builder dense(double[][] weights, double[] biases, Activation activation) {
            int l = specs.size() + 1;
            if (weights == null || weights.length == 0) {
                throw new IllegalArgumentException("layer " + l + " needs a weight matrix with at least one row");
            }
            if (biases == null || biases.length != weights.length) {
                throw new IllegalArgumentException("layer " + l + " has " + weights.length + " neurons (rows of W) but "
                        + (biases == null ? "no" : String.valueOf(biases.length)) + " biases");
            }
            dense(weights.length, activation);
            specs.set(specs.size() - 1, new LayerSpec(weights.length, activation, deepCopy(weights), biases.clone()));
            return this;
        }

        /**
         * How weights start (default {@link Initializers#uniformFanIn()}).
         *
         * @param initializer the weight initialiser
         * @return this builder
         */
        public Builder weightInitializer(Initializer initializer) {
            this.weightInit = java.util.Objects.requireNonNull(initializer, "weight initializer");
            return this;
        }

        /**
         * How biases start (default zeros).
         *
         * @param initializer the bias initialiser
         * @return this builder
         */
        public Builder biasInitializer(Initializer initializer) {
            this.biasInit = java.util.Objects.requireNonNull(initializer, "bias initializer");
            return this;
        }

        /**
         * Draws initial values from a {@link SplitMix64} generator with this seed (the same seed
         * gives bit-identical weights on every machine).
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.random = new SplitMix64(seed);
            return this;
        }

        /**
         * Draws initial values from this generator (which is advanced).
         *
         * @param random the generator
         * @return this builder
         */
        public Builder random(Random random) {
            this.random = java.util.Objects.requireNonNull(random, "random");
            return this;
        }

        /**
         * Builds the network: checks the settings, then draws W1 (row by row), b1 if its
         * initialiser draws, W2, ... from the one generator.
         *
         * @return the network
         * @throws IllegalArgumentException if there are no layers, a given weight matrix has the
         *     wrong shape, or randomness is needed but no seed or Random was given
         */
        public Network build() {
            if (specs.isEmpty()) {
                throw new IllegalArgumentException("a network needs at least one layer: call dense(size, activation)");
            }
            boolean needsRandom = specs.stream().anyMatch(s -> s.weights() == null);
            if (needsRandom && random == null) {
                throw new IllegalArgumentException(
                        "give a seed(...) or random(...) to initialise the weights: the library never uses a hidden random generator");
            }
            List<DenseLayer> layers = new ArrayList<>();
            int fanIn = inputSize;
            for (LayerSpec spec : specs) {
                DenseLayer layer = new DenseLayer(layers.size() + 1, fanIn, spec.size(), spec.activation());
                if (spec.weights() != null) {
                    copyGiven(layer, spec, fanIn);
                } else {
                    weightInit.initialize(layer.weights().valueArray(), fanIn, spec.size(), random);
                    biasInit.initialize(layer.biases().valueArray(), fanIn, spec.size(), random);
                }
                layers.add(layer);
                fanIn = spec.size();
            }
            return new Network(inputSize, layers);
        }

        private static void copyGiven(DenseLayer layer, LayerSpec spec, int fanIn) {
            double[][] w = spec.weights();
            for (int j = 0; j < w.length; j++) {
                if (w[j].length != fanIn) {
                    throw new IllegalArgumentException("layer " + layer.index() + ": W row " + j + " has " + w[j].length
                            + " weights, expected " + fanIn + " (one per input)");
                }
                for (int i = 0; i < fanIn; i++) {
                    layer.weights().set(j, i, w[j][i]);
                }
            }
            for (int j = 0; j < spec.biases().length; j++) {
                layer.biases().set(0, j, spec.biases()[j]);
            }
        }

        private static double[][] deepCopy(double[][] m) {
            double[][] c = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                if (m[i] == null) {
                    throw new IllegalArgumentException("weight row " + i + " is null");
                }
                c[i] = m[i].clone();
            }
            return c;
        }
    }
}
