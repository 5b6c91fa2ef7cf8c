package io.github.backprop.nn;

import io.github.backprop.activation.Activation;
import io.github.backprop.math.MatrixKernels;

/**
 * A fully connected layer l: z = W a_prev + b, a = f(z).
 *
 * <p>W is {@code outputSize x inputSize} (W[j][i] connects input i to neuron j) and b has one
 * value per neuron. For a batch, samples are rows, so the same equation reads
 * z = a_prev · Wᵀ + b.
 */
public final class DenseLayer {
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
    public int index() {
        return index;
    }

    /** Number of inputs (neurons in the previous layer). */
    public int inputSize() {
        return inputSize;
    }

    /** Number of neurons. */
    public int outputSize() {
        return outputSize;
    }

    /** The activation f. */
    public Activation activation() {
        return activation;
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
    public void forward(double[] aPrev, int aPrevOffset, int rows, double[] z, double[] a) {
        // z = a_prev · Wᵀ + b
        MatrixKernels.multiplyTransposedB(aPrev, aPrevOffset, rows, inputSize, weights.valueArray(), outputSize, z);
        MatrixKernels.addRowVector(z, rows, outputSize, biases.valueArray());
        // a = f(z)
        activation.forward(z, a, rows, outputSize);
    }

    @Override
    public String toString() {
        return "dense " + inputSize + " -> " + outputSize + " (" + activation + ")";
    }
}
