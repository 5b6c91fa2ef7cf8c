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
 * A feed-forward network: layers 1..L on top of an input layer 0.
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
 * or, for images and sequences, start from a {@link Shape}:
 * <pre>{@code
 * Network cnn = Network.builder(Shape.image(1, 8, 8))
 *         .conv2d(4, 3, Padding.SAME, Activations.relu())
 *         .maxPool(2)
 *         .flatten()
 *         .dense(10, Activations.softmax())
 *         .seed(7)
 *         .build();
 * Network rnn = Network.builder(Shape.sequence(5, 1))
 *         .recurrent(8)
 *         .dense(1, Activations.sigmoid())
 *         .seed(7)
 *         .build();
 * }</pre>
 * Samples are always flat vectors (an image [channel][row][col], a sequence [step][feature]).
 * Predictions never modify the caller's arrays. For the forward pass with every z and a kept, and
 * for backpropagation, see {@code io.github.backprop.gradient.Backpropagation}.
 */
public final class Network {
    private final Shape inputShape;
    private final List<Layer> layers;
    private final List<Parameter> parameters;

    private Network(Shape inputShape, List<Layer> layers) {
        this.inputShape = inputShape;
        this.layers = Collections.unmodifiableList(layers);
        List<Parameter> ps = new ArrayList<>();
        for (Layer layer : layers) {
            ps.addAll(layer.parameters());
        }
        this.parameters = Collections.unmodifiableList(ps);
    }

