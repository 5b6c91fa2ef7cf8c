package io.github.backprop.nn;

import io.github.backprop.activation.Activation;
import io.github.backprop.gradient.ParameterGradients;
import io.github.backprop.math.MatrixKernels;

import java.util.List;

/**
 * A fully connected layer l: z = W a_prev + b, a = f(z).
 *
 * <p>W is {@code outputSize x inputSize} (W[j][i] connects input i to neuron j) and b has one
 * value per neuron. For a batch, samples are rows, so the same equation reads
 * z = a_prev · Wᵀ + b.
 */
public final class DenseLayer implements Layer {
    private final int index;
    private final int inputSize;
    private final int outputSize;
    private final Activation activation;
    private final Parameter weights;
    private final Parameter biases;

    DenseLayer(int index, int inputSize, int outputSize, Activation activation) {
        this.index = index;
        this.inputSize = inputSize;
        this.outputSize = outputSize;
        this.activation = activation;
        this.weights = new Parameter(Parameter.Kind.WEIGHTS, index, outputSize, inputSize);
        this.biases = new Parameter(Parameter.Kind.BIASES, index, 1, outputSize);
    }

    /** This layer's number l, counted from 1 (the input is layer 0). */
    @Override
    public int index() {
        return index;
    }

    /** Number of inputs (neurons in the previous layer). */
    @Override
    public int inputSize() {
        return inputSize;
    }

    /** Number of neurons. */
    @Override
    public int outputSize() {
        return outputSize;
    }

    /** A vector of {@link #inputSize()} values. */
    @Override
    public Shape inputShape() {
        return Shape.vector(inputSize);
    }

    /** A vector of {@link #outputSize()} values. */
    @Override
    public Shape outputShape() {
        return Shape.vector(outputSize);
    }

    /** The activation f. */
    @Override
    public Activation activation() {
        return activation;
    }

    /** [W, b]. */
    @Override
    public List<Parameter> parameters() {
        return List.of(weights, biases);
    }

    /** The weights W ({@code outputSize x inputSize}) and their gradient dW. */
    public Parameter weights() {
        return weights;
    }

    /** The biases b ({@code outputSize}) and their gradient db. */
    public Parameter biases() {
        return biases;
    }

    /**
     * The forward pass through this layer for a batch. Writes z and a; reads a_prev.
     *
     * @param aPrev the previous layer's activations (rows x inputSize), from {@code aPrevOffset}
     * @param aPrevOffset index of the first input value
     * @param rows samples in the batch
     * @param z weighted inputs (rows x outputSize), overwritten
     * @param a activations (rows x outputSize), overwritten
     */
    @Override
    public void forward(double[] aPrev, int aPrevOffset, int rows, double[] z, double[] a) {
        // z = a_prev · Wᵀ + b
        MatrixKernels.multiplyTransposedB(aPrev, aPrevOffset, rows, inputSize, weights.valueArray(), outputSize, z);
        MatrixKernels.addRowVector(z, rows, outputSize, biases.valueArray());
        // a = f(z)
        activation.forward(z, a, rows, outputSize);
    }

    /**
     * The sum for the previous layer's neurons j: sum_j = sum_k w_kj * delta_k, where k runs over
     * this layer's neurons. For a batch, all sums at once: delta · W.
     */
    @Override
    public void backpropagate(double[] delta, double[] aPrev, int aPrevOffset, int rows, double[] sum) {
        // sum_j = sum_k w_kj * delta_k   (all samples at once: delta · W)
        MatrixKernels.multiply(delta, rows, outputSize, weights.valueArray(), inputSize, sum);
    }

    /** dW = delta a_prevᵀ and db = delta, averaged over the batch ({@link ParameterGradients}). */
    @Override
    public void gradients(double[] aPrev, int aPrevOffset, double[] z, double[] delta, int rows) {
        // dW = (1/B) sum_n delta_n a_prev,nᵀ
        ParameterGradients.weights(delta, aPrev, aPrevOffset, rows, outputSize, inputSize, weights.gradientArray());
        // db = (1/B) sum_n delta_n
        ParameterGradients.biases(delta, rows, outputSize, biases.gradientArray());
    }

    @Override
    public String toString() {
        return "dense " + inputSize + " -> " + outputSize + " (" + activation + ")";
    }
}
