package io.github.backprop.nn;

import io.github.backprop.activation.Activation;

/**
 * Receives layers as the builder calls that make them, with their parameter values: a
 * {@link NetworkBuilder} adds them to a network, a model file writes them down. Every layer describes
 * itself to one ({@link Layer#addTo}), so no code has to ask which type a layer is.
 */
public interface LayerSink {

    /**
     * A fully connected layer with these weights and biases.
     *
     * @param weights W, {@code size x inputs} (W[j][i] connects input i to neuron j)
     * @param biases b, one per neuron
     * @param activation the activation f
     * @return this sink
     */
    LayerSink dense(double[][] weights, double[] biases, Activation activation);

    /**
     * A 2-D convolution (stride 1) with these kernels and biases.
     *
     * @param kernels K[o][c][p][q]: out-channels x in-channels x k x k
     * @param biases b, one per output channel
     * @param padding VALID or SAME
     * @param activation an element-wise activation f
     * @return this sink
     */
    LayerSink conv2d(double[][][][] kernels, double[] biases, Padding padding, Activation activation);

    /**
     * Max pooling over non-overlapping {@code size x size} windows.
     *
     * @param size the window size
     * @param leftover REFUSE (the window divides the image), or DROP (rows and columns no window covers are dropped)
     * @return this sink
     */
    LayerSink maxPool(int size, MaxPoolLayer.Leftover leftover);

    /**
     * The previous layer's image or sequence read as a vector.
     *
     * @return this sink
     */
    LayerSink flatten();

    /**
     * A tanh recurrent layer with these weights.
     *
     * @param inputWeights W_x, {@code hidden x features}
     * @param recurrentWeights W_h, {@code hidden x hidden}
     * @param biases b, one per hidden value
     * @param output LAST_STEP or EVERY_STEP
     * @return this sink
     */
    LayerSink recurrent(double[][] inputWeights, double[][] recurrentWeights, double[] biases,
                        RecurrentLayer.Output output);
}