    /**
     * Starts a network whose input layer has {@code inputSize} values (a vector).
     *
     * @param inputSize number of features per sample, positive
     * @return a builder
     */
    public static Builder builder(int inputSize) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("a network needs at least 1 input, got " + inputSize);
        }
        return new Builder(Shape.vector(inputSize));
    }

    /**
     * Starts a network whose samples have this shape, e.g. {@code Shape.image(1, 8, 8)} for 8x8
     * grey-scale images or {@code Shape.sequence(5, 1)} for sequences of 5 numbers.
     *
     * @param inputShape the shape of one sample
     * @return a builder
     */
    public static Builder builder(Shape inputShape) {
        return new Builder(java.util.Objects.requireNonNull(inputShape, "input shape"));
    }

    /** Number of inputs (layer 0), the flat size of {@link #inputShape()}. */
    public int inputSize() {
        return inputShape.size();
    }

    /** The shape of one sample (a vector unless the builder was given an image or a sequence). */
    public Shape inputShape() {
        return inputShape;
    }

    /** Number of outputs (values of a_L). */
    public int outputSize() {
        return layers.get(layers.size() - 1).outputSize();
    }

    /** Number of layers L (the input layer is not counted; max pooling and flatten count). */
    public int layerCount() {
        return layers.size();
    }

    /**
     * Layer {@code l}, counted from 1 as in the notebooks (layer 0 is the input and has no weights).
     *
     * @param l from 1 to {@link #layerCount()}
     * @return the layer
     */
    public Layer layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IndexOutOfBoundsException("layer " + l + " does not exist: layers are numbered 1 to "
                    + layers.size() + " (layer 0 is the input)");
        }
        return layers.get(l - 1);
    }

    /**
     * Layer {@code l} as the type the caller expects.
     *
     * @param l from 1 to {@link #layerCount()}
     * @param type e.g. {@code Conv2dLayer.class}
     * @param <T> the layer type
     * @return the layer
     * @throws IllegalArgumentException if layer l is of another type, naming both
     */
    public <T extends Layer> T layer(int l, Class<T> type) {
        Layer layer = layer(l);
        if (!type.isInstance(layer)) {
            throw new IllegalArgumentException("layer " + l + " is a " + layer.getClass().getSimpleName() + " ("
                    + layer + "), not a " + type.getSimpleName());
        }
        return type.cast(layer);
    }

    /**
     * Layer {@code l} of a network of dense layers, with its W and b.
     *
     * @param l from 1 to {@link #layerCount()}
     * @return the dense layer
     * @throws IllegalArgumentException if layer l is not dense
     */
    public DenseLayer denseLayer(int l) {
        return layer(l, DenseLayer.class);
    }

    /** The layers 1..L in order (unmodifiable). */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * Every parameter, layer by layer in each layer's order: W1, b1, W2, b2, ... for dense layers,
     * K and b for a convolution, Wx, Wh and b for a recurrent layer (unmodifiable list of live
     * parameters).
     */
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

    /** Flat layer sizes from input to output, e.g. {@code [2, 2, 1]}. */
    public int[] sizes() {
        int[] sizes = new int[layers.size() + 1];
        sizes[0] = inputSize();
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
        Inputs.checkFeatures(x, inputShape, "x");
        int rows = x.length;
        int inputSize = inputSize();
        double[] a = new double[rows * inputSize];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(x[r], 0, a, r * inputSize, inputSize);
        }
        for (Layer layer : layers) {
            double[] z = new double[rows * layer.zShape().size()];
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
        List<Layer> copies = new ArrayList<>();
        for (Layer layer : layers) {
            Layer c;
            if (layer instanceof DenseLayer d) {
                c = new DenseLayer(d.index(), d.inputSize(), d.outputSize(), d.activation());
            } else if (layer instanceof Conv2dLayer k) {
                c = new Conv2dLayer(k.index(), k.inputShape(), k.outChannels(), k.kernelSize(), k.padding(),
                        k.activation());
            } else if (layer instanceof MaxPoolLayer m) {
                c = new MaxPoolLayer(m.index(), m.inputShape(), m.size());
            } else if (layer instanceof FlattenLayer f) {
                c = new FlattenLayer(f.index(), f.inputShape());
            } else {
                RecurrentLayer r = (RecurrentLayer) layer;
                c = new RecurrentLayer(r.index(), r.inputShape(), r.hiddenSize(), r.output());
            }
            for (int i = 0; i < c.parameters().size(); i++) {
                double[] from = layer.parameters().get(i).valueArray();
                System.arraycopy(from, 0, c.parameters().get(i).valueArray(), 0, from.length);
            }
            copies.add(c);
        }
        return new Network(inputShape, copies);
    }

    /**
     * For dense networks the sizes and activations, e.g. {@code 2-2-1 (sigmoid, sigmoid)}; with
     * other layers, one line per layer after the input shape.
     */
    @Override
    public String toString() {
        boolean dense = inputShape instanceof Shape.Vector && layers.stream().allMatch(l -> l instanceof DenseLayer);
        if (!dense) {
            StringBuilder sb = new StringBuilder("input ").append(inputShape);
            for (Layer layer : layers) {
                sb.append("\n").append(layer.index()).append(": ").append(layer);
            }
            return sb.toString();
        }
        StringJoiner sizes = new StringJoiner("-");
        StringJoiner fs = new StringJoiner(", ", " (", ")");
        sizes.add(String.valueOf(inputSize()));
        for (Layer layer : layers) {
            sizes.add(String.valueOf(layer.outputSize()));
            fs.add(layer.activation().toString());
        }
        return sizes + fs.toString();
    }

    /**
     * Collects the layers, the initialisers and the source of randomness. Each layer is checked
     * against the shape the layer before it produces when it is added, so a mistake is reported
     * at the call that made it. Required: at least one layer, and a seed or {@link Random} unless
     * every layer with parameters is given its values.
     */
    public static final class Builder {
        /** One layer to build: its input shape and what it needs. */
        private sealed interface Spec {
            Shape input();

            Shape output();

            /** True if the parameters are drawn by the initialisers. */
            boolean needsRandom();
        }

        private record DenseSpec(Shape.Vector input, int size, Activation activation, double[][] weights,
                                 double[] biases) implements Spec {
            public Shape output() {
                return Shape.vector(size);
            }

            public boolean needsRandom() {
                return weights == null;
            }
        }

        private record ConvSpec(Shape.Image input, int outChannels, int kernel, Padding padding, Activation activation,
                                double[][][][] kernels, double[] biases) implements Spec {
            public Shape output() {
                return Shape.image(outChannels, padding.outputSize(input.height(), kernel),
                        padding.outputSize(input.width(), kernel));
            }

            public boolean needsRandom() {
                return kernels == null;
            }
        }

        private record PoolSpec(Shape.Image input, int size) implements Spec {
            public Shape output() {
                return Shape.image(input.channels(), input.height() / size, input.width() / size);
            }

            public boolean needsRandom() {
                return false;
            }
        }

        private record FlattenSpec(Shape input) implements Spec {
            public Shape output() {
                return Shape.vector(input.size());
            }

            public boolean needsRandom() {
                return false;
            }
        }

        private record RecurrentSpec(Shape.Sequence input, int hiddenSize, RecurrentLayer.Output outputKind,
                                     double[][] inputWeights, double[][] recurrentWeights, double[] biases)
                implements Spec {
            public Shape output() {
                return outputKind == RecurrentLayer.Output.LAST_STEP ? Shape.vector(hiddenSize)
                        : Shape.sequence(input.steps(), hiddenSize);
            }

            public boolean needsRandom() {
                return inputWeights == null;
            }
        }

        private Shape inputShape;
        private Shape current;
        private final List<Spec> specs = new ArrayList<>();
        private Initializer weightInit = Initializers.uniformFanIn();
        private Initializer biasInit = Initializers.zeros();
        private Random random;

        private Builder(Shape inputShape) {
            this.inputShape = inputShape;
            this.current = inputShape;
        }

        /**
         * Reads the samples with this shape instead, e.g. 64 inputs as {@code Shape.image(1, 8, 8)}.
         * Call it before adding any layer.
         *
         * @param shape the shape of one sample, with as many values as the builder's input size
         * @return this builder
         * @throws IllegalArgumentException if layers were already added or the sizes differ
         */
        public Builder inputShape(Shape shape) {
            java.util.Objects.requireNonNull(shape, "input shape");
            if (!specs.isEmpty()) {
                throw new IllegalArgumentException("call inputShape(" + shape + ") before adding layers: "
                        + specs.size() + " layer(s) already read the input as " + inputShape);
            }
            if (shape.size() != inputShape.size()) {
                throw new IllegalArgumentException("shape mismatch: " + shape + " has " + shape.size()
                        + " values but the network takes " + inputShape.size() + " inputs");
            }
            this.inputShape = shape;
            this.current = shape;
            return this;
        }

        /**
         * The shape the next layer added will read: the input shape, or the output shape of the
         * last layer added.
         *
         * @return the current shape
         */
        public Shape currentShape() {
            return current;
        }

        /**
         * Adds a fully connected layer whose weights come from the initialiser.
         *
         * @param size number of neurons, positive
         * @param activation the activation f
         * @return this builder
         * @throws IllegalArgumentException if the previous layer does not give a vector (add
         *     {@link #flatten()} after images and sequences)
         */
        public Builder dense(int size, Activation activation) {
            int l = specs.size() + 1;
            if (size <= 0) {
                throw new IllegalArgumentException("layer " + l + " needs at least 1 neuron, got " + size);
            }
            if (activation == null) {
                throw new IllegalArgumentException("layer " + l + " needs an activation, got null");
            }
            specs.add(new DenseSpec(vectorInput(l, "dense"), size, activation, null, null));
            current = Shape.vector(size);
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
            Shape.Vector input = vectorInput(l, "dense");
            if (activation == null) {
                throw new IllegalArgumentException("layer " + l + " needs an activation, got null");
            }
            double[][] w = deepCopy(weights, "weight");
            for (int j = 0; j < w.length; j++) {
                if (w[j].length != input.size()) {
                    throw new IllegalArgumentException("layer " + l + ": W row " + j + " has " + w[j].length
                            + " weights, expected " + input.size() + " (one per input)");
                }
            }
            specs.add(new DenseSpec(input, weights.length, activation, w, biases.clone()));
            current = Shape.vector(weights.length);
            return this;
        }

        /**
         * Adds a 2-D convolution (stride 1) whose kernels come from the weight initialiser (with
         * fan_in = in-channels x k x k and fan_out = out-channels x k x k) and whose biases come
         * from the bias initialiser.
         *
         * @param outChannels output channels (one k x k x in-channels kernel each), positive
         * @param kernel the kernel size k, positive
         * @param padding VALID or SAME
         * @param activation an element-wise activation f (not softmax)
         * @return this builder
         * @throws IllegalArgumentException if the input is not an image, or a VALID kernel is
         *     larger than the image
         */
        public Builder conv2d(int outChannels, int kernel, Padding padding, Activation activation) {
            int l = specs.size() + 1;
            Shape.Image input = imageInput(l, "conv2d");
            checkConv(l, input, outChannels, kernel, padding, activation);
            specs.add(new ConvSpec(input, outChannels, kernel, padding, activation, null, null));
            current = specs.get(specs.size() - 1).output();
            return this;
        }

        /**
         * Adds a 2-D convolution with the given kernels and biases (for hand-worked examples and
         * hand-made filters such as an edge detector).
         *
         * @param kernels K[o][c][p][q]: out-channels x in-channels x k x k; copied
         * @param biases b, one per output channel; copied
         * @param padding VALID or SAME
         * @param activation an element-wise activation f (not softmax)
         * @return this builder
         */
        public Builder conv2d(double[][][][] kernels, double[] biases, Padding padding, Activation activation) {
            int l = specs.size() + 1;
            Shape.Image input = imageInput(l, "conv2d");
            if (kernels == null || kernels.length == 0 || kernels[0] == null || kernels[0].length == 0
                    || kernels[0][0] == null) {
                throw new IllegalArgumentException("layer " + l + " needs kernels K[o][c][p][q] with at least one output channel");
            }
            int k = kernels[0][0].length;
            checkConv(l, input, kernels.length, k, padding, activation);
            if (biases == null || biases.length != kernels.length) {
                throw new IllegalArgumentException("layer " + l + " has " + kernels.length + " kernels (output channels) but "
                        + (biases == null ? "no" : String.valueOf(biases.length)) + " biases");
            }
            double[][][][] copy = new double[kernels.length][input.channels()][k][k];
            for (int o = 0; o < kernels.length; o++) {
                if (kernels[o] == null || kernels[o].length != input.channels()) {
                    throw new IllegalArgumentException("layer " + l + ": kernel " + o + " has "
                            + (kernels[o] == null ? 0 : kernels[o].length) + " channels, expected " + input.channels()
                            + " (one per input channel)");
                }
                for (int c = 0; c < input.channels(); c++) {
                    if (kernels[o][c] == null || kernels[o][c].length != k) {
                        throw new IllegalArgumentException("layer " + l + ": kernel " + o + ", channel " + c + " has "
                                + (kernels[o][c] == null ? 0 : kernels[o][c].length) + " rows, expected " + k);
                    }
                    for (int p = 0; p < k; p++) {
                        if (kernels[o][c][p] == null || kernels[o][c][p].length != k) {
                            throw new IllegalArgumentException("layer " + l + ": kernel " + o + ", channel " + c
                                    + ", row " + p + " has " + (kernels[o][c][p] == null ? 0 : kernels[o][c][p].length)
                                    + " values, expected " + k + " (kernels are square)");
                        }
                        copy[o][c][p] = kernels[o][c][p].clone();
                    }
                }
            }
            specs.add(new ConvSpec(input, kernels.length, k, padding, activation, copy, biases.clone()));
            current = specs.get(specs.size() - 1).output();
            return this;
        }

        /**
         * Adds max pooling over non-overlapping {@code size x size} windows (stride {@code size}).
         *
         * @param size the window size s, from 1 to the image's height and width
         * @return this builder
         * @throws IllegalArgumentException if the input is not an image or the window does not fit
         */
        public Builder maxPool(int size) {
            int l = specs.size() + 1;
            Shape.Image input = imageInput(l, "maxPool");
            if (size <= 0) {
                throw new IllegalArgumentException("layer " + l + " (maxPool) needs a window size of at least 1, got " + size);
            }
            if (size > input.height() || size > input.width()) {
                throw new IllegalArgumentException("layer " + l + " (maxPool): a " + size + "x" + size
                        + " window does not fit the " + input.height() + "x" + input.width() + " input (" + input + ")");
            }
            specs.add(new PoolSpec(input, size));
            current = specs.get(specs.size() - 1).output();
            return this;
        }

        /**
         * Reads the previous layer's image (or sequence) as a plain vector, so that dense layers
         * can follow.
         *
         * @return this builder
         * @throws IllegalArgumentException if the input is already a vector
         */
        public Builder flatten() {
            int l = specs.size() + 1;
            if (current instanceof Shape.Vector) {
                throw new IllegalArgumentException("layer " + l + " (flatten): the input is already a " + current
                        + "; flatten() follows an image or a sequence");
            }
            specs.add(new FlattenSpec(current));
            current = Shape.vector(current.size());
            return this;
        }

        /**
         * Adds a tanh recurrent layer that reads the whole sequence and passes on its last hidden
         * state h_T.
         *
         * @param hiddenSize size of the hidden state h, positive
         * @return this builder
         * @throws IllegalArgumentException if the input is not a sequence
         */
        public Builder recurrent(int hiddenSize) {
            return recurrent(hiddenSize, RecurrentLayer.Output.LAST_STEP);
        }

        /**
         * Adds a tanh recurrent layer that passes on its last hidden state or every hidden state.
         *
         * @param hiddenSize size of the hidden state h, positive
         * @param output LAST_STEP (a vector h_T) or EVERY_STEP (a sequence h_1 ... h_T)
         * @return this builder
         * @throws IllegalArgumentException if the input is not a sequence
         */
        public Builder recurrent(int hiddenSize, RecurrentLayer.Output output) {
            int l = specs.size() + 1;
            Shape.Sequence input = sequenceInput(l);
            checkRecurrent(l, hiddenSize, output);
            specs.add(new RecurrentSpec(input, hiddenSize, output, null, null, null));
            current = specs.get(specs.size() - 1).output();
            return this;
        }

        /**
         * Adds a tanh recurrent layer with the given weights (for hand-worked examples).
         *
         * @param inputWeights W_x, {@code hidden x features}; copied
         * @param recurrentWeights W_h, {@code hidden x hidden} (W_h[j][k] connects h_{t-1,k} to z_{t,j}); copied
         * @param biases b, one per hidden value; copied
         * @param output LAST_STEP or EVERY_STEP
         * @return this builder
         */
        public Builder recurrent(double[][] inputWeights, double[][] recurrentWeights, double[] biases,
                                 RecurrentLayer.Output output) {
            int l = specs.size() + 1;
            Shape.Sequence input = sequenceInput(l);
            if (inputWeights == null || inputWeights.length == 0) {
                throw new IllegalArgumentException("layer " + l + " needs input weights W_x with at least one row");
            }
            int hidden = inputWeights.length;
            checkRecurrent(l, hidden, output);
            double[][] wx = deepCopy(inputWeights, "W_x");
            double[][] wh = deepCopy(recurrentWeights == null ? new double[0][] : recurrentWeights, "W_h");
            checkRows(l, "W_x", wx, hidden, input.features(), "one per input feature");
            checkRows(l, "W_h", wh, hidden, hidden, "one per hidden value");
            if (biases == null || biases.length != hidden) {
                throw new IllegalArgumentException("layer " + l + " has " + hidden + " hidden values (rows of W_x) but "
                        + (biases == null ? "no" : String.valueOf(biases.length)) + " biases");
            }
            specs.add(new RecurrentSpec(input, hidden, output, wx, wh, biases.clone()));
            current = specs.get(specs.size() - 1).output();
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
         * Builds the network: checks the settings, then draws the parameters layer by layer from
         * the one generator, each layer's in the order of its {@link Layer#parameters()} (W1 row by
         * row, b1 if its initialiser draws, then W2, ...; K and b for a convolution; Wx, Wh and b
         * for a recurrent layer).
         *
         * @return the network
         * @throws IllegalArgumentException if there are no layers or randomness is needed but no
         *     seed or Random was given
         */
        public Network build() {
            if (specs.isEmpty()) {
                throw new IllegalArgumentException("a network needs at least one layer: call dense(size, activation)");
            }
            boolean needsRandom = specs.stream().anyMatch(Spec::needsRandom);
            if (needsRandom && random == null) {
                throw new IllegalArgumentException(
                        "give a seed(...) or random(...) to initialise the weights: the library never uses a hidden random generator");
            }
            List<Layer> layers = new ArrayList<>();
            for (Spec spec : specs) {
                layers.add(create(layers.size() + 1, spec));
            }
            return new Network(inputShape, layers);
        }

        private Layer create(int l, Spec spec) {
            if (spec instanceof DenseSpec d) {
                DenseLayer layer = new DenseLayer(l, d.input().size(), d.size(), d.activation());
                if (d.weights() != null) {
                    setAll(layer.weights(), d.weights());
                    setAll(layer.biases(), new double[][] {d.biases()});
                } else {
                    weightInit.initialize(layer.weights().valueArray(), d.input().size(), d.size(), random);
                    biasInit.initialize(layer.biases().valueArray(), d.input().size(), d.size(), random);
                }
                return layer;
            }
            if (spec instanceof ConvSpec c) {
                Conv2dLayer layer = new Conv2dLayer(l, c.input(), c.outChannels(), c.kernel(), c.padding(), c.activation());
                int area = c.kernel() * c.kernel();
                if (c.kernels() != null) {
                    for (int o = 0; o < c.outChannels(); o++) {
                        for (int ch = 0; ch < c.input().channels(); ch++) {
                            for (int p = 0; p < c.kernel(); p++) {
                                for (int q = 0; q < c.kernel(); q++) {
                                    layer.kernels().set(o, layer.kernelColumn(ch, p, q), c.kernels()[o][ch][p][q]);
                                }
                            }
                        }
                    }
                    setAll(layer.biases(), new double[][] {c.biases()});
                } else {
                    int fanIn = c.input().channels() * area;
                    int fanOut = c.outChannels() * area;
                    weightInit.initialize(layer.kernels().valueArray(), fanIn, fanOut, random);
                    biasInit.initialize(layer.biases().valueArray(), fanIn, fanOut, random);
                }
                return layer;
            }
            if (spec instanceof PoolSpec p) {
                return new MaxPoolLayer(l, p.input(), p.size());
            }
            if (spec instanceof FlattenSpec f) {
                return new FlattenLayer(l, f.input());
            }
            RecurrentSpec r = (RecurrentSpec) spec;
            RecurrentLayer layer = new RecurrentLayer(l, r.input(), r.hiddenSize(), r.outputKind());
            int hidden = r.hiddenSize();
            int features = r.input().features();
            if (r.inputWeights() != null) {
                setAll(layer.inputWeights(), r.inputWeights());
                setAll(layer.recurrentWeights(), r.recurrentWeights());
                setAll(layer.biases(), new double[][] {r.biases()});
            } else {
                weightInit.initialize(layer.inputWeights().valueArray(), features, hidden, random);
                weightInit.initialize(layer.recurrentWeights().valueArray(), hidden, hidden, random);
                biasInit.initialize(layer.biases().valueArray(), features, hidden, random);
            }
            return layer;
        }

        /** Copies given values (already checked for shape) through {@link Parameter#set}, which rejects NaN and infinities. */
        private static void setAll(Parameter p, double[][] values) {
            for (int r = 0; r < values.length; r++) {
                for (int c = 0; c < values[r].length; c++) {
                    p.set(r, c, values[r][c]);
                }
            }
        }

        private Shape.Vector vectorInput(int l, String what) {
            if (current instanceof Shape.Vector v) {
                return v;
            }
            throw new IllegalArgumentException("layer " + l + " (" + what + ") needs a vector input, but "
                    + source(l) + " gives " + shapeWithArticle(current) + ": add flatten() first");
        }

        private Shape.Image imageInput(int l, String what) {
            if (current instanceof Shape.Image i) {
                return i;
            }
            throw new IllegalArgumentException("layer " + l + " (" + what + ") needs an image input, but "
                    + source(l) + " gives " + shapeWithArticle(current)
                    + (l == 1 ? ": start with Network.builder(Shape.image(channels, height, width)) or call inputShape(...)" : ""));
        }

        private Shape.Sequence sequenceInput(int l) {
            if (current instanceof Shape.Sequence s) {
                return s;
            }
            throw new IllegalArgumentException("layer " + l + " (recurrent) needs a sequence input, but "
                    + source(l) + " gives " + shapeWithArticle(current)
                    + (l == 1 ? ": start with Network.builder(Shape.sequence(steps, features)) or call inputShape(...)" : ""));
        }

        private static String source(int l) {
            return l == 1 ? "the input" : "layer " + (l - 1);
        }

        private static String shapeWithArticle(Shape shape) {
            return (shape instanceof Shape.Image ? "an " : "a ") + shape;
        }

        private static void checkConv(int l, Shape.Image input, int outChannels, int kernel, Padding padding,
                                      Activation activation) {
            if (outChannels <= 0) {
                throw new IllegalArgumentException("layer " + l + " (conv2d) needs at least 1 output channel, got " + outChannels);
            }
            if (kernel <= 0) {
                throw new IllegalArgumentException("layer " + l + " (conv2d) needs a kernel size of at least 1, got " + kernel);
            }
            if (padding == null) {
                throw new IllegalArgumentException("layer " + l + " (conv2d) needs a padding, VALID or SAME, got null");
            }
            if (activation == null) {
                throw new IllegalArgumentException("layer " + l + " (conv2d) needs an activation, got null");
            }
            if (!activation.isElementwise()) {
                throw new IllegalArgumentException("layer " + l + " (conv2d) needs an element-wise activation, got "
                        + activation + " (use it in a dense layer after flatten())");
            }
            if (padding == Padding.VALID && (kernel > input.height() || kernel > input.width())) {
                throw new IllegalArgumentException("layer " + l + " (conv2d): a " + kernel + "x" + kernel
                        + " kernel is larger than the " + input.height() + "x" + input.width() + " input (" + input
                        + "); with VALID padding the kernel must fit inside the image");
            }
        }

        private static void checkRecurrent(int l, int hiddenSize, RecurrentLayer.Output output) {
            if (hiddenSize <= 0) {
                throw new IllegalArgumentException("layer " + l + " (recurrent) needs a hidden size of at least 1, got "
                        + hiddenSize);
            }
            if (output == null) {
                throw new IllegalArgumentException("layer " + l + " (recurrent) needs an output, LAST_STEP or EVERY_STEP, got null");
            }
        }

        private static void checkRows(int l, String name, double[][] m, int rows, int cols, String why) {
            if (m.length != rows) {
                throw new IllegalArgumentException("layer " + l + ": " + name + " has " + m.length + " rows, expected "
                        + rows + " (one per hidden value)");
            }
            for (int j = 0; j < rows; j++) {
                if (m[j].length != cols) {
                    throw new IllegalArgumentException("layer " + l + ": " + name + " row " + j + " has " + m[j].length
                            + " values, expected " + cols + " (" + why + ")");
                }
            }
        }

        private static double[][] deepCopy(double[][] m, String what) {
            double[][] c = new double[m.length][];
            for (int i = 0; i < m.length; i++) {
                if (m[i] == null) {
                    throw new IllegalArgumentException(what + " row " + i + " is null");
                }
                c[i] = m[i].clone();
            }
            return c;
        }
    }
}
