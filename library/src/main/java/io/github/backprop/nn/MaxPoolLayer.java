package io.github.backprop.nn;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;

import java.util.Arrays;
import java.util.List;

/**
 * Max pooling: each channel is cut into non-overlapping s x s windows (stride s), and each window
 * passes on its largest value:
 * <pre>
 *   z[c][i][j] = max_{p,q} a_prev[c][i*s+p][j*s+q],   a = z   (f is the identity)
 * </pre>
 * The window must divide the image's height and width, unless the layer was built with
 * {@link Leftover#DROP}: then rows and columns left over at the bottom and right are not used.
 * There are no parameters. On the way back the whole delta of a window goes to the input
 * that won it (the first one, in row-major order, on a tie), and every other input gets 0:
 * only the winner changed the output.
 *
 * <p>The winners are found again from a_prev when backpropagating instead of being remembered
 * from the forward pass, so the layer keeps no state and one network can serve several
 * workspaces. Layouts: a_prev is [c][y][x], z, a and delta are [c][i][j].
 */
public final class MaxPoolLayer implements Layer {
    /** What happens to rows and columns that no window covers, when s does not divide the image. */
    public enum Leftover {
        /** None allowed: the window must divide the height and the width (the default). */
        REFUSE,
        /** They are dropped: the last rows and columns of an image are not used. */
        DROP
    }

    private final int index;
    private final Shape.Image input;
    private final Shape.Image output;
    private final int size;
    private final Leftover leftover;

    MaxPoolLayer(int index, Shape.Image input, int size, Leftover leftover) {
        this.index = index;
        this.input = input;
        this.size = size;
        this.leftover = leftover;
        this.output = Shape.image(input.channels(), input.height() / size, input.width() / size);
    }

    @Override
    public int index() {
        return index;
    }

    @Override
    public Shape.Image inputShape() {
        return input;
    }

    /** channels x (height / s) x (width / s), rounded down. */
    @Override
    public Shape.Image outputShape() {
        return output;
    }

    /** The window size s (windows are s x s, with stride s). */
    public int size() {
        return size;
    }

    /** REFUSE, or DROP if rows and columns that no window covers are dropped. */
    public Leftover leftover() {
        return leftover;
    }

    /** The identity: pooling has no activation of its own. */
    @Override
    public Activation activation() {
        return Activations.identity();
    }

    /** None. */
    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    /** Describes this layer as {@code maxPool(size, leftover)}. */
    @Override
    public void addTo(LayerSink sink) {
        sink.maxPool(size, leftover);
    }

    @Override
    public void forward(double[] aPrev, int aPrevOffset, int rows, double[] z, double[] a) {
        for (int n = 0; n < rows; n++) {
            int in = aPrevOffset + n * input.size();
            int out = n * output.size();
            for (int c = 0; c < output.channels(); c++) {
                for (int i = 0; i < output.height(); i++) {
                    for (int j = 0; j < output.width(); j++) {
                        int o = out + output.index(c, i, j);
                        // z[c][i][j] = max_{p,q} a_prev[c][i*s+p][j*s+q]
                        z[o] = aPrev[in + winner(aPrev, in, c, i, j)];
                        // a = z
                        a[o] = z[o];
                    }
                }
            }
        }
    }

    /** dL/da_prev: each window's delta goes to the input that won it, the others get 0. */
    @Override
    public void backpropagate(double[] delta, double[] aPrev, int aPrevOffset, int rows, double[] sum) {
        Arrays.fill(sum, 0, rows * input.size(), 0.0);
        for (int n = 0; n < rows; n++) {
            int in = aPrevOffset + n * input.size();
            for (int c = 0; c < output.channels(); c++) {
                for (int i = 0; i < output.height(); i++) {
                    for (int j = 0; j < output.width(); j++) {
                        // sum[c][y][x] = delta[c][i][j] if a_prev[c][y][x] is the max of its window, else 0
                        sum[n * input.size() + winner(aPrev, in, c, i, j)] = delta[n * output.size() + output.index(c, i, j)];
                    }
                }
            }
        }
    }

    /** Nothing to do: no parameters. */
    @Override
    public void gradients(double[] aPrev, int aPrevOffset, double[] z, double[] delta, int rows) {
        // no parameters, no gradients
    }

    /**
     * Index, within one sample's input, of the largest value in window (i, j) of channel c (the
     * first one in row-major order on a tie).
     */
    private int winner(double[] aPrev, int sampleOffset, int c, int i, int j) {
        int best = input.index(c, i * size, j * size);
        for (int p = 0; p < size; p++) {
            for (int q = 0; q < size; q++) {
                int at = input.index(c, i * size + p, j * size + q);
                if (aPrev[sampleOffset + at] > aPrev[sampleOffset + best]) {
                    best = at;
                }
            }
        }
        return best;
    }

    /** e.g. {@code max pool 2x2, image 4x8x8 -> image 4x4x4}, with "leftover dropped" after the window if so. */
    @Override
    public String toString() {
        return "max pool " + size + "x" + size + (leftover == Leftover.DROP ? " (leftover dropped)" : "") + ", "
                + input + " -> " + output;
    }
}
