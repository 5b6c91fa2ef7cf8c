package io.github.backprop.nn;

import io.github.backprop.activation.Activation;
import io.github.backprop.init.Initializer;
import io.github.backprop.init.Initializers;
import io.github.backprop.random.SplitMix64;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Collects the layers, the initialisers and the source of randomness of a {@link Network}; start
 * one with {@link Network#builder(int)} or {@link Network#builder(Shape)}. Each layer is checked
 * against the shape the layer before it produces when it is added, so a mistake is reported at the
 * call that made it. Required: at least one layer, and a seed or {@link Random} unless every layer
 * with parameters is given its values.
 *
 * <p>A builder is filled and built on one thread (its generator is advanced by {@link #build()});
 * each network it builds is independent of the others.
 *
 * <p>(Over 300 lines because it is all public API: one documented method per layer type, drawn or
 * given, and per setting. The checks are in {@code BuilderChecks}, the layers to build in
 * {@code LayerSpec}.)
 */
public final class NetworkBuilder implements LayerSink {
    private Shape inputShape;
    private Shape current;
    private final List<LayerSpec> specs = new ArrayList<>();
    private Initializer weightInit = Initializers.uniformFanIn();
    private Initializer biasInit = Initializers.zeros();
    private Random random;

    NetworkBuilder(Shape inputShape) {
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
    public NetworkBuilder inputShape(Shape shape) {
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
    public NetworkBuilder dense(int size, Activation activation) {
        int l = specs.size() + 1;
        if (size <= 0) {
            throw new IllegalArgumentException("layer " + l + " needs at least 1 neuron, got " + size);
        }
        if (activation == null) {
            throw new IllegalArgumentException("layer " + l + " needs an activation, got null");
        }
        BuilderChecks.checkSoftmaxSize(l, size, activation);
        specs.add(new LayerSpec.Dense(BuilderChecks.vectorInput(current, l, "dense"), size, activation, null, null));
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
    @Override
    public NetworkBuilder dense(double[][] weights, double[] biases, Activation activation) {
        int l = specs.size() + 1;
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("layer " + l + " needs a weight matrix with at least one row");
        }
        if (biases == null || biases.length != weights.length) {
            throw new IllegalArgumentException("layer " + l + " has " + weights.length + " neurons (rows of W) but "
                    + (biases == null ? "no" : String.valueOf(biases.length)) + " biases");
        }
        Shape.Vector input = BuilderChecks.vectorInput(current, l, "dense");
        if (activation == null) {
            throw new IllegalArgumentException("layer " + l + " needs an activation, got null");
        }
        BuilderChecks.checkSoftmaxSize(l, weights.length, activation);
        double[][] w = BuilderChecks.deepCopy(weights, "weight");
        for (int j = 0; j < w.length; j++) {
            if (w[j].length != input.size()) {
                throw new IllegalArgumentException("layer " + l + ": W row " + j + " has " + w[j].length
                        + " weights, expected " + input.size() + " (one per input)");
            }
        }
        specs.add(new LayerSpec.Dense(input, weights.length, activation, w, biases.clone()));
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
    public NetworkBuilder conv2d(int outChannels, int kernel, Padding padding, Activation activation) {
        int l = specs.size() + 1;
        Shape.Image input = BuilderChecks.imageInput(current, l, "conv2d");
        BuilderChecks.checkConv(l, input, outChannels, kernel, padding, activation);
        specs.add(new LayerSpec.Conv(input, outChannels, kernel, padding, activation, null, null));
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
    @Override
    public NetworkBuilder conv2d(double[][][][] kernels, double[] biases, Padding padding, Activation activation) {
        int l = specs.size() + 1;
        Shape.Image input = BuilderChecks.imageInput(current, l, "conv2d");
        if (kernels == null || kernels.length == 0 || kernels[0] == null || kernels[0].length == 0
                || kernels[0][0] == null) {
            throw new IllegalArgumentException("layer " + l + " needs kernels K[o][c][p][q] with at least one output channel");
        }
        int k = kernels[0][0].length;
        BuilderChecks.checkConv(l, input, kernels.length, k, padding, activation);
        if (biases == null || biases.length != kernels.length) {
            throw new IllegalArgumentException("layer " + l + " has " + kernels.length + " kernels (output channels) but "
                    + (biases == null ? "no" : String.valueOf(biases.length)) + " biases");
        }
        double[][][][] copy = BuilderChecks.copyKernels(l, input, kernels, k);
        specs.add(new LayerSpec.Conv(input, kernels.length, k, padding, activation, copy, biases.clone()));
        current = specs.get(specs.size() - 1).output();
        return this;
    }

    /**
     * Adds max pooling over non-overlapping {@code size x size} windows (stride {@code size}). The
     * window must divide the image's height and width, so that every value is in a window; to drop
     * the rows and columns left over instead, use {@link #maxPool(int, MaxPoolLayer.Leftover)}.
     *
     * @param size the window size s, which divides the image's height and width
     * @return this builder
     * @throws IllegalArgumentException if the input is not an image or the window does not divide it
     */
    public NetworkBuilder maxPool(int size) {
        return maxPool(size, MaxPoolLayer.Leftover.REFUSE);
    }

    /**
     * Adds max pooling over non-overlapping {@code size x size} windows (stride {@code size}), saying
     * what happens to rows and columns that no window covers when the window does not divide the
     * image: REFUSE them (as {@link #maxPool(int)} does) or DROP them (a 5x5 image pooled 2x2 gives
     * 2x2, and its last row and column are not used).
     *
     * @param size the window size s, from 1 to the image's height and width
     * @param leftover REFUSE or DROP
     * @return this builder
     * @throws IllegalArgumentException if the input is not an image, the window does not fit, or it
     *     does not divide the image and {@code leftover} is REFUSE
     */
    @Override
    public NetworkBuilder maxPool(int size, MaxPoolLayer.Leftover leftover) {
        int l = specs.size() + 1;
        Shape.Image input = BuilderChecks.imageInput(current, l, "maxPool");
        BuilderChecks.checkPool(l, input, size, leftover);
        specs.add(new LayerSpec.Pool(input, size, leftover));
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
    @Override
    public NetworkBuilder flatten() {
        int l = specs.size() + 1;
        if (current instanceof Shape.Vector) {
            throw new IllegalArgumentException("layer " + l + " (flatten): the input is already a " + current
                    + "; flatten() follows an image or a sequence");
        }
        specs.add(new LayerSpec.Flatten(current));
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
    public NetworkBuilder recurrent(int hiddenSize) {
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
    public NetworkBuilder recurrent(int hiddenSize, RecurrentLayer.Output output) {
        int l = specs.size() + 1;
        Shape.Sequence input = BuilderChecks.sequenceInput(current, l);
        BuilderChecks.checkRecurrent(l, hiddenSize, output);
        specs.add(new LayerSpec.Recurrent(input, hiddenSize, output, null, null, null));
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
    @Override
    public NetworkBuilder recurrent(double[][] inputWeights, double[][] recurrentWeights, double[] biases,
                                    RecurrentLayer.Output output) {
        int l = specs.size() + 1;
        Shape.Sequence input = BuilderChecks.sequenceInput(current, l);
        if (inputWeights == null || inputWeights.length == 0) {
            throw new IllegalArgumentException("layer " + l + " needs input weights W_x with at least one row");
        }
        int hidden = inputWeights.length;
        BuilderChecks.checkRecurrent(l, hidden, output);
        double[][] wx = BuilderChecks.deepCopy(inputWeights, "W_x");
        double[][] wh = BuilderChecks.deepCopy(recurrentWeights == null ? new double[0][] : recurrentWeights, "W_h");
        BuilderChecks.checkRows(l, "W_x", wx, hidden, input.features(), "one per input feature");
        BuilderChecks.checkRows(l, "W_h", wh, hidden, hidden, "one per hidden value");
        if (biases == null || biases.length != hidden) {
            throw new IllegalArgumentException("layer " + l + " has " + hidden + " hidden values (rows of W_x) but "
                    + (biases == null ? "no" : String.valueOf(biases.length)) + " biases");
        }
        specs.add(new LayerSpec.Recurrent(input, hidden, output, wx, wh, biases.clone()));
        current = specs.get(specs.size() - 1).output();
        return this;
    }

    /**
     * How weights start (default {@link Initializers#uniformFanIn()}).
     *
     * @param initializer the weight initialiser
     * @return this builder
     */
    public NetworkBuilder weightInitializer(Initializer initializer) {
        this.weightInit = java.util.Objects.requireNonNull(initializer, "weight initializer");
        return this;
    }

    /**
     * How biases start (default zeros).
     *
     * @param initializer the bias initialiser
     * @return this builder
     */
    public NetworkBuilder biasInitializer(Initializer initializer) {
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
    public NetworkBuilder seed(long seed) {
        this.random = new SplitMix64(seed);
        return this;
    }

    /**
     * Draws initial values from this generator (which is advanced).
     *
     * @param random the generator
     * @return this builder
     */
    public NetworkBuilder random(Random random) {
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
        boolean needsRandom = specs.stream().anyMatch(LayerSpec::needsRandom);
        if (needsRandom && random == null) {
            throw new IllegalArgumentException(
                    "give a seed(...) or random(...) to initialise the weights: the library never uses a hidden random generator");
        }
        List<Layer> layers = new ArrayList<>();
        for (LayerSpec spec : specs) {
            layers.add(spec.create(layers.size() + 1, weightInit, biasInit, random));
        }
        return new Network(inputShape, layers);
    }
}
