package io.github.backprop.nn;

import io.github.backprop.math.Matrix;

/**
 * A trainable parameter (a layer's weights W or biases b) with its gradient dL/dW or dL/db.
 *
 * <p>Values and gradients are stored row-major: weights are {@code fanOut x fanIn}, so W[j][i]
 * connects input i to neuron j (the textbook's w_ji); biases are {@code 1 x fanOut}. A convolution's
 * kernels K are {@code outChannels x (inChannels * k * k)}, row o holding K[o][c][p][q] in
 * [c][p][q] order. Optimisers see
 * only parameters: backpropagation writes {@link #gradientArray()}, an optimiser reads it and
 * updates {@link #valueArray()} in place. Both arrays are live and unsynchronised: see
 * {@link Network} for which threads may read and write them.
 */
public final class Parameter {

    /** Whether a parameter holds weights or biases. */
    public enum Kind {
        /** A weight matrix: W of a dense layer, the kernels K of a convolution, Wx or Wh of a recurrent layer. */
        WEIGHTS,
        /** The bias vector b of a layer. */
        BIASES
    }

    private final Kind kind;
    private final String symbol;
    private final int layer;
    private final int rows;
    private final int cols;
    private final double[] value;
    private final double[] gradient;

    Parameter(Kind kind, int layer, int rows, int cols) {
        this(kind, kind == Kind.WEIGHTS ? "W" : "b", layer, rows, cols);
    }

    Parameter(Kind kind, String symbol, int layer, int rows, int cols) {
        this.kind = kind;
        this.symbol = symbol;
        this.layer = layer;
        this.rows = rows;
        this.cols = cols;
        this.value = new double[rows * cols];
        this.gradient = new double[rows * cols];
    }

    /** WEIGHTS or BIASES. */
    public Kind kind() {
        return kind;
    }

    /** The layer this parameter belongs to, counted from 1 (layer 0 is the input). */
    public int layer() {
        return layer;
    }

    /**
     * The notebook name: the symbol followed by the layer number, {@code W1}, {@code b1},
     * {@code W2}, ...; {@code K1} for a convolution's kernels, {@code Wx1} and {@code Wh1} for a
     * recurrent layer's input and recurrent weights.
     */
    public String name() {
        return symbol + layer;
    }

    /** The symbol without the layer number: {@code W}, {@code b}, {@code K}, {@code Wx} or {@code Wh}. */
    public String symbol() {
        return symbol;
    }

    /**
     * Rows: the layer's output size for dense weights, the output channels for kernels, the
     * hidden size for recurrent weights, 1 for biases.
     */
    public int rows() {
        return rows;
    }

    /**
     * Columns: the layer's input size for dense weights, in-channels x kernel x kernel for
     * kernels, the features (Wx) or hidden size (Wh) for recurrent weights, the number of biases
     * for biases.
     */
    public int cols() {
        return cols;
    }

    /** Number of values, rows * cols. */
    public int size() {
        return value.length;
    }

    /** The value at row {@code r}, column {@code c}. */
    public double value(int r, int c) {
        return value[index(r, c)];
    }

    /**
     * Sets one value (for hand-worked examples and the gradient check).
     *
     * @param r row
     * @param c column
     * @param v the new value; must be finite
     */
    public void set(int r, int c, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name() + "[" + r + "][" + c + "] must be finite, got " + v);
        }
        value[index(r, c)] = v;
    }

    /** The gradient dL/d(this value) at row {@code r}, column {@code c}, from the last backward pass. */
    public double gradient(int r, int c) {
        return gradient[index(r, c)];
    }

    /** A copy of the values as a matrix. */
    public Matrix values() {
        return Matrix.copyOf(rows, cols, value, 0);
    }

    /** A copy of the gradients as a matrix. */
    public Matrix gradients() {
        return Matrix.copyOf(rows, cols, gradient, 0);
    }

    /**
     * The live array of values, row-major. Optimisers and loaders modify it in place; everyone else
     * should read {@link #values()}.
     */
    public double[] valueArray() {
        return value;
    }

    /**
     * The live array of gradients, row-major. Backpropagation overwrites it; optimisers may add
     * weight decay to it.
     */
    public double[] gradientArray() {
        return gradient;
    }

    private int index(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException(
                    "(" + r + ", " + c + ") is outside " + name() + ", which is " + rows + "x" + cols);
        }
        return r * cols + c;
    }

    @Override
    public String toString() {
        return name() + " " + values();
    }
}
