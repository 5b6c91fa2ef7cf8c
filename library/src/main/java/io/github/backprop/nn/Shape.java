package io.github.backprop.nn;

import io.github.backprop.math.Matrix;

/**
 * The shape of one sample's values as a layer sees them. Samples always travel as flat row-major
 * vectors; the shape says how to read one:
 * <ul>
 *   <li>{@link Vector}: n values, as dense layers see them;</li>
 *   <li>{@link Image}: channels x height x width, stored [channel][row][col], so value (c, i, j)
 *       is at {@code (c * height + i) * width + j};</li>
 *   <li>{@link Sequence}: steps x features, stored [step][feature], so feature f of step t
 *       (t counted from 1) is at {@code (t - 1) * features + f}.</li>
 * </ul>
 * An 8x8 grey-scale digit is {@code Shape.image(1, 8, 8)}: the 64 pixels row by row, exactly as
 * in {@code digits.csv}.
 */
public sealed interface Shape permits Shape.Vector, Shape.Image, Shape.Sequence {

    /** Number of values of one sample, i.e. the length of its flat vector. */
    int size();

    /**
     * A plain vector of {@code size} values.
     *
     * @param size positive
     * @return the shape
     */
    static Vector vector(int size) {
        return new Vector(size);
    }

    /**
     * An image with {@code channels} channels of {@code height x width} pixels.
     *
     * @param channels positive (1 for grey-scale)
     * @param height rows, positive
     * @param width columns, positive
     * @return the shape
     */
    static Image image(int channels, int height, int width) {
        return new Image(channels, height, width);
    }

    /**
     * A sequence of {@code steps} time steps with {@code features} values each.
     *
     * @param steps time steps T, positive
     * @param features values per step, positive
     * @return the shape
     */
    static Sequence sequence(int steps, int features) {
        return new Sequence(steps, features);
    }

    /**
     * n values.
     *
     * @param size the number of values, positive
     */
    record Vector(int size) implements Shape {
        /** Checks the size. */
        public Vector {
            if (size <= 0) {
                throw new IllegalArgumentException("a vector needs at least 1 value, got " + size);
            }
        }

        /** e.g. {@code vector 10}. */
        @Override
        public String toString() {
            return "vector " + size;
        }
    }

    /**
     * channels x height x width values, stored [channel][row][col].
     *
     * @param channels positive
     * @param height rows, positive
     * @param width columns, positive
     */
    record Image(int channels, int height, int width) implements Shape {
        /** Checks the dimensions. */
        public Image {
            if (channels <= 0 || height <= 0 || width <= 0) {
                throw new IllegalArgumentException("an image needs positive channels, height and width, got "
                        + channels + "x" + height + "x" + width);
            }
        }

        @Override
        public int size() {
            return channels * height * width;
        }

        /**
         * Where value (c, i, j) sits in the flat vector: {@code (c * height + i) * width + j}.
         *
         * @param c channel, from 0
         * @param i row, from 0
         * @param j column, from 0
         * @return the index
         */
        public int index(int c, int i, int j) {
            return (c * height + i) * width + j;
        }

        /**
         * Channel c of one sample as a height x width matrix, e.g. a digit's pixels or one
         * feature map of a convolution's z, a or delta.
         *
         * @param sample one sample's flat values ({@link #size()} of them), not modified
         * @param c the channel, from 0
         * @return the channel's values, row i holding the image's row i
         */
        public Matrix channel(double[] sample, int c) {
            if (sample.length != size()) {
                throw new IllegalArgumentException("shape mismatch: one sample of " + this + " has " + size()
                        + " values, got " + sample.length);
            }
            if (c < 0 || c >= channels) {
                throw new IndexOutOfBoundsException("channel " + c + " is outside " + this + " (channels 0 to "
                        + (channels - 1) + ")");
            }
            return Matrix.copyOf(height, width, sample, index(c, 0, 0));
        }

        /** e.g. {@code image 1x8x8} (channels x height x width). */
        @Override
        public String toString() {
            return "image " + channels + "x" + height + "x" + width;
        }
    }

    /**
     * steps x features values, stored [step][feature].
     *
     * @param steps time steps T, positive
     * @param features values per step, positive
     */
    record Sequence(int steps, int features) implements Shape {
        /** Checks the dimensions. */
        public Sequence {
            if (steps <= 0 || features <= 0) {
                throw new IllegalArgumentException("a sequence needs positive steps and features, got "
                        + steps + " steps x " + features + " features");
            }
        }

        @Override
        public int size() {
            return steps * features;
        }

        /** e.g. {@code sequence 5x1} (steps x features). */
        @Override
        public String toString() {
            return "sequence " + steps + "x" + features;
        }
    }
}
