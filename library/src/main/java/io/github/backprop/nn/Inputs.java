package io.github.backprop.nn;

/**
 * Argument checks shared by every public entry point that takes samples: clear messages that name
 * the problem and the values.
 */
public final class Inputs {
    private Inputs() {
    }

    /**
     * Checks that {@code x} is a non-empty rectangular array of finite values with rows of
     * {@code width}.
     *
     * @param x the samples
     * @param width expected values per row
     * @param what the argument's name for messages (e.g. "x", "targets")
     * @throws IllegalArgumentException naming the first problem found
     */
    public static void checkFeatures(double[][] x, int width, String what) {
        checkFeatures(x, width, "", what);
    }

    /**
     * Checks that {@code x} is a non-empty rectangular array of finite values, each row one
     * sample of this shape (an image or a sequence flattened); a wrong row length names the shape.
     *
     * @param x the samples
     * @param shape the shape of one sample
     * @param what the argument's name for messages (e.g. "x")
     * @throws IllegalArgumentException naming the first problem found
     */
    public static void checkFeatures(double[][] x, Shape shape, String what) {
        checkFeatures(x, shape.size(), layout(shape), what);
    }

    /**
     * How one sample of this shape is laid out, for error messages: empty for a vector,
     * e.g. {@code " (one image 1x8x8, stored [channel][row][col])"} or
     * {@code " (a sequence of 5 steps x 2 features, stored [step][feature])"}.
     *
     * @param shape the shape of one sample
     * @return the description, with a leading space, or an empty string
     */
    public static String layout(Shape shape) {
        if (shape instanceof Shape.Image) {
            return " (one " + shape + ", stored [channel][row][col])";
        }
        if (shape instanceof Shape.Sequence s) {
            return " (a sequence of " + s.steps() + " steps x " + s.features() + " features, stored [step][feature])";
        }
        return "";
    }

    private static void checkFeatures(double[][] x, int width, String layout, String what) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException(what + " is empty: need at least one sample");
        }
        for (int r = 0; r < x.length; r++) {
            if (x[r] == null) {
                throw new IllegalArgumentException(what + " row " + r + " is null");
            }
            if (x[r].length != width) {
                throw new IllegalArgumentException("shape mismatch: " + what + " row " + r + " has " + x[r].length
                        + " values, expected " + width + layout);
            }
            for (int c = 0; c < width; c++) {
                if (!Double.isFinite(x[r][c])) {
                    throw new IllegalArgumentException(what + " has a non-finite value " + x[r][c] + " at row " + r
                            + ", column " + c);
                }
            }
        }
    }
}
