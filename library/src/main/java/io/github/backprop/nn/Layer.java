package io.github.backprop.nn;

import io.github.backprop.activation.Activation;

import java.util.List;

/**
 * One layer l of a network: what it computes forward, and the three things backpropagation asks
 * of it on the way back.
 *
 * <p>Every layer turns a_prev (the previous layer's activations, a_0 = x) into z and a = f(z).
 * Backpropagation then needs, for each layer, from the output down:
 * <ol>
 *   <li>its own delta = dL/dz from the gradient dL/da that arrives from above
 *       ({@link #delta}; usually delta = dL/da * f'(z));</li>
 *   <li>the sum it passes down to the previous layer, dL/da_prev ({@link #backpropagate}); for a
 *       dense layer this is the textbook's sum_j = sum_k w_kj * delta_k, i.e. delta · W;</li>
 *   <li>the gradients of its own parameters ({@link #gradients}), averaged over the batch.</li>
 * </ol>
 * The hidden-layer equation delta_j = f'(z_j) * sum_k w_kj * delta_k is step 2 of the next layer
 * followed by step 1 of this one.
 *
 * <p>Samples travel as flat row-major vectors, one row per sample; {@link #inputShape()} and
 * {@link #outputShape()} say how a layer reads and writes them (see {@link Shape}). All array
 * arguments hold {@code rows} samples one after the other; each method says which arrays it
 * overwrites, and reads the rest. Layers keep no state between calls, so one network can be used
 * by several workspaces.
 *
 * <p>The layer types are {@link DenseLayer}, {@link Conv2dLayer}, {@link MaxPoolLayer},
 * {@link FlattenLayer} and {@link RecurrentLayer}; build them with {@link Network#builder}.
 */
public sealed interface Layer permits DenseLayer, Conv2dLayer, MaxPoolLayer, FlattenLayer, RecurrentLayer {

    /** This layer's number l, counted from 1 (the input is layer 0). */
    int index();

    /** How this layer reads one sample of a_prev. */
    Shape inputShape();

    /** How this layer writes one sample of a. */
    Shape outputShape();

    /**
     * The shape of one sample's z, f'(z) and delta: the output shape, except for a recurrent
     * layer, which keeps z and delta for every time step.
     */
    default Shape zShape() {
        return outputShape();
    }

    /** Values per sample of a_prev (the flat size of {@link #inputShape()}). */
    default int inputSize() {
        return inputShape().size();
    }

    /** Values per sample of a (the flat size of {@link #outputShape()}). */
    default int outputSize() {
        return outputShape().size();
    }

    /** The activation f (identity for max pooling and flatten). */
    Activation activation();

    /** This layer's parameters in a fixed order, e.g. [W, b]; empty for layers without any. */
    List<Parameter> parameters();

    /**
     * Describes this layer to {@code sink} as the builder call that makes it, with copies of its
     * current parameter values: {@link NetworkBuilder} adds it again ({@link Network#copy()}), a model
     * file writes it down.
     *
     * @param sink what receives the layer
     */
    void addTo(LayerSink sink);

    /**
     * The forward pass for a batch: reads a_prev, writes z and a.
     *
     * @param aPrev the previous layer's activations (rows x inputSize), from {@code aPrevOffset}
     * @param aPrevOffset index of the first input value
     * @param rows samples in the batch
     * @param z weighted inputs (rows x zShape size), overwritten
     * @param a activations (rows x outputSize), overwritten
     */
    void forward(double[] aPrev, int aPrevOffset, int rows, double[] z, double[] a);

    /**
     * This layer's delta = dL/dz from dL/da, the gradient arriving from the layer above (or from
     * the loss). The default is the chain rule through f, entry by entry:
     * delta = dL/da * f'(z); a recurrent layer adds the contribution of later time steps.
     *
     * @param z this layer's z (rows x zShape size), read
     * @param a this layer's a (rows x outputSize), read
     * @param upstream dL/da (rows x outputSize), read
     * @param delta dL/dz (rows x zShape size), overwritten
     * @param rows samples in the batch
     */
    default void delta(double[] z, double[] a, double[] upstream, double[] delta, int rows) {
        // through f, entry by entry (Activation.backward)
        activation().backward(z, a, upstream, delta, rows, outputSize());
    }

    /**
     * The sum passed down to the previous layer: dL/da_prev, one value per input of this layer.
     * For a dense layer, sum_j = sum_k w_kj * delta_k (all samples at once: delta · W).
     *
     * @param delta this layer's delta (rows x zShape size), read
     * @param aPrev the previous layer's activations (rows x inputSize), read from {@code aPrevOffset}
     * @param aPrevOffset index of the first input value
     * @param rows samples in the batch
     * @param sum dL/da_prev (rows x inputSize), overwritten
     */
    void backpropagate(double[] delta, double[] aPrev, int aPrevOffset, int rows, double[] sum);

    /**
     * Writes the gradient of every parameter ({@link Parameter#gradientArray()}), averaged over
     * the batch because the batch loss is the mean of the samples' losses. Does nothing for
     * layers without parameters.
     *
     * @param aPrev the previous layer's activations (rows x inputSize), read from {@code aPrevOffset}
     * @param aPrevOffset index of the first input value
     * @param z this layer's z (rows x zShape size), read
     * @param delta this layer's delta (rows x zShape size), read
     * @param rows samples in the batch
     */
    void gradients(double[] aPrev, int aPrevOffset, double[] z, double[] delta, int rows);
}
