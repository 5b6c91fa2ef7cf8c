package io.github.backprop.nn;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;

import java.util.List;

/**
 * Reads an image (or a sequence) as a plain vector, so that dense layers can follow a
 * convolution. Nothing is computed: samples are already stored flat ([channel][row][col] for an
 * image, [step][feature] for a sequence), so a = z = a_prev and, on the way back,
 * dL/da_prev = delta, value for value. The layer exists to make the change of shape visible.
 */
public final class FlattenLayer implements Layer {
    private final int index;
    private final Shape input;
    private final Shape.Vector output;

    FlattenLayer(int index, Shape input) {
        this.index = index;
        this.input = input;
        this.output = Shape.vector(input.size());
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    /** A vector with as many values as the input. */
    @Override
    public Shape.Vector outputShape() {
        return output;
    }

    /** The identity. */
    @Override
    public Activation activation() {
        return Activations.identity();
    }

    /** None. */
    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    /** Describes this layer as {@code flatten()}. */
    @Override
    public void addTo(LayerSink sink) {
        sink.flatten();
    }

    @Override
    public void forward(double[] aPrev, int aPrevOffset, int rows, double[] z, double[] a) {
        int n = rows * output.size();
        // z = a_prev   (the same values, now read as one vector per sample)
        System.arraycopy(aPrev, aPrevOffset, z, 0, n);
        // a = z
        System.arraycopy(z, 0, a, 0, n);
    }

    @Override
    public void backpropagate(double[] delta, double[] aPrev, int aPrevOffset, int rows, double[] sum) {
        // dL/da_prev = delta   (value for value)
        System.arraycopy(delta, 0, sum, 0, rows * output.size());
    }

    /** Nothing to do: no parameters. */
    @Override
    public void gradients(double[] aPrev, int aPrevOffset, double[] z, double[] delta, int rows) {
        // no parameters, no gradients
    }

    /** e.g. {@code flatten, image 4x4x4 -> vector 64}. */
    @Override
    public String toString() {
        return "flatten, " + input + " -> " + output;
    }
}
