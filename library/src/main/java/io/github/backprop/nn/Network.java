package io.github.backprop.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 *
 * <p>Threads: a network holds its parameters' values and gradients and nothing else. Predicting,
 * scoring and tracing only read the values (a trace saves and restores the gradients), so any number
 * of threads may do them at once while nobody trains the network. Training writes the values and
 * the gradients: a network is trained by one call at a time ({@code Trainer.fit} refuses a second
 * {@code fit} while one runs), and is not read by others meanwhile. To train one architecture on several
 * threads, give each thread its own network ({@link #copy()}, or another seed).
 */
public final class Network {
    private final Shape inputShape;
    private final List<Layer> layers;
    private final List<Parameter> parameters;

    Network(Shape inputShape, List<Layer> layers) {
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
    public static NetworkBuilder builder(int inputSize) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("a network needs at least 1 input, got " + inputSize);
        }
        return new NetworkBuilder(Shape.vector(inputSize));
    }

    /**
     * Starts a network whose samples have this shape, e.g. {@code Shape.image(1, 8, 8)} for 8x8
     * grey-scale images or {@code Shape.sequence(5, 1)} for sequences of 5 numbers.
     *
     * @param inputShape the shape of one sample
     * @return a builder
     */
    public static NetworkBuilder builder(Shape inputShape) {
        return new NetworkBuilder(java.util.Objects.requireNonNull(inputShape, "input shape"));
    }

    /** Number of inputs (layer 0), the flat size of {@link #inputShape()}. */
    public int inputSize() {
        return inputShape.size();
    }

    /** The shape of one sample (a vector unless the builder was given an image or a sequence). */
    public Shape inputShape() {
        return inputShape;
    }

    /** Number of outputs (entries of a[out]). */
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
     * The network's output a[out] for one sample.
     *
     * @param x one sample's features (length {@link #inputSize()}), not modified
     * @return the output activations
     */
    public double[] predict(double[] x) {
        return predict(new double[][] {x})[0];
    }

    /**
     * The network's outputs a[out] for many samples (one row each).
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

    /**
     * An independent copy with the same architecture and parameter values (gradients are zero): each
     * layer added again to a builder as its {@link Layer#addTo} describes it.
     *
     * @return the copy
     * @throws IllegalArgumentException if a weight or bias is NaN or infinite (a diverged network),
     *     naming it
     */
    public Network copy() {
        NetworkBuilder builder = new NetworkBuilder(inputShape);
        for (Layer layer : layers) {
            layer.addTo(builder);
        }
        return builder.build();
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
}
