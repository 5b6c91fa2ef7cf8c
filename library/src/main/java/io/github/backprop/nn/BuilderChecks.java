package io.github.backprop.nn;

import io.github.backprop.activation.Activation;
import io.github.backprop.activation.Activations;

/** The {@link NetworkBuilder}'s checks of what it is given: each names the layer and the problem. */
final class BuilderChecks {
    private BuilderChecks() {
    }

    /** The current shape as a vector, or an error naming layer l and what it gets instead. */
    static Shape.Vector vectorInput(Shape current, int l, String what) {
        if (current instanceof Shape.Vector v) {
            return v;
        }
        throw new IllegalArgumentException("layer " + l + " (" + what + ") needs a vector input, but "
                + source(l) + " gives " + shapeWithArticle(current) + ": add flatten() first");
    }

    /** The current shape as an image, or an error naming layer l and what it gets instead. */
    static Shape.Image imageInput(Shape current, int l, String what) {
        if (current instanceof Shape.Image i) {
            return i;
        }
        throw new IllegalArgumentException("layer " + l + " (" + what + ") needs an image input, but "
                + source(l) + " gives " + shapeWithArticle(current)
                + (l == 1 ? ": start with Network.builder(Shape.image(channels, height, width)) or call inputShape(...)" : ""));
    }

    /** The current shape as a sequence, or an error naming layer l and what it gets instead. */
    static Shape.Sequence sequenceInput(Shape current, int l) {
        if (current instanceof Shape.Sequence s) {
            return s;
        }
        throw new IllegalArgumentException("layer " + l + " (recurrent) needs a sequence input, but "
                + source(l) + " gives " + shapeWithArticle(current)
                + (l == 1 ? ": start with Network.builder(Shape.sequence(steps, features)) or call inputShape(...)" : ""));
    }

    /** "the input" for layer 1, else "layer l-1": where layer l's input comes from. */
    static String source(int l) {
        return l == 1 ? "the input" : "layer " + (l - 1);
    }

    /** "a vector 4", "an image 1x8x8": a shape for a sentence. */
    static String shapeWithArticle(Shape shape) {
        return (shape instanceof Shape.Image ? "an " : "a ") + shape;
    }

    /** A convolution's settings: positive sizes, a padding, an element-wise activation, a kernel that fits. */
    static void checkConv(int l, Shape.Image input, int outChannels, int kernel, Padding padding,
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

    /**
     * A dense layer's activation against its size: softmax over one neuron outputs e^z / e^z = 1
     * whatever z is, so such a layer can learn nothing.
     */
    static void checkSoftmaxSize(int l, int size, Activation activation) {
        if (size == 1 && activation == Activations.softmax()) {
            throw new IllegalArgumentException("layer " + l + " (dense): softmax over 1 neuron always outputs 1"
                    + " (a = e^z / e^z), whatever the weights, so it cannot learn; for two classes use"
                    + " dense(1, Activations.sigmoid()) with Losses.binaryCrossEntropy(), or dense(2, Activations.softmax())");
        }
    }

    /** A pooling window: at least 1, no larger than the image, and dividing it unless leftovers are dropped. */
    static void checkPool(int l, Shape.Image input, int size, MaxPoolLayer.Leftover leftover) {
        if (size <= 0) {
            throw new IllegalArgumentException("layer " + l + " (maxPool) needs a window size of at least 1, got " + size);
        }
        if (leftover == null) {
            throw new IllegalArgumentException("layer " + l + " (maxPool) needs a leftover rule, REFUSE or DROP, got null");
        }
        if (size > input.height() || size > input.width()) {
            throw new IllegalArgumentException("layer " + l + " (maxPool): a " + size + "x" + size
                    + " window does not fit the " + input.height() + "x" + input.width() + " input (" + input + ")");
        }
        int rows = input.height() % size;
        int cols = input.width() % size;
        if (leftover == MaxPoolLayer.Leftover.REFUSE && (rows != 0 || cols != 0)) {
            throw new IllegalArgumentException("layer " + l + " (maxPool): a " + size + "x" + size
                    + " window does not divide the " + input.height() + "x" + input.width() + " input (" + input
                    + "), so " + leftovers(rows, "row", "bottom") + (rows != 0 && cols != 0 ? " and " : "")
                    + leftovers(cols, "column", "right") + " would never be looked at; choose a window that divides"
                    + " the image, or call maxPool(" + size + ", MaxPoolLayer.Leftover.DROP) to drop them");
        }
    }

    /** "1 row at the bottom", "2 columns at the right", or "" for none. */
    private static String leftovers(int count, String what, String where) {
        return count == 0 ? "" : count + " " + what + (count == 1 ? "" : "s") + " at the " + where;
    }

    /** A recurrent layer's settings: a positive hidden size and an output. */
    static void checkRecurrent(int l, int hiddenSize, RecurrentLayer.Output output) {
        if (hiddenSize <= 0) {
            throw new IllegalArgumentException("layer " + l + " (recurrent) needs a hidden size of at least 1, got "
                    + hiddenSize);
        }
        if (output == null) {
            throw new IllegalArgumentException("layer " + l + " (recurrent) needs an output, LAST_STEP or EVERY_STEP, got null");
        }
    }

    /** A given matrix's shape: {@code rows} rows of {@code cols} values each. */
    static void checkRows(int l, String name, double[][] m, int rows, int cols, String why) {
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

    /** A copy of every row of a given matrix (none may be null). */
    static double[][] deepCopy(double[][] m, String what) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            if (m[i] == null) {
                throw new IllegalArgumentException(what + " row " + i + " is null");
            }
            c[i] = m[i].clone();
        }
        return c;
    }

    /** A copy of given kernels K[o][c][p][q], each checked to have one k x k grid per input channel. */
    static double[][][][] copyKernels(int l, Shape.Image input, double[][][][] kernels, int k) {
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
        return copy;
    }
}
